/** Overdue goals and actions, reviews due or overdue, stale actuals and contacts overdue. */
import type { ActionStatus } from '../schema/action.ts';
import type { GoalStatus } from '../schema/goal.ts';
import type { Cadence } from '../schema/plan.ts';
import type { ContactCadence } from '../schema/stakeholder.ts';
import { addDays, addMonths, daysBetween, type IsoDate } from './dates.ts';

/** Overdue when today is after `due` and the action is neither done nor obsolete. */
export function isActionOverdue(action: { due: IsoDate; status: ActionStatus }, today: IsoDate): boolean {
  return today > action.due && action.status !== 'done' && action.status !== 'obsolete';
}

/** Overdue when today is after `due` and the goal is neither done nor dropped (spec v2, goals). */
export function isGoalOverdue(goal: { due: IsoDate; status: GoalStatus }, today: IsoDate): boolean {
  return today > goal.due && goal.status !== 'done' && goal.status !== 'dropped';
}

export function isActionOpen(action: { status: ActionStatus }): boolean {
  return action.status !== 'done' && action.status !== 'obsolete';
}

export type ReviewState = 'overdue' | 'due-soon' | 'scheduled';

/** How many days ahead a review counts as due soon. */
export const REVIEW_DUE_DAYS = 30;

/** Overdue when the next planning meeting is before today; due soon within 30 days. */
export function reviewState(next: IsoDate, today: IsoDate): ReviewState {
  if (next < today) return 'overdue';
  if (daysBetween(today, next) <= REVIEW_DUE_DAYS) return 'due-soon';
  return 'scheduled';
}

export const CADENCE_MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 };

/** Stale when measured more than two review cadences before today. */
export function isActualStale(asOf: IsoDate | undefined, cadence: Cadence, today: IsoDate): boolean {
  if (!asOf) return false;
  return asOf < addMonths(today, -2 * CADENCE_MONTHS[cadence]);
}

/** The date by which the next contact is due. */
export function nextContactDue(lastContact: IsoDate, every: ContactCadence): IsoDate {
  if (every === 'weekly') return addDays(lastContact, 7);
  return addMonths(lastContact, every === 'monthly' ? 1 : 3);
}

/** Overdue when `lastContact` plus one interval is before today. */
export function isContactOverdue(s: { lastContact?: IsoDate; contactEvery?: ContactCadence }, today: IsoDate): boolean {
  if (!s.lastContact || !s.contactEvery) return false;
  return nextContactDue(s.lastContact, s.contactEvery) < today;
}

/** A goal or action due before something it depends on: the dependency cannot finish in time. */
export function isDueBeforeDependency(item: { due: IsoDate }, dependency: { due: IsoDate }): boolean {
  return dependency.due > item.due;
}
