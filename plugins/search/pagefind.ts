/**
 * A search index, written by the build itself with Pagefind's Node API:
 * every page that marks its main content with data-pagefind-body, into a
 * bundle folder beside Pagefind's own UI files: <outDir>/pagefind/ for the
 * public site, <outDir>/restricted/<group>/pagefind/ for an area (./build.ts
 * hands each feed its pages). Result URLs are relative to the site root; the
 * search page adds the base path.
 *
 * Pagefind indexes in a process of its own. Pages reach it as Astro renders
 * them (a middleware hands each one to the SearchFeed of the build), so the
 * indexing runs on another core while the site is still being generated,
 * instead of reading every file back from disk afterwards.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** The folder under the site root that holds the index and Pagefind's UI. */
export const SEARCH_BUNDLE = 'pagefind';

/** Only pages that mark a body are indexed: Pagefind would parse and drop the rest. */
export const INDEXED_MARK = 'data-pagefind-body';

export interface IndexStats {
  /** Pages in the index. */
  pages: number;
  /** Bytes of the whole bundle folder, UI scripts included. */
  bytes: number;
  /** From the first page handed over to the bundle written. */
  ms: number;
  /** Of that, the wait after the last page was rendered. */
  waitMs: number;
  /** Pages read back from disk: Astro reused them from the last build instead of rendering them. */
  reused: number;
  /** Whether the bundle was the last build's, every indexed page being byte for byte the same. */
  restored: boolean;
}

export interface WriteOptions {
  /** Where the bundle goes under the output folder: `pagefind` by default. */
  bundle?: string;
  /** Every page that belongs in the index, by path from the site root. */
  expected: readonly string[];
  /** Where the last bundle is kept, with the hash of every page it indexed. */
  cacheDir: string;
}

interface BundleRecord {
  pages: { [url: string]: string };
}

export class SearchIndexError extends Error {
  constructor(messages: string[]) {
    super(`the search index could not be written: ${messages.join('; ')}`);
    this.name = 'SearchIndexError';
  }
}

/** One build's index: pages go in while the build renders, the bundle is written at the end. */
export class SearchFeed {
  readonly #index: Promise<pagefind.PagefindIndex>;
  readonly #pending: Promise<void>[] = [];
  /** Hash of each page handed over, by path. */
  readonly #fed = new Map<string, string>();
  readonly #errors: string[] = [];
  readonly #started = performance.now();

  constructor() {
    this.#index = pagefind.createIndex({
      forceLanguage: 'en',
      // Column headings and decorative symbols would run into the excerpts ("ActionAccountStatusDue", "✓Champion");
      // the risk matrix is a grid of scores whose risks the register beside it lists in words.
      excludeSelectors: ['thead', '[aria-hidden="true"]', '.risk-matrix'],
    }).then(({ index, errors }) => {
      if (!index) throw new SearchIndexError(errors);
      return index;
    });
    // Reported by write(); never an unhandled rejection in between.
    this.#index.catch(() => undefined);
  }

  /** A rendered page, by its path from the site root (`/plans/x/`). Pages without a marked body are skipped. */
  add(url: string, html: string): void {
    if (!html.includes(INDEXED_MARK)) return;
    this.#fed.set(url, hashOf(html));
    this.#pending.push(this.#index
      .then((index) => index.addHTMLFile({ url, content: withoutSvg(html) }))
      .then((added) => void this.#errors.push(...added.errors), (error: unknown) => void this.#errors.push(String(error))));
  }

  /**
   * Waits for every page, then writes the bundle under `outDir`. Pages that
   * were expected but not handed over (Astro reused them) are read from
   * `outDir`. When every page is the same as the last bundle's, that bundle is
   * copied instead of indexing again. Pagefind keeps running for other
   * feeds: the build stops it with close() when every bundle is written.
   */
  async write(outDir: string, options: WriteOptions): Promise<IndexStats> {
    const waitStarted = performance.now();
    const outputPath = join(outDir, options.bundle ?? SEARCH_BUNDLE);
    const bundleCache = join(options.cacheDir, 'bundle');
    const recordFile = join(options.cacheDir, 'record.json');
    {
      const reused = options.expected.filter((url) => !this.#fed.has(url));
      const pages = new Map(this.#fed);
      const html = new Map<string, string>();
      for (const url of reused) {
        const file = join(outDir, url, 'index.html');
        if (!existsSync(file)) continue;
        const text = readFileSync(file, 'utf8');
        html.set(url, text);
        pages.set(url, hashOf(text));
      }
      const last = readRecord(recordFile);
      if (last && existsSync(bundleCache) && sameRecord(last.pages, pages)) {
        cpSync(bundleCache, outputPath, { recursive: true });
        const done = performance.now();
        return { pages: indexedPages(outputPath), bytes: folderBytes(outputPath), ms: done - this.#started, waitMs: done - waitStarted, reused: reused.length, restored: true };
      }
      for (const [url, text] of html) this.add(url, text);
      const index = await this.#index;
      await Promise.all(this.#pending);
      if (this.#errors.length) throw new SearchIndexError(this.#errors);
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new SearchIndexError(written.errors);
      keepBundle(outputPath, options.cacheDir, { pages: Object.fromEntries(this.#fed) });
      const done = performance.now();
      return { pages: indexedPages(outputPath), bytes: folderBytes(outputPath), ms: done - this.#started, waitMs: done - waitStarted, reused: reused.length, restored: false };
    }
  }
}

function hashOf(html: string): string {
  return createHash('sha1').update(html).digest('base64url');
}

function readRecord(file: string): BundleRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BundleRecord;
  } catch {
    return undefined;
  }
}

function sameRecord(last: BundleRecord['pages'], now: ReadonlyMap<string, string>): boolean {
  return Object.keys(last).length === now.size && [...now].every(([url, hash]) => last[url] === hash);
}

/** The bundle and what it indexed, for the next build: a cache, so a failure to keep it only costs time. */
function keepBundle(outputPath: string, cacheDir: string, record: BundleRecord): void {
  try {
    rmSync(join(cacheDir, 'record.json'), { force: true });
    rmSync(join(cacheDir, 'bundle'), { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    cpSync(outputPath, join(cacheDir, 'bundle'), { recursive: true });
    writeFileSync(join(cacheDir, 'record.json'), JSON.stringify(record));
  } catch {
    // Indexed again next time.
  }
}

/** Stops Pagefind's process: the build never exits while it runs. */
export async function close(): Promise<void> {
  await pagefind.close();
}

/**
 * The page without its SVG: Pagefind drops text inside <svg> anyway, and the
 * diagrams are most of a plan page's bytes. Their words are in the hidden
 * list beside each diagram.
 */
export function withoutSvg(html: string): string {
  let out = '';
  let from = 0;
  for (let open = html.indexOf('<svg', from); open !== -1; open = html.indexOf('<svg', from)) {
    let depth = 0;
    let at = open;
    // SVG may nest <svg>: find the close that matches this open.
    for (;;) {
      const nextOpen = html.indexOf('<svg', at + 1);
      const nextClose = html.indexOf('</svg>', at + 1);
      if (nextClose === -1) return out + html.slice(from);
      if (nextOpen !== -1 && nextOpen < nextClose) {
        depth++;
        at = nextOpen;
      } else if (depth > 0) {
        depth--;
        at = nextClose;
      } else {
        out += html.slice(from, open);
        from = nextClose + '</svg>'.length;
        break;
      }
    }
  }
  return out + html.slice(from);
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
