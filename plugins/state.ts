/**
 * The checked content of this process, shared between the integration (which
 * checks, renders diagrams and bodies before Astro does anything) and the
 * pages, which read it here. Nothing goes through Astro's content store: it
 * would hold every plan a second time and serialise all of it on every edit
 * (35 MB and 2 s at 1000 plans). Pages are loaded through Vite, as separate
 * module instances, so the state lives on globalThis.
 */
import type { CheckResult } from '../src/validate/check.ts';
import type { SiteConfig } from './options.ts';
import type { LinkTargets } from '../src/links/resolve.ts';
import type { PlanHistory } from '../src/history/since-review.ts';
import type { PageKeys } from './page-keys.ts';


export interface ContentState {
  root: string;
  config: SiteConfig;
  result: CheckResult;
  /** What body links resolve against in this build. */
  links: LinkTargets;
  /** The cache file holding each rendered diagram's SVG, by diagram source. */
  diagrams: Map<string, string>;
  /** Each shown plan's digest since its last review, and when it last changed (git). */
  history: Map<string, PlanHistory>;
  /** Each shown plan's body as HTML: links resolved, diagrams placed. */
  bodies: Map<string, string>;
  /** Counts refreshes: what pages computed from the content is good while it is unchanged. */
  version: number;
  /** What pages give Astro as their cacheKey, so an unchanged page is reused (plugins/page-keys.ts). */
  pageKeys: PageKeys;
  /** Checks the content again (after an edit in dev); unchanged files are not re-parsed or re-rendered. */
  refresh(): Promise<CheckResult>;
}

const KEY = Symbol.for('keyplan.content-state');

export function setContentState(state: ContentState): void {
  (globalThis as Record<symbol, unknown>)[KEY] = state;
}

export function getContentState(): ContentState {
  const state = (globalThis as Record<symbol, unknown>)[KEY] as ContentState | undefined;
  if (!state) {
    throw new Error('Keyplan content is not loaded: add keyplan() to the integrations in astro.config.mjs');
  }
  return state;
}
