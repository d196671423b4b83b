/**
 * The computed signals of spec v2 on their boundaries: overdue goals,
 * relationship coverage and plan completeness; and /attention/'s list, which
 * must hold one entry for each warning the checker gives about the same plans.
 */
import { levelOf } from '../../src/validate/rule-registry.ts';
import { describe, expect, it } from 'vitest';
import { buildAttention } from '../../src/model/attention.ts';
import { actionsCsv, exportPlans } from '../../src/model/export.ts';
import { planCompleteness } from '../../src/model/completeness.ts';
import { coverageNeedsAttention, relationshipCoverage } from '../../src/model/coverage.ts';
import { isGoalOverdue } from '../../src/model/due.ts';
import { buildPortfolio } from '../../src/model/portfolio.ts';
import { planSchema, type PlanData } from '../../src/schema/plan.ts';
import type { Stakeholder } from '../../src/schema/stakeholder.ts';
import { checkReferences } from '../../src/validate/rules.ts';

const TODAY = '2026-11-25';
const PERSPECTIVES = ['financial', 'client', 'sales', 'people', 'management'];

describe('overdue goals', () => {
  const goal = (due: string, status: Parameters<typeof isGoalOverdue>[0]['status']) => isGoalOverdue({ due, status }, TODAY);
  it('is overdue from the day after due, for every open status', () => {
    expect(goal('2026-11-24', 'on-track')).toBe(true);
    expect(goal('2026-11-24', 'not-started')).toBe(true);
    expect(goal('2026-11-24', 'at-risk')).toBe(true);
    expect(goal('2025-12-31', 'off-track')).toBe(true);
  });
  it('is not overdue on the day it is due, nor later', () => {
    expect(goal('2026-11-25', 'off-track')).toBe(false);
    expect(goal('2026-11-26', 'off-track')).toBe(false);
  });
  it('is never overdue once done or dropped', () => {
    expect(goal('2026-01-01', 'done')).toBe(false);
    expect(goal('2026-01-01', 'dropped')).toBe(false);
  });
});

const person = (over: Partial<Stakeholder> & Pick<Stakeholder, 'id'>): Stakeholder =>
  ({ name: over.id.toUpperCase(), title: 't', role: 'user', influence: 'high', stance: 'neutral', ...over });

describe('relationship coverage', () => {
  it('is unknown with no stakeholder of high or decisive influence', () => {
    const c = relationshipCoverage([person({ id: 'a', influence: 'medium', owner: 'jane' }), person({ id: 'b', influence: 'low' })], TODAY);
    expect(c).toMatchObject({ key: 0, covered: 0, share: undefined, gaps: [] });
    expect(relationshipCoverage([], TODAY).share).toBeUndefined();
  });
  it('counts high and decisive stakeholders with an owner and no overdue contact; medium and low are not counted', () => {
    const c = relationshipCoverage([
      person({ id: 'owned', influence: 'decisive', owner: 'jane' }),
      person({ id: 'unowned', influence: 'high' }),
      // Monthly from 2026-10-25: next due 2026-11-25, today: not overdue yet.
      person({ id: 'due-today', influence: 'high', owner: 'jane', lastContact: '2026-10-25', contactEvery: 'monthly' }),
      // Monthly from 2026-10-24: next due 2026-11-24, yesterday: overdue.
      person({ id: 'late', influence: 'high', owner: 'jane', lastContact: '2026-10-24', contactEvery: 'monthly' }),
      person({ id: 'medium', influence: 'medium' }),
    ], TODAY);
    expect(c.key).toBe(4);
    expect(c.covered).toBe(2);
    expect(c.share).toBe(0.5);
    expect(c.gaps).toEqual([{ id: 'unowned', name: 'UNOWNED', reason: 'no-owner' }, { id: 'late', name: 'LATE', reason: 'contact-overdue' }]);
  });
  it('names a missing decision-maker (role), champion (stance) and coach (role), among all stakeholders', () => {
    expect(relationshipCoverage([person({ id: 'a' })], TODAY).lacks).toEqual(['decision-maker', 'champion', 'coach']);
    const lacks = relationshipCoverage([
      person({ id: 'dm', role: 'decision-maker', influence: 'low' }), person({ id: 'ch', stance: 'champion', influence: 'low' }),
    ], TODAY).lacks;
    expect(lacks).toEqual(['coach']);
  });
  it('needs attention under 50% or without a decision-maker or champion; exactly 50% with both does not', () => {
    const both = [person({ id: 'dm', role: 'decision-maker', stance: 'champion', owner: 'jane' }), person({ id: 'x' })];
    expect(coverageNeedsAttention(relationshipCoverage(both, TODAY))).toBe(false);
    expect(coverageNeedsAttention(relationshipCoverage([...both, person({ id: 'y' })], TODAY))).toBe(true);
    const noChampion = [person({ id: 'dm', role: 'decision-maker', owner: 'jane' })];
    expect(coverageNeedsAttention(relationshipCoverage(noChampion, TODAY))).toBe(true);
    // A missing coach alone is shown on the plan, not on /attention/.
    const noCoach = [person({ id: 'dm', role: 'decision-maker', stance: 'champion', owner: 'jane' })];
    expect(relationshipCoverage(noCoach, TODAY).lacks).toEqual(['coach']);
    expect(coverageNeedsAttention(relationshipCoverage(noCoach, TODAY))).toBe(false);
  });
});

