/**
 * The rules no single file can check: references between plans, people and
 * items, duplicate ids, cycles, dates against the period, selection weights;
 * and the warnings of the content model.
 */
import type { Action } from '../schema/action.ts';
import type { PlanData } from '../schema/plan.ts';
import type { Person } from '../schema/person.ts';
import { ID_PATTERN, suggestId } from '../schema/primitives.ts';
import { CADENCE_MONTHS, isActionOverdue, isActualStale, isContactOverdue, isDueBeforeDependency, isGoalOverdue, nextContactDue, reviewState } from '../model/due.ts';
import { horizonContradiction } from '../model/horizon.ts';
import { isOverAllocated } from '../model/allocation.ts';
import { isUnownedOpponent } from '../model/coverage.ts';
import { historyAfterAsOf, historyOutOfOrder } from '../model/measure-history.ts';
import type { IsoDate } from '../model/dates.ts';
import { findCycles, type Edge } from './cycles.ts';
import type { Finding } from './found.ts';
import type { FieldPath } from './issue.ts';
import type { RuleId } from './rule-registry.ts';
import { closest, didYouMean } from '../text/suggest.ts';
import { ITEM_LISTS, type ItemKind, type ItemList } from '../schema/items.ts';
import { isPlaceholderSummary } from './placeholder.ts';

export { ITEM_LISTS, type ItemKind, type ItemList };

export interface PlanInput {
  id: string;
  file: string;
  /** Fields that passed the schema; undefined when the file is unreadable. */
  data: Partial<PlanData> | undefined;
  /** Every item id written in the file, valid or not, so references to a broken item don't cascade. */
  writtenIds: Map<string, ItemKind>;
}

export interface PersonInput {
  id: string;
  file: string;
  data: Partial<Person> | undefined;
}

export interface RuleOptions {
  today: IsoDate;
}

