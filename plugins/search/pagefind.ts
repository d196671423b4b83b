/**
 * The search index, written by the build itself with Pagefind's Node API:
 * every page that marks its main content with data-pagefind-body (plans,
 * people, the portfolio; never a confidential plan), in the bundles
 * src/site/search-bundles.ts decides, each written into its own folder under
 * the site root. The first bundle's folder (pagefind/) also holds Pagefind's
 * scripts and UI, and Keyplan's merge of the bundles (./merged-search.js) with
 * the bundles' word list (writeWordList).
 * Result URLs are relative to the site root; the search page adds the base path.
 *
 * Pagefind cannot update an index, so each bundle is indexed again only when
 * one of its pages changed; the others are copied from the last build. Pages
 * reach Pagefind as Astro renders them (a middleware hands each one to the
 * SearchFeed of the build): a page that differs from the one the last build
 * indexed starts its bundle's index at once, on another core while the site
 * is still being generated; so does, as soon as the content is checked, a bundle holding
 * a page whose own subject changed (PageKey). The pages of that bundle Astro
 * will reuse (their cacheKey is the one they were indexed with, so they are
 * the pages indexed) go in with it, from the copy the cache keeps of every
 * page indexed. A page rendered after its copy went in that is not the copy
 * has its bundle indexed again from disk; pages no copy stands for are read
 * back from disk at the end. The bundles indexed again are written side by
 * side, one Pagefind process each.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, setPriority } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzip } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { PageKey } from '../../src/snapshot/page-keys.ts';
import { SEARCH_BUNDLE, type SearchBundle } from '../../src/site/search-bundles.ts';

export { SEARCH_BUNDLE };

/** Only pages that mark a body are indexed: Pagefind would parse and drop the rest. */
export const INDEXED_MARK = 'data-pagefind-body';

/** Keyplan's own files in a primary bundle's folder: the merge the search page loads, and the sort orders. */
export const MERGE_DIR = 'keyplan';

export interface IndexStats {
  /** Pages in the index, every bundle. */
  pages: number;
  /** Bundles, and of them those indexed in this build (the rest were the last build's). */
  bundles: number;
  indexed: number;
  /** Pages that went through Pagefind in this build. */
  pagesIndexed: number;
  /** Bytes of every bundle folder, Pagefind's scripts included. */
  bytes: number;
  /** From the first page handed over to the last bundle written. */
  ms: number;
  /** Of that, the wait after the last page was rendered. */
  waitMs: number;
  /** Pages Astro reused from the last build in bundles indexed again: they went in from the cache's copies, or were read back from disk. */
  reused: number;
  /** Of those, pages read back from disk after the last page: no copy stood for them. */
  readBack: number;
}

export interface WriteOptions {
  /** Where the last build's bundles are kept, with the hash of every page each indexed. */
  cacheDir: string;
  /**
   * For each primary bundle (by folder), sort key → paths of the pages that have it, in ascending order: the
   * order the search page that loads it shows.
   */
  sorts?: Record<string, Record<string, readonly string[]>>;
  /**
   * For each primary bundle (by folder), the folders of every bundle its search page queries, its own first.
   * A page that queries more than one gets their word list (see writeWordList).
   */
  searched?: Record<string, readonly string[]>;
  /** The site's base path (`/` or `/plans-site/`): the search page names bundles by their address. */
  base?: string;
}

/** What the cache holds of one bundle. */
interface BundleRecord {
  /** Hash of each page indexed, by path. */
  pages: Record<string, string>;
  /** Pagefind's id of each page (the name of its fragment), by path. */
  ids: Record<string, string>;
  /** Every word the bundle's pages were indexed with (their text and metadata), once each: see writeWordList. */
  words: string[];
  /** Of each page, by path: its cacheKey (none for a page rendered in every build), and its own key (see PageKey). */
  keys: Record<string, string>;
  own: Record<string, string>;
}

interface Record_ {
  version: number;
  bundles: Record<string, BundleRecord>;
}

/** Bump when what a bundle holds changes without its pages changing (Pagefind's options, the page filter). */
const RECORD_VERSION = 5;