const header = { account: 'Acme', summary: 's', owner: 'jane', period: { start: '2026-01-01', end: '2027-12-31' }, review: { cadence: 'quarterly', next: '2027-01-15' } };
const parse = (extra: Record<string, unknown>) => planSchema().parse({ ...header, ...extra }) as PlanData;
const goal = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: id, due: '2027-06-30', owner: 'jane', status: 'on-track', ...extra });
const sh = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: id, title: 't', role: 'user', influence: 'low', stance: 'neutral', ...extra });
const act = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: id, owner: 'jane', due: '2027-06-30', status: 'planned', ...extra });

describe('plan completeness', () => {
  it('is not measured for draft, suspended or discontinued plans', () => {
    for (const status of ['draft', 'suspended', 'discontinued']) expect(planCompleteness(parse({ status, tier: 'key' }), PERSPECTIVES)).toBeUndefined();
    expect(planCompleteness(parse({ status: 'under-review', tier: 'key' }), PERSPECTIVES)).toBeDefined();
  });
  it('asks a growth or maintain plan for a goal, a stakeholder and an action', () => {
    const empty = planCompleteness(parse({ status: 'active', tier: 'growth' }), PERSPECTIVES)!;
    expect(empty.share).toBe(0);
    expect(empty.missing).toEqual(['at least 1 goal', 'at least 1 stakeholder', 'at least 1 action']);
    const two = planCompleteness(parse({ status: 'active', tier: 'maintain', goals: [goal('g')], actions: [act('a')] }), PERSPECTIVES)!;
    expect(two.share).toBeCloseTo(2 / 3);
    expect(two.missing).toEqual(['at least 1 stakeholder']);
  });
  it('asks a strategic or key plan for eleven parts, counting 3 goals and 3 stakeholders on the boundary', () => {
    const parts = {
      status: 'active', tier: 'strategic', mission: 'm', strategy: 's', profile: { headquarters: 'Porto' },
      team: [{ person: 'jane', role: 'lead' }],
      goals: [goal('g1'), goal('g2')], stakeholders: [sh('s1'), sh('s2'), sh('s3')],
      scorecard: PERSPECTIVES.slice(0, 4).map((p) => ({ id: `m-${p}`, perspective: p, measure: p, target: 1 })),
      risks: [{ id: 'r', title: 'r', likelihood: 1, impact: 1, mitigation: 'm', owner: 'jane', status: 'open' }],
      actions: [act('a')], competitors: [{ id: 'c', name: 'C', position: 'challenger' }],
    };
    const c = planCompleteness(parse(parts), PERSPECTIVES)!;
    expect(c.parts).toHaveLength(11);
    // Two goals of three, four perspectives of five, no SWOT.
    expect(c.missing).toEqual(['at least 3 goals', 'scorecard measures in every perspective', 'a SWOT']);
    expect(c.share).toBeCloseTo(8 / 11);
    const full = planCompleteness(parse({ ...parts, goals: [goal('g1'), goal('g2'), goal('g3')],
      scorecard: PERSPECTIVES.map((p) => ({ id: `m-${p}`, perspective: p, measure: p, target: 1 })),
      swot: { strengths: [], weaknesses: [], opportunities: [], threats: [] } }), PERSPECTIVES)!;
    expect(full.missing).toEqual([]);
    expect(full.share).toBe(1);
  });
});