export function checkReferences(plans: readonly PlanInput[], people: readonly PersonInput[], options: RuleOptions): Finding[] {
  const findings: Finding[] = [];
  for (const person of people) checkFileName(person.file, person.id, 'person', findings);
  for (const plan of plans) checkFileName(plan.file, plan.id, 'plan', findings);
  // "Acme Bank.mdx" has its error above; from here on it is "acme-bank", so references to that don't cascade.
  plans = plans.map((p) => ({ ...p, id: intendedId(p.id) }));
  people = people.map((p) => ({ ...p, id: intendedId(p.id) }));

  const report = (file: string, rule: RuleId, path: FieldPath, message: string, anchor: Finding['anchor'] = 'value') =>
    findings.push({ file, rule, path, message, anchor });

  const personIds = new Set(people.map((p) => p.id));
  const planById = new Map(plans.map((p) => [p.id, p]));

  const checkPerson = (file: string, path: FieldPath, id: string | undefined) => {
    if (id === undefined || personIds.has(id)) return;
    const hint = didYouMean(id, personIds) || `: add content/people/${id}.yaml or use an existing person id`;
    report(file, 'keyplan/unknown-person', path, `unknown person "${id}"${hint}`);
  };

  // People: managers exist and form no loop.
  const managerEdges: Edge<{ file: string }>[] = [];
  for (const person of people) {
    const manager = person.data?.manager;
    if (manager === undefined) continue;
    if (manager === person.id) report(person.file, 'keyplan/self-reference', ['manager'], 'a person cannot be their own manager');
    else if (!personIds.has(manager)) checkPerson(person.file, ['manager'], manager);
    else managerEdges.push({ from: person.id, to: manager, ref: { file: person.file } });
  }
  for (const cycle of findCycles(managerEdges)) {
    report(cycle.closing.ref.file, 'keyplan/reporting-cycle', ['manager'], `reporting cycle: ${cycle.nodes.join(' → ')}; someone in it must report outside it`);
  }

  const goalEdges: Edge<{ file: string; path: FieldPath }>[] = [];
  const actionEdges: Edge<{ file: string; path: FieldPath }>[] = [];
  const parentEdges: Edge<{ file: string }>[] = [];
  const allocations = new Map<string, { plan: string; file: string; path: FieldPath; allocation: number }[]>();

  for (const plan of plans) {
    const data = plan.data;
    if (!data) continue;
    const { file } = plan;

    checkPerson(file, ['owner'], data.owner);
    checkPerson(file, ['review', 'approvedBy'], data.review?.approvedBy);

    // Account hierarchy.
    if (data.parent !== undefined) {
      if (data.parent === plan.id) report(file, 'keyplan/self-reference', ['parent'], 'a plan cannot be its own parent');
      else if (!planById.has(data.parent)) report(file, 'keyplan/unknown-plan', ['parent'], unknownPlan(data.parent, otherPlans(planById, plan.id)));
      else parentEdges.push({ from: plan.id, to: data.parent, ref: { file } });
    }
    data.related?.forEach((related, i) => {
      if (related === plan.id) report(file, 'keyplan/self-reference', ['related', i], 'a plan cannot be related to itself');
      else if (!planById.has(related)) report(file, 'keyplan/unknown-plan', ['related', i], unknownPlan(related, otherPlans(planById, plan.id)));
    });

    data.team?.forEach((member, i) => {
      checkPerson(file, ['team', i, 'person'], member.person);
      if (member.allocation !== undefined && personIds.has(member.person)) {
        const list = allocations.get(member.person) ?? [];
        list.push({ plan: plan.id, file, path: ['team', i, 'allocation'], allocation: member.allocation });
        allocations.set(member.person, list);
      }
    });

    // Item ids are unique within the plan across all kinds.
    const firstUse = new Map<string, string>();
    for (const list of Object.keys(ITEM_LISTS) as ItemList[]) {
      (data[list] as { id: string }[] | undefined)?.forEach((item, i) => {
        const where = `${list}[${i}]`;
        const earlier = firstUse.get(item.id);
        if (earlier) report(file, 'keyplan/duplicate-id', [list, i, 'id'], `duplicate id "${item.id}": ${earlier} already uses it; item ids are unique in a plan across all kinds`);
        else firstUse.set(item.id, where);
      });
    }

    // Dates.
    const period = data.period;
    const periodOk = period !== undefined && period.end > period.start;
    if (period && !periodOk) {
      report(file, 'keyplan/period-reversed', ['period', 'end'], `the period ends on ${period.end}, ${period.end === period.start ? 'the same day it starts' : `before it starts (${period.start})`}; end must be after start`);
    }
    const inPeriod = (path: FieldPath, date: IsoDate | undefined, what: string) => {
      if (!periodOk || date === undefined) return;
      if (date < period!.start || date > period!.end) {
        report(file, 'keyplan/outside-period', path, `${what} ${date} is outside the plan period ${period!.start} to ${period!.end}; move it inside or extend period`);
      }
    };

    if (data.status !== 'draft' && data.summary && isPlaceholderSummary(data.summary)) {
      report(file, 'keyplan/placeholder-summary', ['summary'], `placeholder summary: this ${data.status} plan is published with the template's "One line on where…"; write one line on where the relationship stands`);
    }
    if (data.review && reviewState(data.review.next, options.today) === 'overdue') {
      report(file, 'keyplan/review-overdue', ['review', 'next'], `review overdue: the planning meeting was due on ${data.review.next}; hold it and set review.next to the next date`);
    }

    // Selection weights.
    if (data.selection && data.selection.length >= 3) {
      const total = data.selection.reduce((sum, c) => sum + c.weight, 0);
      if (Math.abs(total - 100) > 1e-9) {
        report(file, 'keyplan/selection-weights', ['selection'], `the weights add up to ${round(total)}, not 100; adjust them so they sum to 100`, 'key');
      }
    }

    // Goals.
    data.goals?.forEach((goal, i) => {
      const at: FieldPath = ['goals', i];
      checkPerson(file, [...at, 'owner'], goal.owner);
      inPeriod([...at, 'due'], goal.due, 'due date');
      inPeriod([...at, 'start'], goal.start, 'start date');
      if (goal.start !== undefined && goal.start > goal.due) {
        report(file, 'keyplan/start-after-due', [...at, 'start'], `the goal starts on ${goal.start}, after it is due (${goal.due}); start must not be after due`);
      }
      if (goal.horizon && period) {
        const derived = horizonContradiction(period.start, goal);
        if (derived) {
          report(file, 'keyplan/horizon-mismatch', [...at, 'horizon'], `horizon "${goal.horizon}" contradicts the dates: due ${goal.due} is ${derived} term from the period start ${period.start}; remove horizon to derive it, or write "${derived}"`);
        }
      }
      if (isGoalOverdue(goal, options.today)) {
        report(file, 'keyplan/overdue-goal', [...at, 'due'], `overdue goal: "${goal.title}" was due ${goal.due} and is ${goal.status}; mark it done or dropped, or move due and say why`);
      }
      goal.dependsOn?.forEach((ref, j) => {
        const path: FieldPath = [...at, 'dependsOn', j];
        const target = resolveItem(plan, ref, 'goal', planById, (rule, m) => report(file, rule, path, m));
        if (!target) return;
        goalEdges.push({ from: `${plan.id}#${goal.id}`, to: `${target.plan.id}#${target.id}`, ref: { file, path } });
        const other = target.plan.data?.goals?.find((g) => g.id === target.id);
        if (other && isDueBeforeDependency(goal, other)) {
          report(file, 'keyplan/due-before-dependency', path, `"${goal.id}" is due ${goal.due}, before "${ref}" that it depends on (due ${other.due}); move one of the two due dates, or drop the dependency`);
        }
      });
    });

    // Stakeholders.
    const reportsEdges: Edge<{ file: string; path: FieldPath }>[] = [];
    data.stakeholders?.forEach((s, i) => {
      const at: FieldPath = ['stakeholders', i];
      checkPerson(file, [...at, 'owner'], s.owner);
      if (s.reportsTo !== undefined) {
        const path = [...at, 'reportsTo'];
        if (s.reportsTo === s.id) report(file, 'keyplan/self-reference', path, 'a stakeholder cannot report to themselves');
        else if (checkLocal(plan, s.reportsTo, 'stakeholder', (rule, m) => report(file, rule, path, m))) {
          reportsEdges.push({ from: s.id, to: s.reportsTo, ref: { file, path } });
        }
      }
      s.influences?.forEach((other, j) => {
        const path = [...at, 'influences', j];
        if (other === s.id) report(file, 'keyplan/self-reference', path, 'a stakeholder cannot influence themselves');
        else checkLocal(plan, other, 'stakeholder', (rule, m) => report(file, rule, path, m));
      });
      if (isUnownedOpponent(s)) {
        report(file, 'keyplan/skeptic-without-owner', at, `${s.name} is a ${s.influence}-influence ${s.stance} with no owner; name one of our people as owner to hold the relationship`, 'object');
      }
      if (isContactOverdue(s, options.today)) {
        report(file, 'keyplan/contact-overdue', [...at, 'lastContact'], `contact overdue: last contact with ${s.name} was ${s.lastContact} and the agreed cadence is ${s.contactEvery} (next was due ${nextContactDue(s.lastContact!, s.contactEvery!)})`);
      }
    });
    for (const cycle of findCycles(reportsEdges)) {
      report(file, 'keyplan/reporting-cycle', cycle.closing.ref.path, `reporting cycle: ${cycle.nodes.join(' → ')}; someone in it must report outside it`);
    }

    // Scorecard.
    data.scorecard?.forEach((m, i) => {
      if (data.review && isActualStale(m.asOf, data.review.cadence, options.today)) {
        report(file, 'keyplan/stale-actual', ['scorecard', i, 'asOf'], `stale actual: "${m.measure}" was measured on ${m.asOf}, more than two ${data.review.cadence} reviews (${2 * CADENCE_MONTHS[data.review.cadence]} months) ago; update actual and asOf`);
      }
      // The trend sorts history by date, so a list out of order still draws; but it is often a mistyped date.
      const history = m.history ?? [];
      const unordered = historyOutOfOrder(history);
      if (unordered > 0) {
        report(file, 'keyplan/scorecard-history', ['scorecard', i, 'history', unordered, 'date'], `history out of date order: "${m.measure}" lists ${history[unordered].date} after ${history[unordered - 1].date}; list history oldest first, and check the dates`);
      }
      for (const j of historyAfterAsOf(m)) {
        report(file, 'keyplan/scorecard-history', ['scorecard', i, 'history', j, 'date'], `history after asOf: "${m.measure}" has a value dated ${history[j].date}, after its actual (asOf ${m.asOf}); the actual is the latest value, so fix the date or make this value the actual`);
      }
    });

    data.risks?.forEach((r, i) => checkPerson(file, ['risks', i, 'owner'], r.owner));

    // Actions.
    data.actions?.forEach((action, i) => {
      const at: FieldPath = ['actions', i];
      checkPerson(file, [...at, 'owner'], action.owner);
      if (action.goal !== undefined) checkLocal(plan, action.goal, 'goal', (rule, m) => report(file, rule, [...at, 'goal'], m));
      if (action.risk !== undefined) checkLocal(plan, action.risk, 'risk', (rule, m) => report(file, rule, [...at, 'risk'], m));
      if (action.start !== undefined && action.start > action.due) {
        report(file, 'keyplan/start-after-due', [...at, 'start'], `the action starts on ${action.start}, after it is due (${action.due}); start must not be after due`);
      }
      if (isActionOverdue(action, options.today)) {
        report(file, 'keyplan/overdue-action', [...at, 'due'], `overdue action: "${action.title}" was due ${action.due} and is ${action.status}; finish it, or move due and say why`);
      }
      action.dependsOn?.forEach((ref, j) => {
        const path: FieldPath = [...at, 'dependsOn', j];
        const target = resolveItem(plan, ref, 'action', planById, (rule, m) => report(file, rule, path, m));
        if (!target) return;
        actionEdges.push({ from: `${plan.id}#${action.id}`, to: `${target.plan.id}#${target.id}`, ref: { file, path } });
        const other: Action | undefined = target.plan.data?.actions?.find((a) => a.id === target.id);
        if (other && isDueBeforeDependency(action, other)) {
          report(file, 'keyplan/due-before-dependency', path, `"${action.id}" is due ${action.due}, before "${ref}" that it depends on (due ${other.due}); move one of the two due dates, or drop the dependency`);
        }
      });
    });
  }

  for (const cycle of findCycles(goalEdges)) reportDependencyCycle(cycle, 'goal', findings);
  for (const cycle of findCycles(actionEdges)) reportDependencyCycle(cycle, 'action', findings);
  for (const cycle of findCycles(parentEdges)) {
    report(cycle.closing.ref.file, 'keyplan/hierarchy-cycle', ['parent'], `account hierarchy cycle: ${cycle.nodes.join(' → ')}; a group cannot be its own descendant`);
  }

  // A person's allocation across every plan.
  for (const [person, entries] of allocations) {
    const total = entries.reduce((sum, e) => sum + e.allocation, 0);
    if (isOverAllocated(total)) {
      const first = entries[0];
      const parts = entries.map((e) => `${e.plan} ${round(e.allocation)}%`).join(', ');
      report(first.file, 'keyplan/over-allocation', first.path, `${person} is allocated ${round(total)}% in total across plans (${parts}); rebalance to 100% or less`);
    }
  }
  return findings;
}

