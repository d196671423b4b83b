/**
 * What pages read, all of it from the current snapshot (src/snapshot/): the
 * portfolio, and the paths and cache keys of the static pages. Nothing is
 * computed here.
 */
import type { Portfolio } from '../model/portfolio.ts';
import { snapshot } from '../snapshot/current.ts';
import { personKey, planKey } from '../snapshot/page-keys.ts';

export function getPortfolio(): Promise<Portfolio> {
  return Promise.resolve(snapshot().portfolio);
}

/** One static page per public plan: for every route under /plans/[id]/. */
export function planPaths() {
  const { portfolio, pageKeys } = snapshot();
  return portfolio.plans.map((p) => ({ params: { id: p.id }, cacheKey: planKey(pageKeys, p) }));
}

/** One static page per restricted area: for every route under /restricted/[group]/. */
export function areaPaths() {
  const { areas, pageKeys } = snapshot();
  return [...areas.keys()].map((group) => ({ params: { group }, cacheKey: pageKeys.all }));
}

/** One static page per plan of each area: for every route under /restricted/[group]/plans/[id]/. */
export function areaPlanPaths() {
  const { areas, pageKeys } = snapshot();
  return [...areas].flatMap(([group, portfolio]) => portfolio.plans.map((p) => ({ params: { group, id: p.id }, cacheKey: planKey(pageKeys, p) })));
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

/** The cacheKey of a page about the whole portfolio: it changes with any file (src/snapshot/page-keys.ts). */
export function contentKey(): string {
  return snapshot().pageKeys.all;
}
