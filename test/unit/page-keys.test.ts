/**
 * The page keys of a dev refresh: a plan's key follows its file, its body and
 * its history, and the cache behind them holds the plans of the current
 * content only, however many saves came before.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheSizes } from '../../src/cache/content-cache.ts';
import { resolveSiteConfig } from '../../src/config/site.ts';
import { decideVisibility } from '../../src/model/visibility.ts';
import { buildPortfolio } from '../../src/model/portfolio.ts';
import type { PlanData } from '../../src/schema/plan.ts';
import { pageKeys, personKey, type PageKeyInput } from '../../src/snapshot/page-keys.ts';
import { checkContent } from '../../src/validate/check.ts';

const REPO = join(import.meta.dirname, '../..');
const TODAY = '2026-11-25';
const config = resolveSiteConfig({}, { KEYPLAN_TODAY: TODAY, KEYPLAN_CHROMIUM: 'none' }, { dev: true, root: REPO });
const result = checkContent({ root: REPO, today: TODAY });
const visibility = decideVisibility(result.plans, config);
// Bodies by page: a public plan's one page, a restricted plan's page in each of its areas.
const page = (id: string) => visibility.views.find((v) => v.plans.includes(id))!.homes.get(id)!;
const bodies = new Map(result.plans.filter((p) => visibility.shown.includes(p.id)).map((p) => [page(p.id), [`<p>${p.id}</p>`]]));
const input = (changes: Partial<PageKeyInput> = {}): PageKeyInput =>
  ({ config, result, history: new Map(), bodies, diagramsOf: new Map(), visibility, ...changes });

describe('page keys over dev saves', () => {
  const [first, second] = result.plans;

  it('hash what a plan page is made from: file, history, body and diagrams', () => {
    const { own } = pageKeys(input({ diagramsOf: new Map([[first.id, ['a.svg']]]) }));
    const expected = createHash('sha256')
      .update(`${first.source.file}:${first.source.hash}\nnull\nplans/${first.id}/\n["<p>${first.id}</p>"]\n\na.svg\n`).digest('hex');
    expect(own.get(first.id)).toBe(expected);
  });

  it('change for the plan whose body or history changed, and only for it', () => {
    const before = pageKeys(input()).own;
    const edited = pageKeys(input({ bodies: new Map([...bodies, [page(first.id), ['<p>Edited.</p>']]]) })).own;
    expect(edited.get(first.id)).not.toBe(before.get(first.id));
    expect(edited.get(second.id)).toBe(before.get(second.id));
    const reviewed = pageKeys(input({ history: new Map([[second.id, { digest: { unavailable: 'no git' } }]]) })).own;
    expect(reviewed.get(second.id)).not.toBe(before.get(second.id));
    expect(pageKeys(input()).own).toEqual(before);
  });

  it('are kept for the current plans only', () => {
    for (let save = 0; save < 20; save++) pageKeys(input({ bodies: new Map([...bodies, [page(first.id), [`<p>Save ${save}</p>`]]]) }));
    expect(cacheSizes()['page keys']).toBe(result.plans.length);
    pageKeys(input({ result: { ...result, plans: result.plans.slice(1) } }));
    expect(cacheSizes()['page keys']).toBe(result.plans.length - 1);
  });
});

describe('the key of a person page', () => {
  const plans = result.plans.filter((p) => p.data).map((p) => ({ id: p.id, data: p.data! }));
  const people = result.people.filter((p) => p.data).map((p) => ({ id: p.id, data: p.data! }));
  const portfolioOf = (of: typeof plans) => buildPortfolio({ plans: of, people, visibility }, config);
  // A goal another person's goal depends on: its title is on its owner's page, not on the other person's.
  const portfolio = portfolioOf(plans);
  const [dependent, target] = portfolio.plans.flatMap((p) => p.goals.flatMap((g) => g.dependencies
    .filter((d) => !d.restricted)
    .map((d) => [g, portfolio.plan.get(d.plan)!.goals.find((t) => t.id === d.item)!, d.plan] as const)))
    .filter(([g, t]) => g.owner !== undefined && t.owner !== undefined && g.owner !== t.owner)
    .map(([g, t, planId]) => [g, { goal: t, plan: planId }] as const)[0];
  const retitled = portfolioOf(plans.map((p) => p.id !== target.plan ? p : ({ id: p.id, data: {
    ...p.data, goals: p.data.goals!.map((g) => (g.id === target.goal.id ? { ...g, title: `${g.title}, retitled` } : g)),
  } as PlanData })));
  const keyOf = (of: typeof portfolio, person: string) => personKey(pageKeys(input()), of.person.get(person)!, of);

  it('changes for the owner of a goal whose title changed', () => {
    expect(keyOf(retitled, target.goal.owner!)).not.toBe(keyOf(portfolio, target.goal.owner!));
  });

  it('stays for the owner of a goal that depends on it: their page does not list what their goals depend on', () => {
    expect(keyOf(retitled, dependent.owner!)).toBe(keyOf(portfolio, dependent.owner!));
  });
});