function checkFileName(file: string, id: string, what: 'plan' | 'person', findings: Finding[]): void {
  if (ID_PATTERN.test(id)) return;
  const ext = what === 'plan' ? '.mdx' : '.yaml';
  findings.push({ file, rule: 'keyplan/file-name', path: [], at: { line: 1, column: 1 },
    message: `the file name "${id}${ext}" is not a valid ${what} id: rename it to "${suggestId(id)}${ext}" (lower-case letters, digits and single hyphens)` });
}

/** The id a file or item was meant to have: itself when valid. */
export function intendedId(id: string): string {
  return ID_PATTERN.test(id) ? id : suggestId(id);
}

/** Plan ids to suggest from: never the plan itself, which cannot be its own parent or relative. */
function otherPlans(plans: Map<string, PlanInput>, self: string): string[] {
  return [...plans.keys()].filter((id) => id !== self);
}

function unknownPlan(id: string, known: Iterable<string>): string {
  const hint = didYouMean(id, known);
  return `unknown plan "${id}"${hint || `: there is no content/plans/${id}.mdx`}`;
}

/** A reference to an item of the plan's own: `goal` in `actions[].goal`. */
function checkLocal(plan: PlanInput, id: string, kind: ItemKind, fail: (rule: RuleId, message: string) => void): boolean {
  const found = plan.writtenIds.get(id);
  if (found === kind) return true;
  if (found) {
    fail('keyplan/wrong-kind', `"${id}" is ${article(found)} ${found}, not ${article(kind)} ${kind}${kindHint(plan, id, kind)}`);
    return false;
  }
  fail('keyplan/unknown-item', unknownItem(id, kind, 'this plan', idsOfKind(plan, kind)));
  return false;
}

