/** What the search index records of a plan besides its words: metadata, filters and sort keys. */
import { describe, expect, it } from 'vitest';
import { buildPortfolio } from '../../src/model/portfolio.ts';
import { planSchema, type PlanData } from '../../src/schema/plan.ts';
import { planFacets } from '../../src/site/search-facets.ts';

const base = { summary: 's', status: 'under-review', tier: 'strategic', owner: 'jane', period: { start: '2026-01-01', end: '2027-12-31' },
  review: { cadence: 'quarterly', next: '2027-01-10' } };
const plan = (id: string, extra: Record<string, unknown>) => ({ id, data: planSchema().parse({ account: `Acme, ${id} & Co`, ...base, ...extra }) as PlanData });
const measure = (id: string, actual: number) => ({ id, perspective: 'financial', measure: id, target: 100, actual });
const portfolio = buildPortfolio({
  plans: [
    plan('scored', { industry: 'Retail', region: 'Nordics', tags: ['crm', 'e-commerce'], scorecard: [measure('a', 100), measure('b', 50)] }),
    plan('bare', { owner: 'ghost' }),
  ],
  people: [{ id: 'jane', data: { name: 'Jane Doe', title: 'Account Director' } }],
}, { today: '2026-11-25', perspectives: ['financial', 'client', 'sales', 'people', 'management'], showDrafts: false, excludeConfidential: false });

describe('search facets of a plan', () => {
  it('shows the account, tier, status, owner, health and next review in the words of the plan page', () => {
    const { meta } = planFacets(portfolio.plan.get('scored')!, portfolio);
    // One measure green (1), one red (0): health 50%, amber.
    expect(meta).toEqual({ account: 'Acme, scored & Co', tier: 'Strategic', owner: 'Jane Doe', status: 'Under review', health: 'Amber 50%', review: '10 Jan 2027' });
  });

  it('filters by tier, industry, region, status, owner and every tag', () => {
    expect(planFacets(portfolio.plan.get('scored')!, portfolio).filters).toEqual({
      tier: ['Strategic'], status: ['Under review'], owner: ['Jane Doe'], industry: ['Retail'], region: ['Nordics'], tags: ['crm', 'e-commerce'],
    });
  });

  it('leaves out the filters a plan has no value for', () => {
    expect(Object.keys(planFacets(portfolio.plan.get('bare')!, portfolio).filters).sort()).toEqual(['owner', 'status', 'tier']);
  });

  it('sorts by next review as an ISO date and by health as a whole percentage, unknown health first', () => {
    expect(planFacets(portfolio.plan.get('scored')!, portfolio).sort).toEqual({ review: '2027-01-10', health: '50' });
    const bare = planFacets(portfolio.plan.get('bare')!, portfolio);
    expect(bare.sort.health).toBe('-1');
    expect(bare.meta.health).toBe('Unknown');
  });
});
