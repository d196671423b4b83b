/**
 * The portfolio for this build, computed once from the checked content and
 * shared by every page; in dev, computed again after each edit.
 */
import site from 'virtual:keyplan/config';
import { buildPortfolio, type Portfolio } from '../model/portfolio.ts';
import { getContentState } from '../../plugins/state.ts';
import { planKey } from '../../plugins/page-keys.ts';

let cached: { version: number; portfolio: Promise<Portfolio> } | undefined;

export function getPortfolio(): Promise<Portfolio> {
  const state = getContentState();
  if (cached?.version !== state.version) cached = { version: state.version, portfolio: Promise.resolve(load()) };
  return cached.portfolio;
}

function load(): Portfolio {
  const state = getContentState();
  const valid = state.result.plans.flatMap((p) => (p.data ? [{ id: p.id, data: p.data, outline: p.outline }] : []));
  return buildPortfolio({
    plans: valid,
    people: state.result.people.flatMap((p) => (p.data ? [{ id: p.id, data: p.data }] : [])),
    outlines: new Map(valid.flatMap((p) => (p.outline ? [[p.id, p.outline] as const] : []))),
    history: state.history,
  }, site);
}

/** A shown plan's body as HTML, and the file it came from. */
export function planSource(id: string): { html: string; file: string } {
  const state = getContentState();
  return { html: state.bodies.get(id) ?? '', file: state.result.plans.find((p) => p.id === id)!.source.file };
}

/** One static page per plan in this build: for every route under /plans/[id]/. */
export async function planPaths() {
  const keys = getContentState().pageKeys;
  return (await getPortfolio()).plans.map((p) => ({ params: { id: p.id }, cacheKey: planKey(keys, p) }));
}

/** One static page per person. */
export async function personPaths() {
  const cacheKey = contentKey();
  return (await getPortfolio()).people.map((p) => ({ params: { id: p.id }, cacheKey }));
}

/** The cacheKey of a page about the whole portfolio: it changes with any file (plugins/page-keys.ts). */
export function contentKey(): string {
  return getContentState().pageKeys.all;
}