export class SearchIndexError extends Error {
  constructor(messages: string[]) {
    super(`the search index could not be written: ${messages.join('; ')}`);
    this.name = 'SearchIndexError';
  }
}

/** One bundle in this build. */
class BundleFeed {
  readonly bundle: SearchBundle;
  /** The last build's record of this bundle when it held the same pages: it may be copied. */
  readonly last: BundleRecord | undefined;
  /** The last build's record of this bundle, whatever pages it held: its pages' copies may go into this index. */
  readonly previous: BundleRecord | undefined;
  readonly #keys: ReadonlyMap<string, PageKey>;
  readonly #copies: PageCopies;
  /** Where this bundle's index is written, in the search cache, before it goes into the site. */
  readonly staging: string;
  /** Hash of each page known, by path: handed over, read back from disk, or of the copy that went in. */
  readonly fed = new Map<string, string>();
  /** Pages the build handed over (rendered). */
  readonly handed = new Set<string>();
  /** Pages already in the index. */
  readonly added = new Set<string>();
  /** Of those, the ones that went in from the cache's copy, before Astro reused them. */
  readonly copied = new Set<string>();
  /** A page that went in from its copy came out otherwise: the index is made again from disk at the end. */
  stale = false;
  index: Promise<pagefind.PagefindIndex> | undefined;
  pending: Promise<unknown>[] = [];
  readonly errors: string[] = [];
  /** The index written to `staging`, with what the record keeps of it. */
  #written: Promise<BundleRecord> | undefined;

  /** `kept`: whether the cache still has the last build's bundle. */
  constructor(bundle: SearchBundle, previous: BundleRecord | undefined, kept: boolean, keys: ReadonlyMap<string, PageKey>, copies: PageCopies, staging: string) {
    this.bundle = bundle;
    this.previous = previous;
    this.last = kept && previous && sameList(Object.keys(previous.pages), bundle.pages) ? previous : undefined;
    this.#keys = keys;
    this.#copies = copies;
    this.staging = staging;
    // Its pages changed (a plan added or gone), or what one of them is about did (a plan edited): it is indexed
    // again, starting now, rather than when that page renders (a plan page may be among the last).
    if (!this.last || bundle.pages.some((url) => keys.get(url)?.own !== this.last!.own[url])) this.start();
  }

  /** Whether the last build's copy may still do: same pages, none handed over changed. */
  get clean(): boolean {
    return this.last !== undefined && this.index === undefined;
  }

  add(url: string, html: string): void {
    if (this.handed.has(url)) return;
    const hash = hashOf(html);
    this.fed.set(url, hash);
    this.handed.add(url);
    if (this.copied.has(url)) {
      // Rendered after all (Astro had no copy of it): the index holds its copy, which must be the page.
      if (hash !== this.previous!.pages[url]) this.stale = true;
      return;
    }
    // A page as the last build indexed it waits: if nothing else in its bundle changes, the bundle is copied.
    if (this.clean && this.last!.pages[url] === hash) return;
    this.start();
    this.addToIndex(url, html, hash);
    if (this.added.size === this.bundle.pages.length) void this.finish();
  }

  /**
   * Starts the bundle's index, with every page Astro will reuse as it was
   * indexed (the same cacheKey as then) from the cache's copy, so Pagefind
   * works on them while the rest of the site renders.
   */
  start(): void {
    if (this.index) return;
    this.index = createIndex();
    const previous = this.previous;
    if (!previous) return;
    for (const url of this.bundle.pages) {
      // Rendered before the bundle started, as the last build indexed it (so not yet in), or to be reused as indexed.
      const handed = this.handed.has(url);
      if (handed ? this.fed.get(url) !== previous.pages[url] : !this.reusedAsIndexed(url)) continue;
      const hash = previous.pages[url];
      const copy = this.#copies.read(hash);
      if (copy === undefined) continue;
      this.fed.set(url, hash);
      if (!handed) this.copied.add(url);
      this.addToIndex(url, copy);
    }
    if (this.added.size === this.bundle.pages.length) void this.finish();
  }

