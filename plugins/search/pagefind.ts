/**
 * The search index, written by the build itself (astro:build:done) with
 * Pagefind's Node API: every page that marks its main content with
 * data-pagefind-body (plans, people, the portfolio; never a confidential
 * plan), into <outDir>/pagefind/ beside Pagefind's own UI files. Result URLs
 * are relative to the site root; the search page adds the base path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** The folder under the site root that holds the index and Pagefind's UI. */
export const SEARCH_BUNDLE = 'pagefind';

export interface IndexStats {
  /** Pages in the index: those that mark a body; Pagefind reads every page and drops the rest. */
  pages: number;
  /** Bytes of the whole bundle folder, UI scripts included. */
  bytes: number;
  ms: number;
}

export class SearchIndexError extends Error {
  constructor(messages: string[]) {
    super(`the search index could not be written: ${messages.join('; ')}`);
    this.name = 'SearchIndexError';
  }
}

export async function writeSearchIndex(outDir: string): Promise<IndexStats> {
  const started = performance.now();
  const outputPath = join(outDir, SEARCH_BUNDLE);
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: 'en',
      // Column headings and decorative symbols would run into the excerpts ("ActionAccountStatusDue", "✓Champion");
      // the risk matrix is a grid of scores whose risks the register beside it lists in words.
      excludeSelectors: ['thead', '[aria-hidden="true"]', '.risk-matrix'],
    });
    if (!index) throw new SearchIndexError(errors);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new SearchIndexError(added.errors);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new SearchIndexError(written.errors);
    return { pages: indexedPages(outputPath), bytes: folderBytes(outputPath), ms: performance.now() - started };
  } finally {
    // Pagefind runs as a child process: stop it, or the build never exits.
    await pagefind.close();
  }
}

function indexedPages(bundle: string): number {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? folderBytes(path) : stat.size;
  }
  return total;
}
