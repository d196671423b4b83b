/**
 * The cacheKey each page gives Astro's incremental build: equal keys mean the
 * page would come out byte for byte the same, so the last build's copy is
 * reused. A key hashes everything the page is made from:
 *
 * - shared by every page: Keyplan's own code, the site options, today, every
 *   person file (pages show people's names), which plans are left out and
 *   which are restricted to whom;
 * - a plan's pages add the plan (its file, git history, rendered bodies, one
 *   per view it is in, and diagrams), what the portfolio ties to it (parent,
 *   subsidiaries, related plans, references, what its items depend on and what
 *   depends on them, with the titles of those items), and of each plan so
 *   tied only what the pages show of it besides: its link and account;
 * - a person's page adds what it shows: their own items on each plan and a
 *   summary of each of their plans (its account, status, review and health),
 *   never a body, a history or the plans tied to them;
 * - pages about the whole portfolio use a key of all the content.
 *
 * Edit one plan, and its pages, the pages of plans that show what changed
 * (its account, a reference, the title of an item that an item of theirs
 * depends on or that depends on one), of the people whose items or plan
 * summary changed, and the portfolio pages are rendered; the rest are reused.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodyParts } from '../body/parts.ts';
import type { SiteConfig } from '../config/options.ts';
import type { PlanHistory } from '../history/since-review.ts';
import type { PersonView, PlanView, Portfolio } from '../model/portfolio.ts';
import type { CheckResult } from '../validate/check.ts';
import type { Visibility } from '../model/visibility.ts';
import { ContentCache } from '../cache/content-cache.ts';

export interface PageKeyInput {
  config: SiteConfig;
  result: CheckResult;
  history: ReadonlyMap<string, PlanHistory>;
  /** Plan bodies by page path (src/snapshot/snapshot.ts). */
  bodies: ReadonlyMap<string, BodyParts>;
  diagramsOf: ReadonlyMap<string, readonly string[]>;
  visibility: Pick<Visibility, 'hidden' | 'views'>;
}

export interface PageKeys {
  /** For pages about the whole portfolio and about people: changes with any file. */
  all: string;
  /** Shared by every page. */
  shared: string;
  /** What a plan's own pages are made from, by plan id. */
  own: Map<string, string>;
  /** The keys of plans' and people's pages worked out from these so far (see remembered). */
  worked: { plan: WeakMap<PlanView, string>; planOwn: WeakMap<PlanView, string>; person: WeakMap<PersonView, string> };
}

/**
 * Keyplan's code, src/ and plugins/: a new version of Keyplan renders every
 * page. Read once per process.
 */
let code: string | undefined;
function codeHash(): string {
  if (code) return code;
  const hash = createHash('sha256');
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path.slice(repo.length)}\n`).update(readFileSync(path));
    }
  };
  for (const dir of ['src', 'plugins']) walk(join(repo, dir));
  return (code = hash.digest('hex'));
}

export function pageKeys(state: PageKeyInput): PageKeys {
  const { diagramsOf, visibility } = state;
  const shared = createHash('sha256').update(`${codeHash()}\n${state.config.today}\n${JSON.stringify(state.config)}\n${[...visibility.hidden].sort().join(',')}\n`);
  for (const view of visibility.views) shared.update(`${view.prefix}:${view.plans.join(',')}\n`);
  for (const person of state.result.people) shared.update(`${person.source.file}:${person.source.hash}\n`);
  const sharedKey = shared.digest('hex');

  // A plan's pages: one in each view it belongs to.
  const pagesOf = new Map<string, string[]>();
  for (const view of visibility.views) {
    for (const id of view.plans) pagesOf.set(id, [...(pagesOf.get(id) ?? []), view.homes.get(id)!]);
  }
  const own = new Map<string, string>();
  const all = createHash('sha256').update(`${sharedKey}\n`);
  for (const plan of state.result.plans) {
    const bodies = (pagesOf.get(plan.id) ?? []).map((home) => `${home}\n${JSON.stringify(state.bodies.get(home) ?? [])}\n`).join('');
    const key = ownKey(plan.source, JSON.stringify(state.history.get(plan.id) ?? null), bodies,
      (diagramsOf.get(plan.id) ?? []).map((file) => `${file}\n`).join(''));
    own.set(plan.id, key);
    all.update(`${plan.id}:${key}\n`);
  }
  // Only the keys of the plans as they are now are kept.
  ownKeys.prune();
  return { all: all.digest('hex').slice(0, 32), shared: sharedKey, own, worked: { plan: new WeakMap(), planOwn: new WeakMap(), person: new WeakMap() } };
}

/**
 * What a plan's own pages are made from, by file and content: a dev save
 * hashes the bodies that changed, not all of them (a thousand bodies are
 * megabytes of HTML). Equal inputs are compared, so a key is never stale.
 */
const ownKeys = new ContentCache<{ history: string; body: string; diagrams: string; key: string }>('page keys');

function ownKey(source: { file: string; hash: string }, history: string, body: string, diagrams: string): string {
  const id = `${source.file}:${source.hash}`;
  const held = ownKeys.get(id);
  if (held && held.history === history && held.body === body && held.diagrams === diagrams) return held.key;
  const key = createHash('sha256').update(`${id}\n${history}\n${body}\n${diagrams}`).digest('hex');
  ownKeys.set(id, { history, body, diagrams, key });
  return key;
}

/**
 * Each key is worked out once per snapshot: its PageKeys and views never
 * change (a dev refresh makes new ones), and a plan's key is asked for by its
 * page, its scorecard and the search, a person's by their page, their calendar
 * and the search. The keys are held by the PageKeys, not by this module: the
 * build's search and the pages Astro bundled each have their own copy of it.
 */
function remembered<T extends object>(keys: PageKeys, kind: keyof PageKeys['worked'], of: T, work: () => string): string {
  const held = keys.worked[kind] as WeakMap<T, string>;
  let key = held.get(of);
  if (key === undefined) held.set(of, (key = work()));
  return key;
}

/** The key of a plan's pages (see above), in the view of `portfolio`. */
export function planKey(keys: PageKeys, plan: PlanView, portfolio: Pick<Portfolio, 'plan'>): string {
  return remembered(keys, 'plan', plan, () => workPlanKey(keys, plan, portfolio));
}

function workPlanKey(keys: PageKeys, plan: PlanView, portfolio: Pick<Portfolio, 'plan'>): string {
  // Each item's dependencies, then what depends on it: a page lists the two apart.
  const links = [...plan.goals, ...plan.actions].map((item) => [item.dependencies, item.blocks]);
  // What the portfolio ties to the plan: its file does not hold it, other plans' files do.
  const ties = { parent: plan.parent, children: plan.children, related: plan.related, restrictedParent: plan.restrictedParent,
    restrictedRelated: plan.restrictedRelated, referencedBy: plan.referencedBy, links };
  const tied = new Set<string>([
    ...(plan.parent ? [plan.parent] : []), ...plan.children, ...plan.related,
    ...plan.referencedBy.map((ref) => ref.from.plan), ...links.flat(2).map((link) => link.plan),
  ]);
  tied.delete(plan.id);
  const hash = createHash('sha256').update(`${planOwnKey(keys, plan)}\n${JSON.stringify(ties)}\n`);
  for (const id of [...tied].sort()) {
    const other = portfolio.plan.get(id);
    hash.update(`${id}:${other ? shownTied(other) : ''}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * What a plan's pages show of a plan tied to it, beyond the ties themselves:
 * its link and account (src/components/PlanLink.astro). The titles of its
 * goals and actions that they show are those of dependencies either way,
 * which the ties hold as their labels (src/components/plan/ItemLinks.astro,
 * ReferencedBy.astro). Anything else in its file changes none of them.
 */