/** `id` or `plan-id#id`; reports and returns undefined when it does not name an item of `kind`. */
function resolveItem(plan: PlanInput, ref: string, kind: ItemKind, plans: Map<string, PlanInput>,
  fail: (rule: RuleId, message: string) => void): { plan: PlanInput; id: string } | undefined {
  const hash = ref.indexOf('#');
  if (hash < 0) return checkLocal(plan, ref, kind, fail) ? { plan, id: ref } : undefined;
  const planId = ref.slice(0, hash);
  const id = ref.slice(hash + 1);
  const target = plans.get(planId);
  if (!target) {
    fail('keyplan/unknown-plan', unknownPlan(planId, plans.keys()));
    return undefined;
  }
  // An unreadable plan has its own error; its items are unknown, not missing.
  if (!target.data) return undefined;
  const found = target.writtenIds.get(id);
  if (found === kind) return { plan: target, id };
  if (found) {
    fail('keyplan/wrong-kind', `"${ref}" is ${article(found)} ${found}, not ${article(kind)} ${kind}${kindHint(target, id, kind)}`);
    return undefined;
  }
  fail('keyplan/unknown-item', unknownItem(id, kind, `plan "${planId}"`, idsOfKind(target, kind)));
  return undefined;
}

function reportDependencyCycle(cycle: ReturnType<typeof findCycles<{ file: string; path: FieldPath }>>[number], kind: string, findings: Finding[]): void {
  // Within one plan, show bare ids; across plans, qualified ones.
  const plansInCycle = new Set(cycle.nodes.map((n) => n.split('#')[0]));
  const names = plansInCycle.size === 1 ? cycle.nodes.map((n) => n.split('#')[1]) : cycle.nodes;
  const message = cycle.nodes.length === 2
    ? `${kind} "${names[0]}" depends on itself`
    : `${kind} dependency cycle: ${names.join(' → ')}; remove one of these dependsOn entries`;
  findings.push({ file: cycle.closing.ref.file, rule: 'keyplan/dependency-cycle', path: cycle.closing.ref.path, anchor: 'value', message });
}

/** With no near name, the ids there are (when few enough to read), so the fix is in the message. */
function unknownItem(id: string, kind: ItemKind, where: string, known: string[]): string {
  const message = `unknown ${kind} "${id}" in ${where}`;
  const hint = didYouMean(id, known);
  const kinds = kind === 'opportunity' ? 'opportunities' : `${kind}s`;
  if (hint) return message + hint;
  if (known.length === 0) return `${message}, which has no ${kinds}`;
  if (known.length <= 5) return `${message}; its ${kinds}: ${known.join(', ')}`;
  return `${message}: use the id of one of its ${known.length} ${kinds}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function idsOfKind(plan: PlanInput, kind: ItemKind): string[] {
  return [...plan.writtenIds].filter(([, k]) => k === kind).map(([i]) => i);
}

/** " (did you mean …)" among the items of the kind that was asked for. */
function kindHint(plan: PlanInput, id: string, kind: ItemKind): string {
  const match = closest(id, idsOfKind(plan, kind));
  return match ? ` (did you mean the ${kind} "${match}"?)` : '';
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

