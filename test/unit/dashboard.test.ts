/** Portfolio-level views: the scorecard matrix (order, bands, groups) and the dashboard counts with their lists. */
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/model/dashboard.ts';
import { buildPortfolio, type PlanView } from '../../src/model/portfolio.ts';
import { bandGroups, groupPlans, worstFirst } from '../../src/model/scorecard-matrix.ts';
import { planSchema, type PlanData } from '../../src/schema/plan.ts';

// Today 2026-11-25. Reviews: due soon up to and including 30 days ahead (2026-12-25); stale: quarterly, asOf before 2026-05-25.
const config = { today: '2026-11-25', perspectives: ['financial', 'client', 'sales', 'people', 'management'], showDrafts: false, excludeConfidential: false };
const base = { summary: 's', status: 'active', period: { start: '2026-01-01', end: '2027-12-31' } };
const plan = (id: string, extra: Record<string, unknown>) =>
  ({ id, data: planSchema().parse({ account: id.toUpperCase(), ...base, ...extra }) as PlanData });
const review = (next: string) => ({ cadence: 'quarterly', next });
const measure = (id: string, perspective: string, actual: number, extra: Record<string, unknown> = {}) =>
  ({ id, perspective, measure: id, target: 100, actual, ...extra });
const action = (id: string, due: string, status: string) => ({ id, title: id, owner: 'jane', due, status });
const risk = (id: string, likelihood: number, impact: number, status: string) =>
  ({ id, title: id, likelihood, impact, mitigation: 'm', owner: 'jane', status });

const portfolio = buildPortfolio({
  people: [{ id: 'jane', data: { name: 'Jane Doe', title: 'AD' } }, { id: 'raj', data: { name: 'Raj Patel', title: 'AD' } }],
  plans: [
    // Health 1 (green). Review overdue. One overdue action; a done one past due and a future one are not.
    // Risks: 4 × 5 = 20 open (critical), 3 × 4 = 12 mitigating (high); 25 closed, 16 occurred and 4 open (low) are not counted.
    plan('alpha', {
      tier: 'strategic', owner: 'jane', industry: 'Retail', review: review('2026-11-20'),
      scorecard: [measure('a-fin', 'financial', 100)],
      actions: [action('late', '2026-11-01', 'planned'), action('finished', '2026-11-01', 'done'), action('later', '2026-12-01', 'planned')],
      risks: [risk('r20', 4, 5, 'open'), risk('r25', 5, 5, 'closed'), risk('r12', 3, 4, 'mitigating'), risk('r16', 4, 4, 'occurred'), risk('r4', 2, 2, 'open')],
    }),
    // Health (0 + 0.5) / 2 = 0.25 (red). Review in 30 days: due soon. The red measure is stale (2026-05-24).
    plan('beta', {
      tier: 'strategic', owner: 'raj', industry: 'Énergie', review: review('2026-12-25'),
      scorecard: [measure('b-fin', 'financial', 50, { asOf: '2026-05-24' }), measure('b-cli', 'client', 95, { asOf: '2026-05-25' })],
    }),
    // No measures: health unknown. Review in 31 days: not due soon.
    plan('gamma', { tier: 'key', owner: 'jane', review: review('2026-12-26') }),
    // Health 0.5 (amber). Review today: due soon.
    plan('delta', { tier: 'key', owner: 'raj', industry: 'Retail', review: review('2026-11-25'), scorecard: [measure('d-sal', 'sales', 95)] }),
    // Health 0.5 (amber), tied with delta.
    plan('eta', { tier: 'growth', owner: 'jane', industry: 'Retail', review: review('2027-06-30'), scorecard: [measure('e-sal', 'sales', 91)] }),
    // Confidential: would count everywhere, so must count nowhere.
    plan('secret', {
      tier: 'strategic', owner: 'jane', industry: 'Retail', confidential: true, review: review('2026-11-01'),
      scorecard: [measure('s-fin', 'financial', 0, { asOf: '2026-01-31' })],
      actions: [action('s-late', '2026-11-01', 'blocked')], risks: [risk('s-crit', 5, 5, 'open'), risk('s-high', 3, 4, 'open')],
    }),
    plan('draft', { status: 'draft', tier: 'strategic', owner: 'jane', review: review('2026-11-01'), actions: [action('d-late', '2026-11-01', 'planned')] }),
  ],
}, config);
const ids = (plans: readonly PlanView[]) => plans.map((p) => p.id);
const open = portfolio.plans;

