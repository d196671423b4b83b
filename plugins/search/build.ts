/**
 * Search in a build: pages reach Pagefind as Astro renders them (through
 * ./middleware.ts and the page sink of src/snapshot/current.ts), and the
 * bundle is written when the build is done.
 */
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { setPageSink } from '../../src/snapshot/current.ts';
import { indexedPaths, type Snapshot } from '../../src/snapshot/snapshot.ts';
import { plural } from '../log.ts';
import { SEARCH_BUNDLE, SearchFeed } from './pagefind.ts';

export const SEARCH_MIDDLEWARE = new URL('./middleware.ts', import.meta.url);

export class SearchBuild {
  readonly #feed = new SearchFeed();

  constructor(base: string) {
    setPageSink({ base, add: (path, html) => this.#feed.add(path, html) });
  }

  async write(outDir: string, snapshot: Snapshot, logger: AstroIntegrationLogger): Promise<void> {
    setPageSink(undefined);
    const search = await this.#feed.write(outDir, {
      // Pages Astro reused from the last build were not rendered, so they are read from dist/.
      expected: indexedPaths(snapshot),
      cacheDir: join(snapshot.config.cacheDir, 'search'),
    });
    const how = search.restored
      ? `in ${(search.waitMs / 1000).toFixed(1)}s: every page is as in the last build, so its index was reused`
      : `in ${(search.ms / 1000).toFixed(1)}s, alongside rendering (${(search.waitMs / 1000).toFixed(1)}s after the last page)`
        + (search.reused ? `, ${search.reused} of them read back from the last build` : '');
    logger.fork('keyplan:search').info(`indexed ${plural(search.pages, 'page')} ${how}: ${SEARCH_BUNDLE}/ is ${(search.bytes / 1024 / 1024).toFixed(1)} MB`);
  }
}
