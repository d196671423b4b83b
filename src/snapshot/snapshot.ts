/**
 * The snapshot: everything the pages of one build (or of one dev refresh)
 * show, decided once from the checked content and the options, then frozen.
 * Pages read it through src/snapshot/current.ts and render; nothing they
 * need is computed twice and nothing in it changes after it is built. A dev
 * edit builds a new snapshot and swaps the one reference.
 *
 *   files → check → prepare (visibility, link targets) → render (diagrams,
 *   bodies, git history: done by the integration) → buildSnapshot → pages
 */
import type { BodyParts } from '../body/parts.ts';
import type { SiteConfig } from '../config/options.ts';
import type { PlanHistory } from '../history/since-review.ts';
import type { PlanChange } from '../history/changes.ts';
import type { LinkTargets } from '../links/resolve.ts';
import { buildLinkTargets, forView } from '../links/targets.ts';
import { buildPortfolio, type Portfolio } from '../model/portfolio.ts';
import { decideVisibility, type View, type Visibility } from '../model/visibility.ts';
import type { CheckedPlan, CheckResult } from '../validate/check.ts';
import { compareIssues, type Issue } from '../validate/issue.ts';
import { pageKeys, type PageKeys } from './page-keys.ts';

/** What is decided before anything is rendered: which plans are shown, where, and what links resolve to in each view. */
export interface Prepared {
  config: SiteConfig;
  result: CheckResult;
  visibility: Visibility;
  /** What links resolve to on the public site. */
  links: LinkTargets;
  /** The shown plans, in file order, each with its data. */
  shown: readonly CheckedPlan[];
  /** Each view (the public site, then each area) with what links resolve to on its pages. */
  views: readonly { view: View; links: LinkTargets }[];
}

/** What the integration renders for the shown plans (diagrams in Chromium, bodies with the Markdown processor, history from git). */
export interface Rendered {
  /** The render-cache file of each rendered diagram, by diagram source. */
  diagrams: ReadonlyMap<string, string>;
  /** What each plan's diagrams are: render-cache files, or `browser:<source>` where the reader's browser draws one. */
  diagramsOf: ReadonlyMap<string, readonly string[]>;
  /**
   * Each page's plan body, by the plan's page path from the base (`plans/<id>/`, `restricted/<group>/plans/<id>/`): links differ by view.
   * Runs of HTML and the views placed between them (src/body/parts.ts).
   */
  bodies: ReadonlyMap<string, BodyParts>;
  history: ReadonlyMap<string, PlanHistory>;
  /** What changed in each view's plans, commit by commit, newest first (src/history/changes.ts), by the view's prefix: the change feeds. */
  changes: ReadonlyMap<string, readonly PlanChange[]>;
  /** Findings of the rendering itself (mermaid's errors in body blocks), added to the check's. */
  issues: readonly Issue[];
}

export interface Snapshot extends Readonly<Prepared>, Readonly<Omit<Rendered, 'issues'>> {
  /** The public site's portfolio. */
  readonly portfolio: Portfolio;
  /** Each area's portfolio, by group. */
  readonly areas: ReadonlyMap<string, Portfolio>;
  readonly pageKeys: PageKeys;
  /** The errors of this content: a build stops on them; dev names them on every page. */
  readonly errors: readonly Issue[];
  /** The files (content-relative paths) with an error: in dev, their plans are left out, as the banner says. */
  readonly errorFiles: ReadonlySet<string>;
  /** Counts snapshots in this process: equal versions, equal content. */
  readonly version: number;
  /** In dev, why the last refresh failed: pages show the content before it, under this message. */
  readonly failure?: string;
}

export function prepare(config: SiteConfig, result: CheckResult): Prepared {
  // A plan with an error is never shown: in a build there is none (the build stops), in dev the banner names it.
  const broken = new Set(result.issues.filter((i) => i.severity === 'error').map((i) => i.file));
  const unreadable = new Set(result.plans.filter((p) => broken.has(p.source.file) || !p.outline).map((p) => p.id));
  const visibility = decideVisibility(result.plans, config, unreadable);
  const ids = new Set(visibility.shown);
  const all = buildLinkTargets(result.plans, result.people, { base: config.base, hidden: visibility.hidden });
  const views = visibility.views.map((view) => ({ view, links: forView(all, view) }));
  return {
    config, result, visibility,
    links: views[0].links,
    shown: result.plans.filter((p) => ids.has(p.id)),
    views,
  };
}

let versions = 0;

export function buildSnapshot(prepared: Prepared, rendered: Rendered): Snapshot {
  const { config, visibility, shown } = prepared;
  const result = rendered.issues.length === 0 ? prepared.result : withIssues(prepared.result, rendered.issues);
  const errors = result.issues.filter((i) => i.severity === 'error');
  const input = {
    plans: shown.map((p) => ({ id: p.id, data: p.data!, outline: p.outline })),
    people: result.people.flatMap((p) => (p.data ? [{ id: p.id, data: p.data }] : [])),
    outlines: new Map(shown.flatMap((p) => (p.outline ? [[p.id, p.outline] as const] : []))),
    history: rendered.history,
    visibility,
  };
  const [portfolio, ...areas] = prepared.views.map(({ view, links }) => buildPortfolio({ ...input, view, targets: links }, config));
  const snapshot: Snapshot = {
    ...prepared,
    portfolio,
    areas: new Map(areas.map((p) => [p.view.area!, p])),
    result,
    diagrams: rendered.diagrams,
    diagramsOf: rendered.diagramsOf,
    bodies: rendered.bodies,
    history: rendered.history,
    changes: rendered.changes,
    pageKeys: pageKeys({ config, result, history: rendered.history, bodies: rendered.bodies, diagramsOf: rendered.diagramsOf, visibility }),
    errors,
    errorFiles: new Set(errors.map((i) => i.file)),
    version: ++versions,
  };
  return Object.freeze(snapshot);
}

/** The same content, with why a dev refresh could not build a new snapshot. */
export function withFailure(snapshot: Snapshot, failure: string): Snapshot {
  return Object.freeze({ ...snapshot, failure, version: ++versions });
}

function withIssues(result: CheckResult, issues: readonly Issue[]): CheckResult {
  const all = [...result.issues, ...issues].sort(compareIssues);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return { ...result, issues: all, errors: result.errors + errors, warnings: result.warnings + warnings };
}


/**
 * The paths of the pages in each view's search index, from the site root,
 * by the view's prefix: what the layout marks with `search`. The public index
 * has the portfolio, the public plans and the people; an area's, its front
 * page and its plans.
 */
export function indexedPaths(snapshot: Snapshot): Map<string, string[]> {
  const { views } = snapshot.visibility;
  return new Map(views.map((view) => [view.prefix, [`/${view.prefix}`, ...view.plans.map((id) => `/${view.homes.get(id)}`),
    ...(view.area === undefined ? snapshot.result.people.filter((p) => p.data).map((p) => `/people/${p.id}/`) : [])]]));
}
