/**
 * How the search index is split. Pagefind cannot update an index in place, so
 * a large site's pages are spread over several bundles by a stable hash of
 * their path, each indexed on its own: editing one plan re-indexes the one
 * bundle that holds its page (and the bundles of the people pages that
 * changed with it), not the whole site. The search page merges the bundles in
 * the browser (Pagefind's mergeIndex).
 *
 * The hash spreads plans, people and the portfolio evenly, so every bundle is
 * a sample of the whole site and ranks with about the whole site's word
 * statistics. A site of up to PAGES_PER_BUNDLE pages is one bundle, as it
 * always was.
 *
 * Pagefind answers a word a bundle does not hold with the longest word it does
 * hold that begins the same way ("soler" finds "sole"), so merged bundles could
 * find pages one index would not: each search page that merges bundles also
 * gets their word list, and keeps only the bundles that hold a word the query
 * matches (plugins/search/pagefind.ts, merged-search.js;
 * test/e2e/search-bundles.test.ts).
 *
 * A bundle is a folder under the site root and the pages it indexes; the build
 * writes each, the search page lists their folders (and a restricted area's
 * page adds its own bundle to the list).
 */
import { indexedPaths, type Snapshot } from '../snapshot/snapshot.ts';

export interface SearchBundle {
  /** Folder from the site root, ending in "/": `pagefind/` holds the first bundle and Pagefind's scripts. */
  dir: string;
  /** Paths from the site root (`/plans/x/`) of the pages it indexes, sorted. */
  pages: string[];
  /**
   * A bundle a search page loads first: it keeps Pagefind's scripts and Keyplan's merge (keyplan/), with the
   * sort orders of what that page searches. The public site's first bundle, and each restricted area's.
   */
  primary?: boolean;
}

/** The folder of the first bundle, which also holds Pagefind's scripts and UI. */
export const SEARCH_BUNDLE = 'pagefind';

/**
 * Pages a bundle holds at most, about (KEYPLAN_SEARCH_PAGES_PER_BUNDLE for
 * another). At 300, 1000 plans make 4 bundles of about 265 pages, one of which
 * a one-plan edit indexes again; the sample site is one bundle. Each bundle
 * adds its metadata, filters and word chunks to what a query downloads: at 150
 * (8 bundles) one query at 1000 plans took 1.50× the bytes of one index.
 */
export const PAGES_PER_BUNDLE = 300;

/** More bundles cost a query more requests: beyond this, bundles grow instead. */
export const MAX_BUNDLES = 32;

/**
 * The bundles for these pages. The count is a power of two, so when a growing
 * site doubles it each bundle splits in two and a page never moves elsewhere.
 */
export function searchBundles(paths: readonly string[], pagesPerBundle = PAGES_PER_BUNDLE): SearchBundle[] {
  let count = 1;
  while (count < MAX_BUNDLES && paths.length > count * pagesPerBundle) count *= 2;
  const bundles: SearchBundle[] = Array.from({ length: count }, (_, i) => ({ dir: bundleDir(i), pages: [] }));
  for (const path of paths) bundles[count === 1 ? 0 : fnv1a(path) % count].pages.push(path);
  for (const bundle of bundles) bundle.pages.sort();
  // A bundle with no page would be an index Pagefind cannot write; with a hash over many pages there is none.
  bundles[0].primary = true;
  return bundles.filter((b) => b.pages.length > 0 || b.dir === bundleDir(0));
}

/**
 * Every bundle of the build: the public ones, and one per restricted area in
 * the area's folder (`restricted/<group>/pagefind/`), where the web server's
 * rules for the area cover it. An area's search page loads its own bundle and
 * merges the public ones into it.
 */
export function allSearchBundles(snapshot: Snapshot): SearchBundle[] {
  const paths = indexedPaths(snapshot);
  return [...searchBundles(paths.get('') ?? [], snapshot.config.searchPagesPerBundle),
    ...snapshot.visibility.views.filter((v) => v.area !== undefined).map((view) => areaBundle(view.prefix, paths.get(view.prefix) ?? []))];
}

/** The bundles a view's search page queries, first the one it loads: an area's own, then the public ones. */
export function searchedBundles(snapshot: Snapshot, prefix: string): SearchBundle[] {
  const paths = indexedPaths(snapshot);
  const publicBundles = searchBundles(paths.get('') ?? [], snapshot.config.searchPagesPerBundle);
  return prefix === '' ? publicBundles : [areaBundle(prefix, paths.get(prefix) ?? []), ...publicBundles];
}

/** A restricted area's bundle, in the area's folder: one, holding Pagefind's scripts for the area's search page. */
function areaBundle(prefix: string, pages: readonly string[]): SearchBundle {
  return { dir: `${prefix}${SEARCH_BUNDLE}/`, pages: [...pages].sort(), primary: true };
}

function bundleDir(i: number): string {
  return i === 0 ? `${SEARCH_BUNDLE}/` : `${SEARCH_BUNDLE}/part-${i}/`;
}

/** FNV-1a, 32 bits: the same on every machine and in every Node version. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