  /** Whether Astro will reuse (or did) the page the last build indexed: its cacheKey is the one it was indexed with. */
  reusedAsIndexed(url: string): boolean {
    const key = this.#keys.get(url)?.cache;
    return key !== undefined && this.previous?.keys[url] === key && this.previous.pages[url] !== undefined;
  }

  /** `hash`: of a page rendered or read back, which the cache keeps a copy of; none for a copy going in. */
  addToIndex(url: string, html: string, hash?: string): void {
    this.index ??= createIndex();
    this.added.add(url);
    const content = withoutSvg(html);
    if (hash !== undefined) this.pending.push(this.#copies.keep(hash, content));
    this.pending.push(this.index
      .then((index) => index.addHTMLFile({ url, content }))
      .then((added) => void this.errors.push(...added.errors), (error: unknown) => void this.errors.push(String(error))));
  }

  /**
   * Writes the index to `staging` once it holds every page: as soon as the
   * last page of the bundle is rendered, while the site goes on rendering,
   * or at the end of the build.
   */
  finish(): Promise<BundleRecord> {
    if (!this.#written) {
      this.#written = this.#write();
      // Reported by SearchFeed.write(); never an unhandled rejection in between.
      this.#written.catch(() => undefined);
    }
    return this.#written;
  }

  async #write(): Promise<BundleRecord> {
    // An empty site still gets an (empty) index, so the search page finds one.
    const index = await (this.index ??= createIndex());
    await Promise.all(this.pending);
    if (this.errors.length) throw new SearchIndexError(this.errors);
    rmSync(this.staging, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: this.staging });
    if (written.errors.length) throw new SearchIndexError(written.errors);
    await index.deleteIndex();
    if (!this.bundle.primary) removeScripts(this.staging);
    return { pages: Object.fromEntries(this.bundle.pages.map((url) => [url, this.fed.get(url)!])), ...indexedPages(this.staging), ...this.keys() };
  }

  /** Drops what went into the index: every page goes in again, as `read` finds it on disk. */
  async restart(read: (url: string) => string | undefined): Promise<void> {
    const old = this.index;
    await Promise.allSettled([...this.pending, this.#written]);
    this.pending = [];
    this.errors.length = 0;
    this.added.clear();
    this.copied.clear();
    this.stale = false;
    this.#written = undefined;
    this.index = createIndex();
    // Deleted already if it was written.
    if (old) await old.then((index) => index.deleteIndex()).catch(() => undefined);
    for (const url of this.bundle.pages) {
      const html = read(url);
      if (html === undefined) {
        this.errors.push(`${url} was not rendered`);
        continue;
      }
      const hash = hashOf(html);
      this.fed.set(url, hash);
      this.addToIndex(url, html, hash);
    }
  }

  /** The keys of each page now, for the next build. */
  keys(): Pick<BundleRecord, 'keys' | 'own'> {
    const keys: Record<string, string> = {};
    const own: Record<string, string> = {};
    for (const url of this.bundle.pages) {
      const key = this.#keys.get(url);
      if (key?.cache !== undefined) keys[url] = key.cache;
      if (key) own[url] = key.own;
    }
    return { keys, own };
  }
}

/**
 * A copy of every page the index holds, as Pagefind got it (without SVG), by
 * the hash of the page: a bundle indexed again takes the pages Astro reuses
 * from here at once, instead of reading them from disk once the site is
 * written. A cache: a copy that is missing only costs time.
 */
class PageCopies {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  read(hash: string): string | undefined {
    try {
      return gunzipSync(readFileSync(join(this.#dir, hash))).toString('utf8');
    } catch {
      return undefined;
    }
  }

  #made = false;

  /** Compressed and written off the main thread: rendering goes on meanwhile. */
  async keep(hash: string, content: string): Promise<void> {
    const file = join(this.#dir, hash);
    if (existsSync(file)) return;
    try {
      const zipped = await new Promise<Buffer>((resolve, reject) => gzip(content, { level: 1 }, (error, out) => (error ? reject(error) : resolve(out))));
      if (!this.#made) mkdirSync(this.#dir, { recursive: true });
      this.#made = true;
      await writeFile(file, zipped);
    } catch {
      // Read back from disk next time.
    }
  }

  /** Drops the copies of pages no bundle holds any more. */
  prune(record: Record_): void {
    const wanted = new Set(Object.values(record.bundles).flatMap((b) => Object.values(b.pages)));
    try {
      for (const name of readdirSync(this.#dir)) if (!wanted.has(name)) rmSync(join(this.#dir, name), { force: true });
    } catch {
      // No copies yet.
    }
  }
}

type Pagefind = typeof pagefind;

/**
 * Pagefind's Node API drives one process, which works through its pages one
 * at a time: each bundle indexed again gets the next of one process per core
 * (up to four), so bundles are indexed and written side by side once the site
 * is rendered. Node keeps ES modules by URL, so the API imported under another
 * query is a module of its own, with its own process. Where import.meta.resolve
 * is missing (a test runner's module loader), one process does it all.
 */
const processes: Promise<Pagefind>[] = [];
let turn = 0;

function pagefindProcess(): Promise<Pagefind> {
  const count = typeof import.meta.resolve === 'function' ? Math.min(4, Math.max(1, availableParallelism())) : 1;
  const at = turn++ % count;
  processes[at] ??= at === 0 ? Promise.resolve(pagefind) : import(`${import.meta.resolve('pagefind')}?process=${at}`) as Promise<Pagefind>;
  return processes[at];
}

function createIndex(): Promise<pagefind.PagefindIndex> {
  const index = pagefindProcess().then((api) => api.createIndex({
    forceLanguage: 'en',
    // Column headings and decorative symbols would run into the excerpts ("ActionAccountStatusDue", "✓Champion");
    // the risk matrix is a grid of scores whose risks the register beside it lists in words.
    excludeSelectors: ['thead', '[aria-hidden="true"]', '.risk-matrix'],
  })).then(({ index: created, errors }) => {
    if (!created) throw new SearchIndexError(errors);
    yieldToRendering();
    return created;
  });
  // Reported by write(); never an unhandled rejection in between.
  index.catch(() => undefined);
  return index;
}

/**
 * Pagefind's processes run at the lowest priority: they index with the CPU
 * that rendering the site leaves, and have all of it once the pages are
 * written. On Linux, where each of their threads is set (a thread started
 * later inherits it); elsewhere they run as before.
 */
function yieldToRendering(): void {
  if (process.platform !== 'linux') return;
  try {
    const children = readdirSync('/proc/self/task').flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    for (const pid of children) {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind')) continue;
      for (const thread of readdirSync(`/proc/${pid}/task`)) setPriority(Number(thread), 19);
    }
  } catch {
    // Only slower.
  }
}

/** One build's index: pages go in while the build renders, the bundles are written at the end. */
export class SearchFeed {
  readonly #bundles: BundleFeed[];
  readonly #byPath = new Map<string, BundleFeed>();
  readonly #unexpected: string[] = [];
  readonly #started = performance.now();

  readonly #copies: PageCopies;

  /**
   * `bundles`: every page that belongs in the index, in the bundle it belongs
   * to; `keys`: what is known of each before it renders (src/site/portfolio.ts
   * indexedPageKeys): which pages Astro will reuse, and which are about something that changed.
   */
  constructor(bundles: readonly SearchBundle[], cacheDir: string, keys: ReadonlyMap<string, PageKey> = new Map()) {
    const last = readRecord(join(cacheDir, 'record.json'));
    this.#copies = new PageCopies(join(cacheDir, 'pages'));
    this.#bundles = bundles.map((b) => new BundleFeed(b, last?.bundles[b.dir], existsSync(cachedBundle(cacheDir, b.dir)), keys, this.#copies,
      join(cacheDir, 'staging', flatName(b.dir))));
    for (const feed of this.#bundles) for (const page of feed.bundle.pages) this.#byPath.set(page, feed);
  }

  /** A rendered page, by its path from the site root (`/plans/x/`). Pages without a marked body are skipped. */
  add(url: string, html: string): void {
    if (!html.includes(INDEXED_MARK)) return;
    const feed = this.#byPath.get(url);
    if (feed) feed.add(url, html);
    else this.#unexpected.push(url);
  }

  /**
   * Waits for every page, then writes every bundle under `outDir`: a bundle
   * whose pages are all as the last build indexed them is copied from the
   * cache, any other is indexed (pages Astro reused that no copy went in for
   * read from `outDir`, and those that did compared with it). Stops Pagefind
   * either way.
   */
  async write(outDir: string, options: WriteOptions): Promise<IndexStats> {
    const waitStarted = performance.now();
    const cacheDir = options.cacheDir;
    let reused = 0;
    let readBack = 0;
    try {
      if (this.#unexpected.length) {
        throw new SearchIndexError([`pages mark ${INDEXED_MARK} but belong to no search bundle: ${this.#unexpected.join(', ')}`]);
      }
      const read = (url: string) => {
        const file = join(outDir, url, 'index.html');
        return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      };
      // A bundle still clean may have changed in pages Astro reused without their keys (a page of the last build's
      // dist/ differs from the cache). A page reused under the key it was indexed with is that page: equal keys,
      // equal pages, which is what Astro reuses it by.
      for (const feed of this.#bundles) {
        if (!feed.clean) continue;
        for (const url of feed.bundle.pages) {
          if (feed.fed.has(url)) continue;
          if (feed.reusedAsIndexed(url)) {
            feed.fed.set(url, feed.last!.pages[url]);
            continue;
          }
          const html = read(url);
          if (html === undefined || hashOf(html) !== feed.last!.pages[url]) {
            feed.start();
            break;
          }
          feed.fed.set(url, feed.last!.pages[url]);
        }
      }
      const record: Record_ = { version: RECORD_VERSION, bundles: {} };
      // The cache changes below: until the new record is written, no record promises what it holds.
      rmSync(join(cacheDir, 'record.json'), { force: true });
      // Folders of the last build's bundles go: a bundle that no longer exists must not be searched.
      // The others nest in the primary ones' folders (pagefind/, and each restricted area's).
      for (const feed of this.#bundles) if (feed.bundle.primary) rmSync(join(outDir, feed.bundle.dir), { recursive: true, force: true });
      // Every bundle to index again gets the pages not in it yet before any is awaited, so Pagefind works on all of
      // them at once: those Astro reused that no copy stood for, and those rendered before the bundle started, as the
      // last build indexed them, that had no copy either.
      for (const feed of this.#bundles) {
        if (feed.clean) continue;
        const notRendered = feed.bundle.pages.filter((url) => !feed.handed.has(url));
        reused += notRendered.length;
        if (feed.stale) {
          readBack += notRendered.length;
          await feed.restart(read);
          continue;
        }
        for (const url of feed.bundle.pages) {
          if (feed.added.has(url)) continue;
          const html = read(url);
          if (html === undefined) {
            feed.errors.push(`${url} was not rendered`);
            continue;
          }
          if (!feed.handed.has(url)) readBack++;
          const hash = hashOf(html);
          feed.fed.set(url, hash);
          feed.addToIndex(url, html, hash);
        }
      }
      // Each bundle indexed again is written to the search cache as soon as it holds every page (while the site
      // renders, if its last page is not among the last), side by side, one Pagefind process each (pagefindProcess).
      // They go into the site in order: the first bundle's folder holds the others.
      const written = new Map(await Promise.all(this.#bundles.filter((f) => !f.clean).map(async (feed) => [feed, await feed.finish()] as const)));
      for (const feed of this.#bundles) {
        const outputPath = join(outDir, feed.bundle.dir);
        const cached = cachedBundle(cacheDir, feed.bundle.dir);
        const entry = written.get(feed);
        if (entry === undefined) {
          linkTree(cached, outputPath);
          // The same pages, maybe under new keys (a page rendered again came out the same): the next build reuses them by these.
          record.bundles[feed.bundle.dir] = { ...feed.last!, ...feed.keys() };
          continue;
        }
        linkTree(feed.staging, outputPath);
        record.bundles[feed.bundle.dir] = entry;
        keepBundle(feed.staging, cached);
      }
      for (const feed of this.#bundles) {
        if (!feed.bundle.primary) continue;
        const dir = join(outDir, feed.bundle.dir, MERGE_DIR);
        writeMerge(dir, record, options.sorts?.[feed.bundle.dir] ?? {});
        const searched = options.searched?.[feed.bundle.dir] ?? [feed.bundle.dir];
        if (searched.length > 1) {
          await writeWordList(join(dir, WORDS_DIR), searched.map((b) => ({ address: `${options.base ?? '/'}${b}`, words: record.bundles[b]?.words ?? [] })),
            join(cacheDir, 'words', flatName(feed.bundle.dir)));
        }
      }
      writeRecord(cacheDir, record);
      this.#copies.prune(record);
      const done = performance.now();
      const indexed = this.#bundles.filter((f) => !f.clean);
      return {
        pages: this.#bundles.reduce((n, f) => n + f.bundle.pages.length, 0),
        bundles: this.#bundles.length,
        indexed: indexed.length,
        pagesIndexed: indexed.reduce((n, f) => n + f.bundle.pages.length, 0),
        bytes: folderBytes(join(outDir, SEARCH_BUNDLE)),
        ms: done - this.#started,
        waitMs: done - waitStarted,
        reused,
        readBack,
      };
    } finally {
      await close();
    }
  }
}

function hashOf(html: string): string {
  return createHash('sha1').update(html).digest('base64url');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

function readRecord(file: string): Record_ | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Record_;
    return record.version === RECORD_VERSION ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Where the cache keeps a bundle: one flat folder each, though the site nests them in the first one's. */
function cachedBundle(cacheDir: string, dir: string): string {
  return join(cacheDir, 'bundles', flatName(dir));
}

/** A bundle's folder as one name (`pagefind~part-1`). */
function flatName(dir: string): string {
  return dir.replace(/\/$/, '').replaceAll('/', '~');
}

/** The record goes last: a build stopped halfway leaves no record that promises bundles it did not keep. */
function writeRecord(cacheDir: string, record: Record_): void {
  try {
    // Bundles of the last build that this one does not have are dropped from the cache.
    const wanted = new Set(Object.keys(record.bundles).map((dir) => cachedBundle(cacheDir, dir)));
    const kept = join(cacheDir, 'bundles');
    for (const name of existsSync(kept) ? readdirSync(kept) : []) if (!wanted.has(join(kept, name))) rmSync(join(kept, name), { recursive: true, force: true });
    writeFileSync(join(cacheDir, 'record.json'), JSON.stringify(record));
  } catch {
    // Indexed again next time.
  }
}

/**
 * Puts a folder of Pagefind's files elsewhere as hard links, or as copies
 * where links cannot be made (another file system): nothing writes to an
 * index's files once Pagefind has, so the site and the cache can share them,
 * and a thousand files are not copied on every build.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

/** A bundle as written, for the next build: a cache, so a failure to keep it only costs time. */
function keepBundle(staging: string, cached: string): void {
  try {
    rmSync(cached, { recursive: true, force: true });
    mkdirSync(join(cached, '..'), { recursive: true });
    renameSync(staging, cached);
  } catch {
    // Indexed again next time.
  }
}

/** Pagefind's scripts, UI and WebAssembly: the search page loads them from the first bundle only. */
function removeScripts(outputPath: string): void {
  for (const name of readdirSync(outputPath)) {
    if (/^pagefind[\w-]*\.(js|css)$|^wasm\.[\w-]+\.pagefind$/.test(name)) rmSync(join(outputPath, name));
  }
}

/**
 * From a bundle as Pagefind wrote it: each page's id, by path (the name of its
 * fragment, which is how a search result names its page before its fragment
 * is loaded), and the words its pages were indexed with. A fragment holds the
 * text Pagefind indexed and the metadata, whose words it indexes too.
 */
function indexedPages(outputPath: string): { ids: Record<string, string>; words: string[] } {
  const ids: Record<string, string> = {};
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/\s+/)) if (word) words.add(word);
  };
  const dir = join(outputPath, 'fragment');
  for (const name of readdirSync(dir)) {
    // A fragment is gzip JSON after Pagefind's 12-byte signature.
    const fragment = JSON.parse(gunzipSync(readFileSync(join(dir, name))).subarray(12).toString('utf8')) as
      { url: string; content: string; meta?: Record<string, string> };
    ids[fragment.url] = name.replace(/\.pf_fragment$/, '');
    add(fragment.content);
    for (const value of Object.values(fragment.meta ?? {})) add(value);
  }
  return { ids, words: [...words].sort() };
}

/** Where a primary bundle's word list is, in Keyplan's folder beside its merge. */
export const WORDS_DIR = 'words';

/** The filter of the word list's records: the address of the bundle each record stands for. */
export const WORDS_FILTER = 'keyplan_words';

/**
 * The word list of a search page that merges bundles: a small Pagefind index
 * with one record per bundle, holding every word of that bundle once.
 *
 * Pagefind answers a word a bundle does not hold with the longest word the
 * bundle does hold that begins the same way ("soler" finds "sole"), where one
 * index of the whole site would only have found the word's own pages. The
 * word list holds the words of every bundle, so Pagefind's answer there is
 * the whole site's: the records it returns are the bundles that hold a word
 * the query matches, and the search page keeps only their results
 * (./merged-search.js). A bundle without one would only have answered with
 * pages one index does not give.
 */
async function writeWordList(outputPath: string, bundles: readonly { address: string; words: readonly string[] }[], cached: string): Promise<void> {
  // The same words as the last build's: its list is copied (Pagefind need not even start).
  const key = hashOf(JSON.stringify(bundles));
  if (readFileIfAny(join(cached, 'key')) === key) {
    linkTree(join(cached, 'list'), outputPath);
    return;
  }
  const index = await createIndex();
  try {
    for (const { address, words } of bundles) {
      // The address doubles as the record's url: the search never loads a record, only counts them by filter.
      const added = await index.addCustomRecord({ url: address, content: words.join(' '), language: 'en', filters: { [WORDS_FILTER]: [address] } });
      if (added.errors.length) throw new SearchIndexError(added.errors);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new SearchIndexError(written.errors);
  } finally {
    await index.deleteIndex();
  }
  removeScripts(outputPath);
  // Nobody loads a record's fragment: the counts by filter are the answer.
  rmSync(join(outputPath, 'fragment'), { recursive: true, force: true });
  try {
    rmSync(cached, { recursive: true, force: true });
    linkTree(outputPath, join(cached, 'list'));
    writeFileSync(join(cached, 'key'), key);
  } catch {
    // Written again next time.
  }
}

function readFileIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * What the search page needs besides Pagefind's files: Keyplan's merge of
 * the bundles (Pagefind's merge orders sorted results by their place in each
 * bundle, which is no order across bundles), and for each sort key the ids of
 * the pages in order.
 */
function writeMerge(dir: string, record: Record_, sorts: Record<string, readonly string[]>): void {
  mkdirSync(dir, { recursive: true });
  cpSync(new URL('./merged-search.js', import.meta.url), join(dir, 'pagefind.js'));
  const ids = new Map<string, string>();
  for (const bundle of Object.values(record.bundles)) for (const [url, id] of Object.entries(bundle.ids)) ids.set(url, id);
  const orders = Object.fromEntries(Object.entries(sorts).map(([key, urls]) => [key, urls.flatMap((url) => ids.get(url) ?? [])]));
  writeFileSync(join(dir, 'sorts.json'), JSON.stringify(orders));
}

/** Stops Pagefind's processes: the build never exits while one runs. */
export async function close(): Promise<void> {
  const running = processes.splice(0);
  turn = 0;
  await Promise.all([pagefind.close(), ...running.slice(1).map(async (api) => (await api).close())]);
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

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? folderBytes(path) : stat.size;
  }
  return total;
}
