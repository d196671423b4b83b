import { describe, expect, it } from 'vitest';
import { personSchema } from '../../src/schema/person.ts';
import { planSchema } from '../../src/schema/plan.ts';

const minimal = {
  account: 'Acme Bank',
  summary: 'Grow the digital share of the account.',
  status: 'active',
  tier: 'key',
  owner: 'jane-doe',
  period: { start: '2026-01-01', end: '2027-12-31' },
  review: { cadence: 'quarterly', next: '2027-01-15' },
};

const messages = (input: unknown, schema = planSchema()) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
};

describe('plan schema', () => {
  it('accepts the required header alone and applies the defaults', () => {
    const plan = planSchema().parse({ ...minimal, scorecard: [{ id: 'nps', perspective: 'client', measure: 'NPS', target: 40 }], actions: [{ id: 'a', title: 'Call', owner: 'x', due: '2026-02-01', status: 'planned' }] });
    expect(plan.confidential).toBe(false);
    expect(plan.scorecard![0]).toMatchObject({ direction: 'higher', tolerance: 0.1, weight: 1 });
    expect(plan.actions![0].repeats).toBe('once');
  });

  it('is strict: a mistyped key is an error at every level', () => {
    expect(messages({ ...minimal, ownr: 'x' })).toEqual([': unrecognized_keys']);
    expect(messages({ ...minimal, review: { ...minimal.review, nxt: '2027-01-01' } })).toEqual(['review: unrecognized_keys']);
    expect(messages({ ...minimal, goals: [{ id: 'g', title: 't', due: '2026-05-01', owner: 'x', status: 'done', kpi: { metric: 'm', target: 1, tagret: 2 } }] }))
      .toEqual(['goals.0.kpi: unrecognized_keys']);
  });

  it('keeps dates as strings and rejects dates that do not exist', () => {
    expect(messages({ ...minimal, period: { start: '2026-02-29', end: '2027-12-31' } })).toEqual(['period.start: custom']);
    expect(messages({ ...minimal, period: { start: '2024-02-29', end: '2027-12-31' } })).toEqual([]);
    expect(messages({ ...minimal, period: { start: '2026-1-5', end: '2027-12-31' } })).toEqual(['period.start: custom']);
  });

  it('takes money as a bare number or { amount, currency } with an ISO code', () => {
    expect(messages({ ...minimal, profile: { revenue: 1_000_000 } })).toEqual([]);
    expect(messages({ ...minimal, profile: { revenue: { amount: 5, currency: 'GBP' } } })).toEqual([]);
    expect(messages({ ...minimal, profile: { revenue: { amount: 5, currency: 'gbp' } } })).toEqual(['profile.revenue.currency: invalid_format']);
  });

  it('counts the summary in characters, not bytes or UTF-16 units', () => {
    expect(messages({ ...minimal, summary: 'é'.repeat(280) })).toEqual([]);
    expect(messages({ ...minimal, summary: '😀'.repeat(280) })).toEqual([]);
    expect(messages({ ...minimal, summary: 'é'.repeat(281) })).toEqual(['summary: custom']);
  });

  it('checks ids, enums and ranges', () => {
    expect(messages({ ...minimal, owner: 'Jane Doe' })).toEqual(['owner: invalid_format']);
    expect(messages({ ...minimal, tier: 'platinum' })).toEqual(['tier: invalid_value']);
    expect(messages({ ...minimal, risks: [{ id: 'r', title: 't', likelihood: 6, impact: 2.5, mitigation: 'm', owner: 'x', status: 'open' }] }))
      .toEqual(['risks.0.likelihood: too_big', 'risks.0.impact: invalid_type']);
    expect(messages({ ...minimal, team: [{ person: 'x', role: 'r', allocation: 101 }] })).toEqual(['team.0.allocation: too_big']);
    expect(messages({ ...minimal, selection: [{ criterion: 'a', weight: 50, score: 5 }, { criterion: 'b', weight: 50, score: 5 }] })).toEqual(['selection: too_small']);
  });

  it('takes the perspectives of the site', () => {
    const custom = planSchema(['finance', 'delivery']);
    const measure = { id: 'm', measure: 'x', target: 1 };
    expect(messages({ ...minimal, scorecard: [{ ...measure, perspective: 'delivery' }] }, custom)).toEqual([]);
    expect(messages({ ...minimal, scorecard: [{ ...measure, perspective: 'client' }] }, custom)).toEqual(['scorecard.0.perspective: invalid_value']);
  });
});

describe('person schema', () => {
  it('needs a name and a title; email must be an address', () => {
    expect(messages({ name: 'Jane', title: 'AD' }, personSchema as never)).toEqual([]);
    expect(messages({ name: 'Jane' }, personSchema as never)).toEqual(['title: invalid_type']);
    expect(messages({ name: 'Jane', title: 'AD', email: 'jane' }, personSchema as never)).toEqual(['email: invalid_format']);
  });
});
