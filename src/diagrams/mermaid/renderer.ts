/**
 * Renders mermaid diagrams to SVG at build time: one browser for the whole
 * build, many diagrams per page load, and a content-hash cache on disk so an
 * unchanged diagram is never rendered twice, not even across builds.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { type Dir, existsSync, mkdirSync, opendirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { compactSvg } from '../compact.ts';
import { PLACEHOLDER_ID } from '../place.ts';

const require = createRequire(import.meta.url);
export const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

/**
 * One mermaid setup for every diagram: strict security, system fonts, text
 * labels (no HTML), and the same SVG for the same source on every render
 * (classic look and deterministic ids: the "neo" look draws with random jitter).
 * Graphs are laid out with dagre, the layout of every mermaid before 12: it
 * keeps a flowchart in the order it is written, and draws in two thirds of the
 * time of ELK, mermaid 12's default, which a diagram can still ask for
 * (`layout: elk` in its own config).
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  look: 'classic',
  layout: 'dagre',
  deterministicIds: true,
  handDrawnSeed: 1,
  theme: 'neutral',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  htmlLabels: false,
  flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 240 },
} as const;

export type Rendered = { svg: string } | { error: string; line?: number };

/** A diagram of this build: where its SVG is on disk, or mermaid's error. */
export type Outcome = { file: string } | { error: string; line?: number };

export interface RenderStats {
  rendered: number;
  cached: number;
  failed: number;
  ms: number;
}

/** The cache key: the source and everything else that shapes the SVG. */
export function diagramHash(source: string): string {
  return createHash('sha256').update(`${MERMAID_VERSION}\n${JSON.stringify(MERMAID_CONFIG)}\nv4\n${source}`).digest('hex').slice(0, 32);
}

export interface RendererOptions {
  cacheDir: string;
  /** A Chromium or Chrome binary; without one, nothing is rendered (the site falls back to rendering in the reader's browser). */
  browserPath?: string;
  /** Pages rendering at once: one per core is plenty. */
  pages?: number;
  /** Diagrams per round trip to a page. */
  batch?: number;
}

export class DiagramRenderer {
  readonly #options: RendererOptions;
  #browser: Promise<Browser> | undefined;

  constructor(options: RendererOptions) {
    this.#options = options;
  }

  get canRender(): boolean {
    return this.#options.browserPath !== undefined;
  }

