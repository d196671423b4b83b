/**
 * What pages read, all of it from the current snapshot (src/snapshot/): the
 * portfolio, and the paths and cache keys of the static pages. Nothing is
 * computed here.
 */
import type { Portfolio } from '../model/portfolio.ts';
import { snapshot } from '../snapshot/current.ts';
import { planKey } from '../snapshot/page-keys.ts';

export function getPortfolio(): Promise<Portfolio> {
  return Promise.resolve(snapshot().portfolio);
}

/** One static page per plan in this build: for every route under /plans/[id]/. */
export function planPaths() {
  const { portfolio, pageKeys } = snapshot();
  return portfolio.plans.map((p) => ({ params: { id: p.id }, cacheKey: planKey(pageKeys, p) }));
}

/** One static page per person. */
export function personPaths() {
  const { portfolio, pageKeys } = snapshot();
  return portfolio.people.map((p) => ({ params: { id: p.id }, cacheKey: pageKeys.all }));
}

/** The cacheKey of a page about the whole portfolio: it changes with any file (src/snapshot/page-keys.ts). */
export function contentKey(): string {
  return snapshot().pageKeys.all;
}