function shownTied(plan: PlanView): string {
  return JSON.stringify([plan.home, plan.data.account]);
}

/**
 * What the search knows of a page before Astro renders it
 * (src/site/portfolio.ts indexedPageKeys; plugins/search/pagefind.ts).
 */
export interface PageKey {
  /** Its cacheKey: as in the last build, Astro reuses the last build's page. None: it is rendered in every build. */
  cache?: string;
  /**
   * What its own subject is made from: a plan page's plan (its file, history
   * and bodies), a person page's key (what it shows), and what every page
   * shares. Changed, the page almost surely did; a plan page's cacheKey also
   * changes with the plans tied to it, which seldom change what it shows.
   */
  own: string;
}

/** The `own` of a plan's page (see PageKey). */
export function planOwnKey(keys: PageKeys, plan: PlanView): string {
  return remembered(keys, 'planOwn', plan, () => createHash('sha256').update(`${keys.shared}\n${plan.home}\n${keys.own.get(plan.id) ?? ''}\n`).digest('hex').slice(0, 32));
}

/**
 * A person's page and calendar (src/pages/people/[id].astro, [id]/calendar.ics.ts): what they show, not the files
 * it comes from. Their own items on each plan, as the person's view holds them (goals and actions less their
 * dependencies, risks, relationships, team roles, the count of plans the site may not read), and of each of their plans only what names
 * or sums it up: its link, account, status, tier, owner, review and health. An edit to a plan then re-renders the
 * people whose items or plan summary it changes, not everyone on the plan, nor anyone on the plans tied to it.
 */
export function personKey(keys: PageKeys, person: PersonView, portfolio: Pick<Portfolio, 'plan'>): string {
  return remembered(keys, 'person', person, () => workPersonKey(keys, person, portfolio));
}

function workPersonKey(keys: PageKeys, person: PersonView, portfolio: Pick<Portfolio, 'plan'>): string {
  const plans = new Set([...person.owns, ...[...person.teams, ...person.goals, ...person.actions, ...person.risks, ...person.relationships].map((item) => item.plan)]);
  const hash = createHash('sha256').update(`${keys.shared}\nperson:${JSON.stringify(shownOf(person))}\n`);
  for (const id of [...plans].sort()) hash.update(`${id}:${JSON.stringify(planSummary(portfolio.plan.get(id)!))}\n`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * The person's view as their page and calendar show it: their goals and actions without what depends on them or
 * what they depend on (the page lists neither), so an edited goal title does not render again the page of everyone
 * whose goal depends on it.
 */
function shownOf(person: PersonView) {
  return {
    ...person,
    goals: person.goals.map(({ plan, goal: { dependencies: _d, blocks: _b, ...goal } }) => ({ plan, goal })),
    actions: person.actions.map(({ plan, action: { dependencies: _d, blocks: _b, ...action } }) => ({ plan, action })),
  };
}

/**
 * What a person's page and calendar show of one of their plans, beside their own items in it. A person's view
 * names only plans the view can read, as the page itself assumes.
 */
function planSummary(plan: PlanView) {
  const { account, status, tier, owner, review } = plan.data;
  return { home: plan.home, account, status, tier, owner, review, state: plan.review, health: plan.health };
}
