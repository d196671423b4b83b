/**
 * The checked content of this process, shared between the integration (which
 * checks before Astro does anything) and the content loader (which stores what
 * passed). Astro loads the loader through Vite, as a separate module instance,
 * so the state lives on globalThis.
 */
import type { CheckResult } from '../src/validate/check.ts';
import type { SiteConfig } from './options.ts';
import type { LinkTargets } from '../src/links/resolve.ts';
import type { PlanHistory } from '../src/history/since-review.ts';
import type { BodyInputs, BodyRenderer } from './body.ts';

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
  /** Renders plan bodies to HTML. */
  bodies: BodyRenderer;
  /** What bodies render against in this build: link targets, diagrams, processor. */
  bodyInputs(): BodyInputs;
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