describe('scorecard matrix', () => {
  it('holds the public plans only: a restricted plan\'s scorecard is in its area', () => {
    expect(ids(open)).toEqual(['alpha', 'beta', 'delta', 'eta', 'gamma']);
  });
  it('orders plans worst health first, equal health by account, unknown health last', () => {
    // beta 0.25, delta 0.5 = eta 0.5 (DELTA before ETA), alpha 1, gamma unknown.
    expect(ids(worstFirst(open))).toEqual(['beta', 'delta', 'eta', 'alpha', 'gamma']);
  });
  it('splits them into bands, worst band first, leaving empty bands out', () => {
    expect(bandGroups(open).map((g) => [g.band, ids(g.plans)])).toEqual([
      ['red', ['beta']], ['amber', ['delta', 'eta']], ['green', ['alpha']], ['unknown', ['gamma']],
    ]);
    expect(bandGroups(open.filter((p) => p.id === 'alpha')).map((g) => g.band)).toEqual(['green']);
  });
  it('groups by tier in tier order, by owner by name, and by industry alphabetically with none given last', () => {
    const groups = (by: 'tier' | 'owner' | 'industry') => groupPlans(open, by, portfolio.person).map((g) => [g.key, g.label, ids(g.plans)]);
    expect(groups('tier')).toEqual([['strategic', 'Strategic', ['beta', 'alpha']], ['key', 'Key', ['delta', 'gamma']], ['growth', 'Growth', ['eta']]]);
    expect(groups('owner')).toEqual([['jane', 'Jane Doe', ['eta', 'alpha', 'gamma']], ['raj', 'Raj Patel', ['beta', 'delta']]]);
    expect(groups('industry')).toEqual([
      ['energie', 'Énergie', ['beta']], ['retail', 'Retail', ['delta', 'eta', 'alpha']], ['none_given', 'No industry given', ['gamma']],
    ]);
  });
});

describe('dashboard', () => {
  const dashboard = buildDashboard(portfolio.plans);
  it('counts published plans that are not confidential', () => {
    expect(dashboard.plans).toBe(5);
  });
  it('counts plans by tier and health band, every tier and band present', () => {
    const counts = dashboard.tiers.map((t) => [t.tier, t.plans.length, t.bands.green.length, t.bands.amber.length, t.bands.red.length, t.bands.unknown.length]);
    expect(counts).toEqual([['strategic', 2, 1, 0, 1, 0], ['key', 2, 0, 1, 0, 1], ['growth', 1, 0, 1, 0, 0], ['maintain', 0, 0, 0, 0, 0]]);
    expect(ids(dashboard.tiers[0].bands.red)).toEqual(['beta']);
  });
  it('lists reviews overdue and due within 30 days (today and day 30 included), soonest first', () => {
    expect(ids(dashboard.reviews.overdue)).toEqual(['alpha']);
    expect(ids(dashboard.reviews.dueSoon)).toEqual(['delta', 'beta']);
  });
  it('lists overdue actions, critical and high risks that are open or mitigating, and stale measures', () => {
    const items = (list: { plan: PlanView; item: { id: string } }[]) => list.map((x) => `${x.plan.id}#${x.item.id}`);
    expect(items(dashboard.overdueActions)).toEqual(['alpha#late']);
    expect(items(dashboard.risks.critical)).toEqual(['alpha#r20']);
    expect(items(dashboard.risks.high)).toEqual(['alpha#r12']);
    expect(items(dashboard.staleMeasures)).toEqual(['beta#b-fin']);
  });
});
