/** The portfolio for this build, computed once and shared by every page. */
import { getCollection } from 'astro:content';
import site from 'virtual:keyplan/config';
import { buildPortfolio, type Portfolio } from '../model/portfolio.ts';
import type { Outline } from '../links/outline.ts';
import type { PlanHistory } from '../history/since-review.ts';

let cached: Promise<Portfolio> | undefined;

export function getPortfolio(): Promise<Portfolio> {
  // In dev, content changes between requests: compute afresh each time.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

async function load(): Promise<Portfolio> {
  const [plans, people, outlines, history] = await Promise.all([
    getCollection('plans'), getCollection('people'), getCollection('outlines'), getCollection('history')]);
  return buildPortfolio({
    plans, people,
    outlines: new Map(outlines.map((o) => [o.id, o.data as unknown as Outline])),
    history: new Map(history.map((h) => [h.id, h.data as unknown as PlanHistory])),
  }, site);
}

/** One static page per plan in this build: for every route under /plans/[id]/. */
export async function planPaths() {
  return (await getPortfolio()).plans.map((p) => ({ params: { id: p.id } }));
}

/** One static page per person. */
export async function personPaths() {
  return (await getPortfolio()).people.map((p) => ({ params: { id: p.id } }));
}
