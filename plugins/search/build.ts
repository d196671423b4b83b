/**
 * Search in a build: pages reach Pagefind as Astro renders them (through
 * ./middleware.ts and the page sink of src/snapshot/current.ts), and the
 * bundles are written when the build is done: one for the public site, and
 * one per restricted area, under the area's own folder, so the web server's
 * rules for the area cover its index too. An area's search page queries its
 * bundle together with the public one.
 */
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { setPageSink } from '../../src/snapshot/current.ts';
import { indexedPaths, type Snapshot } from '../../src/snapshot/snapshot.ts';
import { plural } from '../log.ts';
import { close, SEARCH_BUNDLE, SearchFeed } from './pagefind.ts';

export const SEARCH_MIDDLEWARE = new URL('./middleware.ts', import.meta.url);

export class SearchBuild {
  /** One feed per view, by the view's prefix (`` for the public site, `restricted/<group>/`). */
  readonly #feeds = new Map<string, SearchFeed>();

  constructor(base: string, prefixes: readonly string[]) {
    for (const prefix of prefixes) this.#feeds.set(prefix, new SearchFeed());
    setPageSink({ base, add: (path, html) => this.#feedOf(path).add(path, html) });
  }

  /** The feed of the view a page belongs to: an area's pages go into the area's index and nowhere else. */
  #feedOf(path: string): SearchFeed {
    for (const [prefix, feed] of this.#feeds) if (prefix && path.startsWith(`/${prefix}`)) return feed;
    return this.#feeds.get('')!;
  }

  async write(outDir: string, snapshot: Snapshot, logger: AstroIntegrationLogger): Promise<void> {
    setPageSink(undefined);
    const log = logger.fork('keyplan:search');
    const expected = indexedPaths(snapshot);
    try {
      for (const [prefix, feed] of this.#feeds) {
        const bundle = `${prefix}${SEARCH_BUNDLE}`;
        const search = await feed.write(outDir, {
          bundle,
          // Pages Astro reused from the last build were not rendered, so they are read from dist/.
          expected: expected.get(prefix) ?? [],
          cacheDir: join(snapshot.config.cacheDir, 'search', prefix || 'public'),
        });
        const how = search.restored
          ? `in ${(search.waitMs / 1000).toFixed(1)}s: every page is as in the last build, so its index was reused`
          : `in ${(search.ms / 1000).toFixed(1)}s, alongside rendering (${(search.waitMs / 1000).toFixed(1)}s after the last page)`
            + (search.reused ? `, ${search.reused} of them read back from the last build` : '');
        log.info(`indexed ${plural(search.pages, 'page')} ${how}: ${bundle}/ is ${(search.bytes / 1024 / 1024).toFixed(1)} MB`);
      }
    } finally {
      await close();
    }
  }
}
