/**
 * The search feed of the running build. The middleware is bundled into the
 * pages, a module instance apart from the integration's, so the feed lives on
 * globalThis (as the content state does).
 */
import type { SearchFeed } from './pagefind.ts';

const KEY = Symbol.for('keyplan.search-feed');

export interface CurrentFeed {
  feed: SearchFeed;
  /** The site's base path, `/` or `/sub/`. */
  base: string;
}

export function setCurrentFeed(current: CurrentFeed | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = current;
}

export function currentFeed(): CurrentFeed | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as CurrentFeed | undefined;
}
