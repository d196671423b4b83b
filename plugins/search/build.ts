/**
 * Search in a build: pages reach Pagefind as Astro renders them (through
 * ./middleware.ts and the page sink of src/snapshot/current.ts), into the
 * bundles src/site/search-bundles.ts decides: the public site's, and one per
 * restricted area under the area's own folder, so the web server's rules for
 * the area cover its index too. The bundles are written when the build is done.
 */
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Portfolio } from '../../src/model/portfolio.ts';
import { setPageSink } from '../../src/snapshot/current.ts';
import { type Snapshot } from '../../src/snapshot/snapshot.ts';
import { planFacets, SEARCH_SORTS } from '../../src/site/search-facets.ts';
import { allSearchBundles, searchedBundles } from '../../src/site/search-bundles.ts';
import { indexedPageKeys } from '../../src/site/portfolio.ts';
import { plural } from '../log.ts';
import { SEARCH_BUNDLE, SearchFeed } from './pagefind.ts';

export const SEARCH_MIDDLEWARE = new URL('./middleware.ts', import.meta.url);

export class SearchBuild {
  readonly #feed: SearchFeed;
  readonly #snapshot: Snapshot;

  constructor(snapshot: Snapshot) {
    this.#snapshot = snapshot;
    this.#feed = new SearchFeed(allSearchBundles(snapshot), join(snapshot.config.cacheDir, 'search'), indexedPageKeys(snapshot));
    setPageSink({ base: snapshot.config.base, add: (path, html) => this.#feed.add(path, html) });
  }

  async write(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
    setPageSink(undefined);
    const search = await this.#feed.write(outDir, {
      cacheDir: join(this.#snapshot.config.cacheDir, 'search'),
      sorts: sortOrders(this.#snapshot),
      searched: searchedDirs(this.#snapshot),
      base: this.#snapshot.config.base,
    });
    const how = search.indexed === 0
      ? `in ${(search.waitMs / 1000).toFixed(1)}s: every page is as in the last build, so its index was reused`
      : `in ${(search.ms / 1000).toFixed(1)}s, alongside rendering (${(search.waitMs / 1000).toFixed(1)}s after the last page)`
        + (search.reused ? `, ${search.reused} of them as Astro reused them (${reusedHow(search.reused, search.readBack)})` : '');
    const parts = search.bundles === 1 || search.indexed === 0 ? ''
      : search.indexed === search.bundles ? `; ${search.bundles} bundles`
        : `; ${search.bundles} bundles, ${search.indexed} of them indexed again (${plural(search.pagesIndexed, 'page')} through Pagefind), the rest copied from the last build`;
    logger.fork('keyplan:search').info(`indexed ${plural(search.pages, 'page')} ${how}${parts}: ${SEARCH_BUNDLE}/ is ${(search.bytes / 1024 / 1024).toFixed(1)} MB`);
  }
}

function reusedHow(reused: number, readBack: number): string {
  if (readBack === 0) return 'all from the search cache\'s copies, while the site rendered';
  if (readBack === reused) return 'read back after the last page';
  return `${reused - readBack} from the search cache's copies, ${readBack} read back after the last page`;
}

/** For each search page, by the folder of the bundle it loads first: the folders of the bundles it queries. */
function searchedDirs(snapshot: Snapshot): Record<string, string[]> {
  return Object.fromEntries(snapshot.visibility.views.map((view) => {
    const bundles = searchedBundles(snapshot, view.prefix);
    return [bundles[0].dir, bundles.map((b) => b.dir)];
  }));
}

/**
 * For each search page, by the folder of the bundle it loads first, and each
 * of its sorts: the plans it searches (an area's and the public ones), their
 * pages in ascending order, as Pagefind orders one bundle: numbers as
 * numbers, anything else as text.
 */
export function sortOrders(snapshot: Snapshot): Record<string, Record<string, string[]>> {
  const facetsOf = (portfolio: Portfolio) => portfolio.plans.map((plan) => ({ url: `/${plan.home}`, sort: planFacets(plan, portfolio).sort }));
  const publicFacets = facetsOf(snapshot.portfolio);
  const pages: [string, ReturnType<typeof facetsOf>][] = [[`${SEARCH_BUNDLE}/`, publicFacets],
    ...[...snapshot.areas].map(([, area]): [string, ReturnType<typeof facetsOf>] => [`${area.view.prefix}${SEARCH_BUNDLE}/`, [...facetsOf(area), ...publicFacets]])];
  return Object.fromEntries(pages.map(([dir, facets]) => [dir, ordered(facets)]));
}

function ordered(facets: readonly { url: string; sort: Record<string, string> }[]): Record<string, string[]> {
  const orders: Record<string, string[]> = {};
  for (const { key } of SEARCH_SORTS) {
    const values = facets.filter((f) => f.sort[key] !== undefined).map((f) => ({ url: f.url, value: f.sort[key] }));
    const numeric = values.every((v) => v.value.trim() !== '' && Number.isFinite(Number(v.value)));
    const compare = numeric
      ? (a: string, b: string) => Number(a) - Number(b)
      : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    orders[key] = values.sort((a, b) => compare(a.value, b.value) || (a.url < b.url ? -1 : 1)).map((v) => v.url);
  }
  return orders;
}