  /** Where the SVG of `hash` is kept (a syntax error is kept beside it, in `<hash>.error.json`). */
  cacheFile(hash: string): string {
    return join(this.#options.cacheDir, `${hash}.json`);
  }

  /** Outcomes known to this process: a dev edit looks up the unchanged diagrams here, not on disk. */
  readonly #known = new Map<string, Outcome>();

  /** What is already on disk for `hash`, if anything; an SVG is not read, only found. */
  cached(hash: string): Outcome | undefined {
    const known = this.#known.get(hash);
    if (known) return known;
    const file = this.cacheFile(hash);
    let outcome: Outcome | undefined;
    if (existsSync(file)) outcome = { file };
    else outcome = readJson<{ error: string; line?: number }>(join(this.#options.cacheDir, `${hash}.error.json`));
    if (outcome) this.#known.set(hash, outcome);
    return outcome;
  }

  /**
   * Every source rendered, or found in the cache. Without a browser the
   * uncached ones are simply missing from the result.
   */
  async renderAll(sources: Iterable<string>, onProgress?: (done: number, total: number) => void): Promise<{ results: Map<string, Outcome>; stats: RenderStats }> {
    const started = performance.now();
    const results = new Map<string, Outcome>();
    const todo = new Map<string, string>();
    for (const source of sources) {
      const hash = diagramHash(source);
      if (results.has(hash) || todo.has(hash)) continue;
      const hit = this.cached(hash);
      if (hit) results.set(hash, hit);
      else todo.set(hash, source);
    }
    const cached = results.size;
    let failed = 0;
    if (todo.size > 0 && this.canRender) {
      mkdirSync(this.#options.cacheDir, { recursive: true });
      // Each batch is written as it comes back, on libuv's threads, while Chromium draws the next; pages read
      // the SVGs from these files, so all are written before this returns.
      const writes: Promise<void>[] = [];
      await this.#renderInBrowser([...todo], (hash, result) => {
        let outcome: Outcome;
        if ('error' in result) {
          failed++;
          outcome = result;
          writes.push(writeFile(join(this.#options.cacheDir, `${hash}.error.json`), JSON.stringify(result)));
        } else {
          outcome = { file: this.cacheFile(hash) };
          writes.push(writeFile(outcome.file, JSON.stringify(result)));
        }
        results.set(hash, outcome);
        this.#known.set(hash, outcome);
      }, onProgress);
      await Promise.all(writes);
    }
    const renderedCount = results.size - cached;
    return { results, stats: { rendered: renderedCount, cached, failed, ms: Math.round(performance.now() - started) } };
  }

  /**
   * Syntax only, for `npm run check`: mermaid's parser in the page, no layout,
   * so it is many times faster than a render. Results are cached like renders.
   */
  async validateAll(sources: Iterable<string>): Promise<Map<string, { error: string; line?: number } | { ok: true }>> {
    const out = new Map<string, { error: string; line?: number } | { ok: true }>();
    const todo = new Map<string, string>();
    for (const source of sources) {
      const hash = diagramHash(source);
      if (out.has(hash) || todo.has(hash)) continue;
      const known = this.cached(hash) ?? readJson<{ error: string; line?: number } | { ok: true }>(join(this.#options.cacheDir, `${hash}.parse.json`));
      if (known) out.set(hash, 'error' in known ? known : { ok: true });
      else todo.set(hash, source);
    }
    if (todo.size === 0 || !this.canRender) return out;
    mkdirSync(this.#options.cacheDir, { recursive: true });
    const page = await this.#newPage(await this.#launch());
    try {
      const items = [...todo];
      const results = await page.evaluate(parseBatch, items.map(([, s]) => s));
      items.forEach(([hash], i) => {
        const result = results[i];
        out.set(hash, result);
        writeFileSync(join(this.#options.cacheDir, `${hash}.parse.json`), JSON.stringify(result));
      });
    } finally {
      await page.close();
    }
    return out;
  }

  async close(): Promise<void> {
    await this.#warming;
    const browser = await this.#browser?.catch(() => undefined);
    this.#browser = undefined;
    this.#idle = [];
    await browser?.close();
  }

  /**
   * Starts the browser and `pages` pages with mermaid: in dev, so the first diagram edited renders at once; in
   * a build with nothing cached, before the content is checked. Resolves once mermaid is on its way to every
   * page: Chromium loads it on its own cores while the check runs (which holds Node's event loop), and the
   * pages are ready for the renders when it is done.
   */
  start(pages = 1): Promise<void> {
    if (!this.canRender) return Promise.resolve();
    if (this.#warming) return this.#warming;
    let sent!: () => void;
    const sending = new Promise<void>((resolve) => (sent = resolve));
    this.#warming = (async () => {
      try {
        const browser = await this.#launch();
        const count = Math.max(0, pages - this.#idle.length);
        let waiting = count;
        const opened = Promise.all(Array.from({ length: count }, () => this.#newPage(browser, () => --waiting === 0 && sent())));
        if (count === 0) sent();
        this.#idle.push(...await opened);
      } catch {
        // The render that needs it will report the problem.
      } finally {
        sent();
      }
    })();
    void this.#warming.then(() => (this.#warming = undefined));
    return sending;
  }

  /** As `start`, and resolves when the pages are ready. */
  async warm(pages = 1): Promise<void> {
    await this.start(pages);
    await this.#warming;
  }

  #warming: Promise<void> | undefined;

  /** Nothing rendered or checked yet in this cache (a first build, or a CI machine without a cache). */
  get empty(): boolean {
    // One entry is enough to tell: a cache of ten thousand diagrams is not listed on every build.
    let dir: Dir | undefined;
    try {
      dir = opendirSync(this.#options.cacheDir);
      return dir.readSync() === null;
    } catch {
      return true;
    } finally {
      dir?.closeSync();
    }
  }

  /** Pages that render at once (an option; one per core is plenty). */
  get pageCount(): number {
    return this.#options.pages ?? 2;
  }

  /** Pages with mermaid loaded, kept between renders: in dev, an edited diagram renders without loading mermaid again. */
  #idle: Page[] = [];

  /** The one browser of this build, started on first use. */
  async #launch(): Promise<Browser> {
    const { chromium } = await import('playwright-core');
    this.#browser ??= chromium.launch({
      executablePath: this.#options.browserPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-extensions', '--no-first-run'],
    });
    return this.#browser;
  }

  async #renderInBrowser(items: [string, string][], onResult: (hash: string, result: Rendered) => void,
    onProgress?: (done: number, total: number) => void): Promise<void> {
    // Pages opened while the content was checked are ready, or nearly.
    await this.#warming;
    const browser = await this.#launch();
    const pageCount = Math.max(1, Math.min(this.pageCount, Math.ceil(items.length / 4)));
    const batch = this.#options.batch ?? 20;
    const queue = [...items];
    let done = 0;
    const worker = async () => {
      const page = this.#idle.pop() ?? await this.#newPage(browser);
      try {
        while (queue.length) {
          const chunk = queue.splice(0, batch);
          const results = await page.evaluate(renderBatch, { sources: chunk.map(([, s]) => s), id: PLACEHOLDER_ID });
          chunk.forEach(([hash], i) => {
            const result = results[i];
            onResult(hash, 'svg' in result ? { svg: compactSvg(result.svg) } : result);
          });
          done += chunk.length;
          onProgress?.(done, items.length);
        }
      } finally {
        this.#idle.push(page);
      }
    };
    await Promise.all(Array.from({ length: pageCount }, worker));
  }

  /** A page with mermaid loaded; `sent` is called once the script is on its way to Chromium. */
  async #newPage(browser: Browser, sent?: () => void): Promise<Page> {
    const page = await browser.newPage();
    // Nothing may leave the machine: mermaid comes from node_modules, fonts are the system's.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    const loading = page.addScriptTag({ content: readFileSync(MERMAID_SCRIPT, 'utf8') });
    if (sent) {
      // Playwright hands the message to Chromium's pipe within a few turns of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent();
    }
    await loading;
    await page.evaluate((config) => (window as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config), MERMAID_CONFIG);
    return page;
  }
}

/** Runs in the page: checks each source with mermaid's parser. */
async function parseBatch(sources: string[]): Promise<({ error: string; line?: number } | { ok: true })[]> {
  const mermaid = (window as unknown as { mermaid: { parse(src: string): Promise<unknown> } }).mermaid;
  const results: ({ error: string; line?: number } | { ok: true })[] = [];
  for (const source of sources) {
    try {
      await mermaid.parse(source);
      results.push({ ok: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = /on line (\d+)/.exec(message)?.[1];
      results.push({ error: message, line: line ? Number(line) : undefined });
    }
  }
  return results;
}

/** Runs in the page: renders each source, or reports mermaid's own parse error and its line. */
async function renderBatch({ sources, id }: { sources: string[]; id: string }): Promise<Rendered[]> {
  const mermaid = (window as unknown as { mermaid: { render(id: string, src: string): Promise<{ svg: string }> } }).mermaid;
  const results: Rendered[] = [];
  for (const source of sources) {
    // Some of mermaid's shapes draw with Math.random: seed it afresh for each diagram,
    // so a source renders to the same SVG whatever was rendered before it.
    let state = 0x9e3779b9;
    Math.random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    try {
      results.push({ svg: (await mermaid.render(id, source)).svg });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = /on line (\d+)/.exec(message)?.[1];
      results.push({ error: message, line: line ? Number(line) : undefined });
    } finally {
      // A failed render leaves its scratch element behind.
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove();
    }
  }
  return results;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
