/** The portfolio's cross-links: backlinks, blocking dependencies, hierarchy and what each person holds. */
import { describe, expect, it } from 'vitest';
import { outlineBody } from '../../src/links/outline.ts';
import type { Outline } from '../../src/links/outline.ts';
import { buildPortfolio } from '../../src/model/portfolio.ts';
import { planSchema, type PlanData } from '../../src/schema/plan.ts';

const base = { summary: 's', status: 'active', tier: 'key', owner: 'jane', period: { start: '2026-01-01', end: '2027-12-31' },
  review: { cadence: 'quarterly', next: '2027-01-01' } };
const plan = (id: string, extra: Record<string, unknown>) => ({ id, data: planSchema().parse({ account: id.toUpperCase(), ...base, ...extra }) as PlanData });
const goal = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `Goal ${id}`, due: '2026-06-30', owner: 'jane', status: 'on-track', ...extra });
const people = [{ id: 'jane', data: { name: 'Jane', title: 'AD' } }, { id: 'raj', data: { name: 'Raj', title: 'Architect' } }];
const config = { today: '2026-11-25', perspectives: ['financial', 'client', 'sales', 'people', 'management'], showDrafts: false, excludeConfidential: false };

const plans = [
  plan('group', { goals: [goal('framework')], team: [{ person: 'raj', role: 'Architect', allocation: 70 }] }),
  plan('sub', {
    parent: 'group', related: ['sister'],
    goals: [goal('align', { dependsOn: ['group#framework'], due: '2026-09-30' })],
    actions: [{ id: 'kickoff', title: 'Kick off', owner: 'raj', due: '2026-10-01', status: 'planned' }],
    team: [{ person: 'raj', role: 'Lead', allocation: 50 }],
  }),
  plan('sister', { parent: 'secret', goals: [goal('ally', { dependsOn: ['secret#hush'], due: '2027-06-30' })] }),
  plan('secret', { confidential: true, goals: [goal('hush', { owner: 'raj' })], related: ['group'] }),
  plan('draft', { status: 'draft', related: ['group'] }),
];
const outlines = new Map<string, Outline>([
  ['sub', outlineBody('## Context\n\nWe follow [the group framework](plan:group#framework).\n', 20) as Outline],
]);
const portfolio = buildPortfolio({ plans, people, outlines }, config);

describe('portfolio cross-links', () => {
  it('lists what references a plan: parent, related, body links and dependencies, each from its exact place', () => {
    const refs = portfolio.plan.get('group')!.referencedBy;
    expect(refs).toEqual(expect.arrayContaining([
      { kind: 'link', from: { plan: 'sub', heading: 'context' }, to: { plan: 'group', item: 'framework' } },
      { kind: 'parent', from: { plan: 'sub' }, to: { plan: 'group' } },
      { kind: 'depends-on', from: { plan: 'sub', item: 'align' }, to: { plan: 'group', item: 'framework' } },
    ]));
    // The draft is not in a production build, and the restricted plan is not the public site's to show: neither refers to anything here.
    expect(refs.some((r) => r.from.plan === 'draft' || r.from.plan === 'secret')).toBe(false);
    expect(refs).toHaveLength(3);
  });

  it('shows a dependency from both sides', () => {
    const framework = portfolio.plan.get('group')!.goals[0];
    expect(framework.blocks).toEqual([{ plan: 'sub', item: 'align', label: 'Goal align' }]);
    expect(portfolio.plan.get('sub')!.goals[0].dependencies).toEqual([{ plan: 'group', item: 'framework', label: 'Goal framework' }]);
  });

  it('lists children under their parent and related plans on both sides', () => {
    expect(portfolio.plan.get('group')!.children).toEqual(['sub']);
    expect(portfolio.plan.get('sister')!.related).toEqual(['sub']);
    expect(portfolio.plan.get('sub')!.related).toEqual(['sister']);
  });

  it('totals a person\'s allocation and lists what they own, counting restricted plans without naming them', () => {
    const raj = portfolio.person.get('raj')!;
    expect(raj.allocation).toBe(120);
    expect(raj.actions.map((a) => `${a.plan}#${a.action.id}`)).toEqual(['sub#kickoff']);
    expect(raj.goals).toEqual([]);
    expect(raj.restricted).toBe(1);
    expect(portfolio.person.get('jane')!.owns.sort()).toEqual(['group', 'sister', 'sub']);
  });
});

describe('restricted plans', () => {
  it('leave the public portfolio; what points at them says so, without a link', () => {
    expect(portfolio.plans.map((p) => p.id).sort()).toEqual(['group', 'sister', 'sub']);
    expect(portfolio.plan.has('secret')).toBe(false);
    const sister = portfolio.plan.get('sister')!;
    expect(sister).toMatchObject({ parent: undefined, restrictedParent: true, home: 'plans/sister/' });
    expect(sister.goals[0].dependencies).toEqual([{ plan: '', item: '', label: 'a restricted goal', restricted: true }]);
    expect(portfolio.plan.get('group')!.restrictedRelated).toBe(0);
  });

  it('have their area: its own plans at their area pages, public plans linked where they are', () => {
    const [, area] = portfolio.visibility.views;
    const secret = buildPortfolio({ plans, people, outlines, view: area }, config);
    expect(secret.plans.map((p) => p.id)).toEqual(['secret']);
    expect(secret.plan.get('secret')!.home).toBe('restricted/confidential/plans/secret/');
    expect(secret.plan.get('group')!.home).toBe('plans/group/');
    expect(secret.plan.get('secret')!.related).toEqual(['group']);
    // Seen from the area, the public plan that depends on the secret goal is a plan it may read: the goal blocks it.
    expect(secret.plan.get('secret')!.goals[0].blocks).toEqual([{ plan: 'sister', item: 'ally', label: 'Goal ally' }]);
    expect(secret.plan.get('secret')!.children).toEqual(['sister']);
  });

  it('leave no pointer at all when restricted plans are left out', () => {
    const without = buildPortfolio({ plans, people, outlines }, { ...config, excludeConfidential: true });
    expect(without.plan.has('secret')).toBe(false);
    expect(without.plan.get('sister')!.restrictedParent).toBe(false);
    expect(without.plan.get('sister')!.goals[0].dependencies).toEqual([]);
    expect(without.person.get('raj')!.restricted).toBe(0);
  });
});
