/**
 * What needs attention across the portfolio: one entry per warning the
 * checker gives about published content (src/validate/rules.ts), decided by
 * the same predicates, plus plans whose relationship map has gaps. Each entry
 * points at the exact row it is about. Confidential plans are left out.
 *
 * The kinds are Keyplan's own small enum; each names the checker's rule it
 * mirrors in `rule`, so they can later map to the findings' rule ids.
 */
import { isOverAllocated } from './allocation.ts';
import { coverageNeedsAttention, COVERAGE_ATTENTION, isUnownedOpponent } from './coverage.ts';
import { daysBetween, formatDate, type IsoDate } from './dates.ts';
import { CADENCE_MONTHS, isDueBeforeDependency } from './due.ts';
import { horizonContradiction } from './horizon.ts';
import { historyAfterAsOf, historyOutOfOrder } from './measure-history.ts';
import type { PlanView, Portfolio } from './portfolio.ts';
import { byAccount } from './scorecard-matrix.ts';

export const ATTENTION_KINDS = {
  'review-overdue': { title: 'Reviews overdue', section: 'reviews-overdue', rule: 'review overdue' },
  'goal-overdue': { title: 'Overdue goals', section: 'goals-overdue', rule: 'overdue goal' },
  'action-overdue': { title: 'Overdue actions', section: 'actions-overdue', rule: 'overdue action' },
  'contact-overdue': { title: 'Contacts overdue', section: 'contacts-overdue', rule: 'contact overdue' },
  'opponent-unowned': { title: 'Skeptics and blockers nobody owns', section: 'opponents-unowned', rule: 'high-influence skeptic or blocker without an owner' },
  'over-allocated': { title: 'People allocated over 100%', section: 'people-over-allocated', rule: 'total allocation above 100%' },
  'stale-actual': { title: 'Stale measures', section: 'measures-stale', rule: 'stale actual' },
  'history-dates': { title: 'Measure histories with doubtful dates', section: 'measures-history', rule: 'history out of date order, history after asOf' },
  'horizon-contradiction': { title: 'Horizons contradicting dates', section: 'goals-horizon', rule: 'horizon contradicting dates' },
  'due-before-dependency': { title: 'Due before what they depend on', section: 'items-due-before-dependency', rule: 'due before a dependency' },
  'coverage-gap': { title: 'Gaps in the relationship map', section: 'coverage-gaps', rule: 'relationship coverage (computed signal, not a warning)' },
} as const;
export type AttentionKind = keyof typeof ATTENTION_KINDS;
export const ATTENTION_ORDER = Object.keys(ATTENTION_KINDS) as AttentionKind[];

/** Where an entry's row is: a plan page (with the item's anchor), a plan's scorecard page, or a person page. */
export type AttentionTarget =
  | { page: 'plan'; plan: string; item?: string }
  | { page: 'scorecard'; plan: string; item: string }
  | { page: 'person'; person: string };

export interface AttentionEntry {
  kind: AttentionKind;
  /** Undefined for an entry about a person. */
  plan?: PlanView;
  target: AttentionTarget;
  /** The row's own name: a goal's title, a stakeholder's name, a person id for over-allocation. */
  title: string;
  /** The person who should act, when known. */
  owner?: string;
  /** The checker's fact in a few words. */
  detail: string;
  /** The date the entry is about (sorted oldest first); undefined sorts last. */
  date?: IsoDate;
}

export interface Attention {
  entries: AttentionEntry[];
  /** Every kind, in order, with its entries (possibly none). */
  byKind: { kind: AttentionKind; entries: AttentionEntry[] }[];
  /** Entries by the person who should act, by person id; entries with no one named last under `undefined`. */
  byOwner: { owner?: string; entries: AttentionEntry[] }[];
}

const on = (date: IsoDate | undefined) => (date === undefined ? '—' : formatDate(date));
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const percent = (share: number) => `${Math.round(share * 100)}%`;

