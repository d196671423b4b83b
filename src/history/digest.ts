/**
 * What changed in a plan since its last review: goals added, removed or
 * changing status; scorecard actuals that moved; risks opened, closed or
 * re-scored; stakeholders whose stance or owner changed; actions completed or
 * now overdue. Pure: it compares two versions of a plan's data.
 */
import type { PlanData } from '../schema/plan.ts';
import { isActionOverdue } from '../model/due.ts';
import { riskScore } from '../model/risk-band.ts';
import type { IsoDate } from '../model/dates.ts';

export interface Digest {
  goalsAdded: { id: string; title: string }[];
  goalsRemoved: { id: string; title: string }[];
  goalStatus: { id: string; title: string; from: string; to: string }[];
  actuals: { id: string; measure: string; unit?: string; from?: number; to?: number }[];
  risksOpened: { id: string; title: string; score: number }[];
  risksClosed: { id: string; title: string; status: string }[];
  risksRescored: { id: string; title: string; from: number; to: number }[];
  stakeholders: { id: string; name: string; stance?: { from: string; to: string }; owner?: { from?: string; to?: string } }[];
  actionsCompleted: { id: string; title: string }[];
  actionsOverdue: { id: string; title: string; due: IsoDate }[];
}

const byId = <T extends { id: string }>(list: readonly T[] | undefined) => new Map((list ?? []).map((x) => [x.id, x]));
const isLive = (status: string) => status === 'open' || status === 'mitigating';

/** `before`: the plan as of its last review (undefined: it did not exist then). */
export function digestPlan(before: PlanData | undefined, after: PlanData, since: IsoDate, today: IsoDate): Digest {
  const oldGoals = byId(before?.goals);
  const newGoals = byId(after.goals);
  const oldMeasures = byId(before?.scorecard);
  const oldRisks = byId(before?.risks);
  const oldPeople = byId(before?.stakeholders);
  const oldActions = byId(before?.actions);
  const digest: Digest = {
    goalsAdded: [], goalsRemoved: [], goalStatus: [], actuals: [], risksOpened: [], risksClosed: [],
    risksRescored: [], stakeholders: [], actionsCompleted: [], actionsOverdue: [],
  };
  for (const goal of after.goals ?? []) {
    const old = oldGoals.get(goal.id);
    if (!old) digest.goalsAdded.push({ id: goal.id, title: goal.title });
    else if (old.status !== goal.status) digest.goalStatus.push({ id: goal.id, title: goal.title, from: old.status, to: goal.status });
  }
  for (const goal of before?.goals ?? []) {
    if (!newGoals.has(goal.id)) digest.goalsRemoved.push({ id: goal.id, title: goal.title });
  }
  for (const m of after.scorecard ?? []) {
    const old = oldMeasures.get(m.id);
    if (old && old.actual !== m.actual) digest.actuals.push({ id: m.id, measure: m.measure, unit: m.unit, from: old.actual, to: m.actual });
  }
  for (const risk of after.risks ?? []) {
    const old = oldRisks.get(risk.id);
    const score = riskScore(risk);
    if (isLive(risk.status) && (!old || !isLive(old.status))) digest.risksOpened.push({ id: risk.id, title: risk.title, score });
    else if (!isLive(risk.status) && old && isLive(old.status)) digest.risksClosed.push({ id: risk.id, title: risk.title, status: risk.status });
    if (old && riskScore(old) !== score) digest.risksRescored.push({ id: risk.id, title: risk.title, from: riskScore(old), to: score });
  }
  for (const s of after.stakeholders ?? []) {
    const old = oldPeople.get(s.id);
    if (!old) continue;
    const change: Digest['stakeholders'][number] = { id: s.id, name: s.name };
    if (old.stance !== s.stance) change.stance = { from: old.stance, to: s.stance };
    if (old.owner !== s.owner) change.owner = { from: old.owner, to: s.owner };
    if (change.stance || change.owner) digest.stakeholders.push(change);
  }
  for (const action of after.actions ?? []) {
    const old = oldActions.get(action.id);
    if (action.status === 'done' && old?.status !== 'done') digest.actionsCompleted.push({ id: action.id, title: action.title });
    // Overdue now, and was not yet overdue at the review.
    if (isActionOverdue(action, today) && !isActionOverdue(action, since)) {
      digest.actionsOverdue.push({ id: action.id, title: action.title, due: action.due });
    }
  }
  return digest;
}

export function isEmptyDigest(d: Digest): boolean {
  return Object.values(d).every((list) => list.length === 0);
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const num = (n: number | undefined, unit?: string) =>
  n === undefined ? 'none' : `${NUMBER.format(n)}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`;
const words = (s: string) => s.replace(/-/g, ' ');

/** The digest as plain sentences, one per change, in a stable order: for Markdown, HTML and tests alike. */
export function digestLines(d: Digest, personName: (id: string) => string = (id) => id): { section: string; lines: string[] }[] {
  const sections = [
    { section: 'Goals', lines: [
      ...d.goalsAdded.map((g) => `Added: ${g.title}`),
      ...d.goalsRemoved.map((g) => `Removed: ${g.title}`),
      ...d.goalStatus.map((g) => `${g.title}: ${words(g.from)} → ${words(g.to)}`),
    ] },
    { section: 'Scorecard', lines: d.actuals.map((m) => `${m.measure}: ${num(m.from, m.unit)} → ${num(m.to, m.unit)}`) },
    { section: 'Risks', lines: [
      ...d.risksOpened.map((r) => `Opened: ${r.title} (score ${r.score})`),
      ...d.risksClosed.map((r) => `Closed (${r.status}): ${r.title}`),
      ...d.risksRescored.map((r) => `Re-scored: ${r.title}: ${r.from} → ${r.to}`),
    ] },
    { section: 'Stakeholders', lines: d.stakeholders.flatMap((s) => [
      ...(s.stance ? [`${s.name}: ${s.stance.from} → ${s.stance.to}`] : []),
      ...(s.owner ? [`${s.name}: owner ${s.owner.from ? personName(s.owner.from) : 'none'} → ${s.owner.to ? personName(s.owner.to) : 'none'}`] : []),
    ]) },
    { section: 'Actions', lines: [
      ...d.actionsCompleted.map((a) => `Completed: ${a.title}`),
      ...d.actionsOverdue.map((a) => `Now overdue: ${a.title} (due ${a.due})`),
    ] },
  ];
  return sections.filter((s) => s.lines.length > 0);
}