describe('/attention/ and the checker', () => {
  // One plan with one of each warning, and one confidential plan whose warnings must not be listed.
  const acme = parse({
    status: 'active', tier: 'key', review: { cadence: 'quarterly', next: '2026-11-24' },
    team: [{ person: 'jane', role: 'lead', allocation: 80 }],
    goals: [goal('late-goal', { due: '2026-11-24' }), goal('today-goal', { due: '2026-11-25', status: 'off-track' }),
      goal('done-goal', { due: '2026-02-01', status: 'done' }), goal('wrong-horizon', { horizon: 'short' }),
      goal('early', { due: '2026-12-31', dependsOn: ['wrong-horizon'] })],
    stakeholders: [sh('opponent', { influence: 'decisive', stance: 'blocker' }),
      sh('quiet', { owner: 'jane', lastContact: '2026-08-01', contactEvery: 'monthly' })],
    scorecard: [{ id: 'old', perspective: 'financial', measure: 'Revenue', target: 1, actual: 1, asOf: '2026-01-31',
      history: [{ date: '2026-01-01', value: 1 }, { date: '2025-12-01', value: 1 }, { date: '2026-02-28', value: 1 }] }],
    actions: [act('late-action', { due: '2026-11-24' })],
  });
  const other = parse({ status: 'active', tier: 'growth', team: [{ person: 'jane', role: 'support', allocation: 30 }] });
  const secret = parse({ status: 'active', tier: 'key', confidential: true, review: { cadence: 'quarterly', next: '2026-01-01' },
    goals: [goal('secret-goal', { due: '2026-03-01' })] });
  const plans = [{ id: 'acme', data: acme }, { id: 'other', data: other }, { id: 'secret', data: secret }];
  const people = [{ id: 'jane', data: { name: 'Jane Doe', title: 'AD' } }];
  const portfolio = buildPortfolio({ plans, people }, { today: TODAY, perspectives: PERSPECTIVES, showDrafts: false, excludeConfidential: false });
  const attention = buildAttention(portfolio);

  it('lists one entry for each warning the checker gives about the plans it shows', () => {
    const findings = checkReferences(
      plans.filter((p) => p.id !== 'secret').map((p) => ({ id: p.id, file: `content/plans/${p.id}.mdx`, data: p.data,
        writtenIds: new Map([...(p.data.goals ?? []).map((g) => [g.id, 'goal'] as const), ...(p.data.actions ?? []).map((x) => [x.id, 'action'] as const)]) })),
      people.map((p) => ({ id: p.id, file: `content/people/${p.id}.yaml`, data: p.data })), { today: TODAY });
    expect(findings.filter((f) => levelOf(f.rule) === 'error')).toEqual([]);
    const warnings = findings.filter((f) => levelOf(f.rule) === 'warning');
    // The coverage gap is a computed signal, not a warning; the checker counts two history problems of one measure once here.
    const listed = attention.entries.filter((e) => e.kind !== 'coverage-gap');
    expect(warnings.length).toBe(listed.length + 1);
    expect(listed.map((e) => `${e.kind} ${e.title}`)).toEqual([
      'review-overdue Acme', 'goal-overdue late-goal', 'action-overdue late-action', 'contact-overdue quiet',
      'opponent-unowned opponent', 'over-allocated Jane Doe', 'stale-actual Revenue', 'history-dates Revenue',
      'horizon-contradiction wrong-horizon', 'due-before-dependency early',
    ]);
  });
  it('points each entry at the row it is about', () => {
    const at = Object.fromEntries(attention.entries.map((e) => [e.kind, e.target]));
    expect(at['goal-overdue']).toEqual({ page: 'plan', plan: 'acme', item: 'late-goal' });
    expect(at['contact-overdue']).toEqual({ page: 'plan', plan: 'acme', item: 'quiet' });
    expect(at['stale-actual']).toEqual({ page: 'scorecard', plan: 'acme', item: 'old' });
    expect(at['over-allocated']).toEqual({ page: 'person', person: 'jane' });
  });
  it('lists plans missing a decision-maker or champion, and leaves the confidential plan out', () => {
    expect(attention.byKind.find((k) => k.kind === 'coverage-gap')!.entries.map((e) => e.plan!.id)).toEqual(['acme', 'other']);
    expect(attention.entries.some((e) => e.plan?.id === 'secret')).toBe(false);
  });
  it('groups the same entries by owner', () => {
    expect(attention.byOwner.map((o) => o.owner)).toEqual(['jane']);
    expect(attention.byOwner[0].entries).toEqual(attention.entries);
  });
});

describe('the data export', () => {
  const plan = parse({ status: 'active', tier: 'growth', goals: [goal('late', { due: '2026-11-01' })],
    stakeholders: [sh('boss', { influence: 'decisive', role: 'decision-maker', owner: 'jane' }), sh('cfo', { influence: 'high' })],
    actions: [act('a1', { goal: 'late' })] });
  const portfolio = buildPortfolio({ plans: [{ id: 'acme', data: plan }], people: [{ id: 'jane', data: { name: 'Jane Doe', title: 'AD' } }] },
    { today: TODAY, perspectives: PERSPECTIVES, showDrafts: false, excludeConfidential: false });

  it('carries coverage, completeness and overdue goals in plans.json', () => {
    const [exported] = exportPlans(portfolio).plans;
    expect(exported.computed.overdueGoals).toBe(1);
    expect(exported.computed.coverage).toEqual({ share: 0.5, key: 2, covered: 1, uncovered: [{ stakeholder: 'cfo', reason: 'no-owner' }], lacks: ['champion', 'coach'] });
    expect(exported.computed.completeness).toEqual({ share: 1, missing: [] });
    expect(exported.goals[0].overdue).toBe(true);
  });

  it('closes each actions.csv row with the goal overdue, the plan coverage and the plan completeness', () => {
    const [header, row] = actionsCsv(portfolio, 'EUR').trimEnd().split('\r\n');
    expect(header.split(',').slice(-3)).toEqual(['goal_overdue', 'plan_coverage', 'plan_completeness']);
    expect(row.split(',').slice(-3)).toEqual(['yes', '0.5', '1']);
  });
});
