/**
 * What pages read, all of it from the current snapshot (src/snapshot/): the
 * portfolio, and the paths and cache keys of the static pages. Nothing is
 * computed here.
 */
import type { Portfolio } from '../model/portfolio.ts';
import { snapshot } from '../snapshot/current.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import { type PageKey, personKey, planKey, planOwnKey } from '../snapshot/page-keys.ts';

export function getPortfolio(): Promise<Portfolio> {
  return Promise.resolve(snapshot().portfolio);
}

/** One static page per public plan: for every route under /plans/[id]/. */
export function planPaths() {
  const { portfolio, pageKeys } = snapshot();
  return portfolio.plans.map((p) => ({ params: { id: p.id }, cacheKey: planKey(pageKeys, p, portfolio) }));
}

/** One static page per restricted area: for every route under /restricted/[group]/. */
export function areaPaths() {
  const { areas, pageKeys } = snapshot();
  return [...areas.keys()].map((group) => ({ params: { group }, cacheKey: pageKeys.all }));
}

/** One static page per plan of each area: for every route under /restricted/[group]/plans/[id]/. */
export function areaPlanPaths() {
  const { areas, pageKeys } = snapshot();
  return [...areas].flatMap(([group, portfolio]) => portfolio.plans.map((p) => ({ params: { group, id: p.id }, cacheKey: planKey(pageKeys, p, portfolio) })));
}

/** The portfolio of a view: the public site's, or the area's of `group`. */
export function viewPortfolio(group?: string): Portfolio {
  const current = snapshot();
  return group === undefined ? current.portfolio : current.areas.get(group)!;
}

/** One static page per person. */
export function personPaths() {
  const { portfolio, pageKeys } = snapshot();
  return portfolio.people.map((p) => ({ params: { id: p.id }, cacheKey: personKey(pageKeys, p, portfolio) }));
}

/**
 * What the search knows of each page of its index (indexedPaths) before it
 * renders, by path from the site root: the cacheKey the routes above give it,
 * which says whether Astro will reuse the last build's page, and what its own
 * subject is made from (src/snapshot/page-keys.ts PageKey). The public
 * portfolio page has no cacheKey: it is rendered in every build.
 */
export function indexedPageKeys(current: Snapshot): Map<string, PageKey> {
  const { portfolio, areas, pageKeys } = current;
  const keys = new Map<string, PageKey>([['/', { own: pageKeys.shared }]]);
  const plans = (of: Portfolio) => {
    for (const plan of of.plans) keys.set(`/${plan.home}`, { cache: planKey(pageKeys, plan, of), own: planOwnKey(pageKeys, plan) });
  };
  plans(portfolio);
  // A person's key is what their page shows (src/snapshot/page-keys.ts personKey): changed, the page did.
  for (const person of portfolio.people) {
    const key = personKey(pageKeys, person, portfolio);
    keys.set(`/people/${person.id}/`, { cache: key, own: key });
  }
  for (const area of areas.values()) {
    keys.set(`/${area.view.prefix}`, { cache: pageKeys.all, own: pageKeys.shared });
    plans(area);
  }
  return keys;
}

/** The cacheKey of a page about the whole portfolio: it changes with any file (src/snapshot/page-keys.ts). */
export function contentKey(): string {
  return snapshot().pageKeys.all;
}