export function buildAttention(portfolio: Pick<Portfolio, 'plans' | 'people' | 'today'>): Attention {
  const { today } = portfolio;
  const plans = [...portfolio.plans].sort(byAccount);
  const byId = new Map(portfolio.plans.map((p) => [p.id, p]));
  const entries: AttentionEntry[] = [];
  const add = (e: AttentionEntry) => entries.push(e);

  for (const plan of plans) {
    const d = plan.data;
    const at = (item?: string): AttentionTarget => ({ page: 'plan', plan: plan.id, item });
    if (plan.review === 'overdue') {
      add({ kind: 'review-overdue', plan, target: at('section_digest'), title: d.account, owner: d.owner, date: d.review.next,
        detail: `planning meeting due ${on(d.review.next)}, ${days(daysBetween(d.review.next, today))} ago (${d.review.cadence})` });
    }
    for (const g of plan.goals) {
      if (g.overdue) {
        add({ kind: 'goal-overdue', plan, target: at(g.id), title: g.title, owner: g.owner, date: g.due,
          detail: `${g.status}, due ${on(g.due)}, ${days(daysBetween(g.due, today))} overdue` });
      }
      const written = d.goals?.find((x) => x.id === g.id);
      const derived = written && horizonContradiction(d.period.start, written);
      if (derived) {
        add({ kind: 'horizon-contradiction', plan, target: at(g.id), title: g.title, owner: g.owner, date: g.due,
          detail: `written "${written.horizon}", the dates make it ${derived} term` });
      }
    }
    for (const list of ['goals', 'actions'] as const) {
      for (const item of plan[list]) {
        for (const dep of item.dependencies) {
          const other = byId.get(dep.plan)?.[list].find((x) => x.id === dep.item);
          if (other && isDueBeforeDependency(item, other)) {
            add({ kind: 'due-before-dependency', plan, target: at(item.id), title: item.title, owner: item.owner, date: item.due,
              detail: `due ${on(item.due)}, before "${dep.label}" (due ${on(other.due)})` });
          }
        }
      }
    }
    for (const a of plan.actions) {
      if (a.overdue) {
        add({ kind: 'action-overdue', plan, target: at(a.id), title: a.title, owner: a.owner, date: a.due,
          detail: `${a.status}, due ${on(a.due)}, ${days(daysBetween(a.due, today))} overdue` });
      }
    }
    for (const s of plan.stakeholders) {
      if (s.contactOverdue) {
        add({ kind: 'contact-overdue', plan, target: at(s.id), title: s.name, owner: s.owner ?? d.owner, date: s.nextContact,
          detail: `last contact ${on(s.lastContact)}, ${s.contactEvery}; next was due ${on(s.nextContact)}` });
      }
    }
    for (const s of plan.stakeholders) {
      if (isUnownedOpponent(s)) {
        add({ kind: 'opponent-unowned', plan, target: at(s.id), title: s.name, owner: d.owner,
          detail: `${s.influence}-influence ${s.stance}, no owner of ours` });
      }
    }
    for (const m of plan.measures) {
      if (m.stale) {
        add({ kind: 'stale-actual', plan, target: { page: 'scorecard', plan: plan.id, item: m.id }, title: m.measure, owner: d.owner, date: m.asOf,
          detail: `measured ${on(m.asOf)}, more than ${2 * CADENCE_MONTHS[d.review.cadence]} months ago` });
      }
      const unordered = historyOutOfOrder(m.history);
      const after = historyAfterAsOf(m);
      if (unordered > 0 || after.length > 0) {
        const why = [unordered > 0 && `${on(m.history![unordered].date)} listed after ${on(m.history![unordered - 1].date)}`,
          after.length > 0 && `${after.length} value${after.length === 1 ? '' : 's'} dated after asOf ${on(m.asOf)}`].filter(Boolean).join('; ');
        add({ kind: 'history-dates', plan, target: { page: 'scorecard', plan: plan.id, item: m.id }, title: m.measure, owner: d.owner, detail: why });
      }
    }
    // A suspended or discontinued plan's relationship map needs no one's attention.
    const live = d.status === 'active' || d.status === 'under-review';
    if (live && coverageNeedsAttention(plan.coverage)) {
      const c = plan.coverage;
      const why = [c.share !== undefined && c.share < COVERAGE_ATTENTION && `coverage ${percent(c.share)} (${c.covered} of ${c.key} key stakeholders)`,
        ...c.lacks.filter((r) => r !== 'coach').map((r) => `no ${r}`)].filter(Boolean).join('; ');
      add({ kind: 'coverage-gap', plan, target: at(plan.stakeholders.length > 0 ? 'section_stakeholders' : undefined), title: d.account, owner: d.owner, detail: why });
    }
  }

  for (const person of portfolio.people) {
    if (isOverAllocated(person.allocation)) {
      add({ kind: 'over-allocated', target: { page: 'person', person: person.id }, title: person.data.name, owner: person.id,
        detail: `allocated ${Math.round(person.allocation * 100) / 100}% in total across ${person.teams.length} plans` });
    }
  }

  const byDate = (a: AttentionEntry, b: AttentionEntry) =>
    a.date === b.date ? 0 : a.date === undefined ? 1 : b.date === undefined ? -1 : a.date.localeCompare(b.date);
  const byKind = ATTENTION_ORDER.map((kind) => ({ kind, entries: entries.filter((e) => e.kind === kind).sort(byDate) }));
  const sorted = byKind.flatMap((k) => k.entries);
  const owners = [...new Set(sorted.map((e) => e.owner))];
  const name = (id: string | undefined) => (id === undefined ? '\uffff' : portfolio.people.find((p) => p.id === id)?.data.name ?? id);
  owners.sort((a, b) => name(a).localeCompare(name(b), 'en'));
  return { entries: sorted, byKind, byOwner: owners.map((owner) => ({ owner, entries: sorted.filter((e) => e.owner === owner) })) };
}
