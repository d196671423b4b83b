/**
 * Plan bodies, rendered to HTML by Keyplan with the site's Markdown processor
 * (Sätteri, or unified), instead of being compiled by Vite into one MDX module
 * each. A body cannot run code (the check allows Markdown and a short list of
 * text-level tags, nothing else), so there is nothing a module would add; and
 * a thousand modules cost several seconds of every build, hundreds of MB of
 * memory, and a module reload on every edit in dev.
 *
 * What is done to a body (links, diagrams, components) is done in its Markdown
 * tree by src/body/edits.ts, under either processor (./satteri.ts, ./remark.ts);
 * a body with views comes out as runs of HTML with the views between them
 * (src/body/parts.ts), for the plan page to draw each view with its own components.
 *
 * A rendered body is kept, in memory and on disk, under a key of everything
 * its HTML depends on (its text, what its links resolve to, its diagrams, the
 * base path, the code that renders it), so an unchanged body is never
 * rendered twice, not even across builds; a body whose link target was
 * renamed is.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/internal-helpers/markdown';
import type { BodyComponent } from '../../src/body/components.ts';
import { LinkError, type BodyInputs } from '../../src/body/edits.ts';
import { placedViews, splitBody, type BodyParts } from '../../src/body/parts.ts';
import { resolveLink } from '../../src/links/resolve.ts';
import type { CheckedPlan } from '../../src/validate/check.ts';

/**
 * The code that turns a body into HTML is part of the key: change it, and
 * every stored body is rendered again.
 */
const RENDER_CODE = (() => {
  const hash = createHash('sha256');
  for (const file of ['./renderer.ts', './satteri.ts', './remark.ts', '../../src/body/edits.ts', '../../src/body/parts.ts', '../../src/body/components.ts', '../../src/links/resolve.ts',
    '../../src/diagrams/figure.ts', '../../src/diagrams/place.ts']) {
    hash.update(readFileSync(new URL(file, import.meta.url)));
  }
  return hash.digest('hex');
})();

/** One body to render: a plan, for the page of one view, with what links resolve to there. */
export interface BodyJob {
  /** The plan's page path from the base (`plans/<id>/`): the key of the HTML. */
  page: string;
  plan: CheckedPlan;
  inputs: BodyInputs;
}

export class BodyRenderer {
  #markdown: MarkdownRenderer | undefined;
  readonly #root: string;
  readonly #cacheDir: string;
  readonly #processor: string;
  /** What the processor's plugins render against: set for each body renderAll renders. */
  #inputs: BodyInputs | undefined;
  /** Bodies by key, for this process: a dev edit renders one body, not all. Pruned to the current content. */
  readonly #memory = new Map<string, BodyParts>();
  /** The components of the bodies being rendered, by plan, for the edits to place. */
  readonly #components = new Map<string, readonly BodyComponent[]>();

  constructor(options: { root: string; cacheDir: string; processor: string }) {
    this.#root = options.root;
    this.#cacheDir = options.cacheDir;
    this.#processor = options.processor;
  }

  /** For the processor's plugins (plugins/body/satteri.ts, remark.ts): the inputs of the bodies being rendered. */
  readonly inputs = (): BodyInputs => {
    if (!this.#inputs) throw new Error('a plan body was rendered outside BodyRenderer.renderAll');
    return { ...this.#inputs, components: this.#components };
  };

  /** The Markdown renderer built with this renderer's plugins. */
  use(markdown: MarkdownRenderer): void {
    this.#markdown = markdown;
  }

  /**
   * The body of every job, by the job's page; `rendered` counts those not
   * found in a cache. A plan in several views is a job in each: its links go
   * where that view's pages may go.
   */
  async renderAll(jobs: readonly BodyJob[]): Promise<{ bodies: Map<string, BodyParts>; rendered: number }> {
    const bodies = new Map<string, BodyParts>();
    const memory = new Map<string, BodyParts>();
    let rendered = 0;
    // Written by libuv's threads while the next bodies render; a write that fails only costs a render next time.
    const writes: Promise<void>[] = [];
    // The cache's file names, listed once: a cold build would otherwise try to open a thousand missing files,
    // each waiting on the directory the new bodies are being written into.
    let onDisk: ReadonlySet<string> | undefined;
    const fromDisk = (key: string) => {
      onDisk ??= this.#listed();
      return onDisk.has(`${key}.json`) ? this.#fromDisk(key) : undefined;
    };
    for (const { page, plan, inputs } of jobs) {
      const key = this.key(plan, inputs);
      let body = memory.get(key) ?? this.#memory.get(key) ?? fromDisk(key);
      if (body === undefined) {
        this.#inputs = inputs;
        body = await this.render(plan);
        if (rendered === 0) mkdirSync(this.#cacheDir, { recursive: true });
        writes.push(writeFile(join(this.#cacheDir, `${key}.json`), JSON.stringify(body)).catch(() => undefined));
        rendered++;
      }
      memory.set(key, body);
      bodies.set(page, body);
    }
    await Promise.all(writes);
    // Only what this content needs stays in memory.
    this.#memory.clear();
    for (const [key, body] of memory) this.#memory.set(key, body);
    this.#components.clear();
    return { bodies, rendered };
  }

  #listed(): ReadonlySet<string> {
    try {
      return new Set(readdirSync(this.#cacheDir));
    } catch {
      return new Set();
    }
  }

  #fromDisk(key: string): BodyParts | undefined {
    try {
      return JSON.parse(readFileSync(join(this.#cacheDir, `${key}.json`), 'utf8')) as BodyParts;
    } catch {
      return undefined;
    }
  }

  /** Everything the body's HTML depends on, hashed: equal keys, equal HTML. */
  key(plan: CheckedPlan, inputs: BodyInputs): string {
    // One string, hashed once: a thousand plans with thirty links each are 30,000 small hash updates otherwise.
    let text = `${RENDER_CODE}\n${this.#processor}\n${inputs.links.base}\n${plan.source.hash}\n`;
    // What each link resolves to in the view the body is rendered for; plain URLs can land on a restricted plan too.
    for (const link of plan.outline?.links ?? []) text += `${JSON.stringify(resolveLink(link.url, plan.id, inputs.links))}\n`;
    text += `${[...inputs.links.restricted].sort().join(',')}\n`;
    for (const diagram of plan.outline?.diagrams ?? []) text += `${inputs.diagrams.get(diagram.source) ?? 'browser'}\n`;
    return createHash('sha256').update(text).digest('hex').slice(0, 32);
  }

  /** One body through the production pipeline: the processor with Keyplan's tree plugins, cut where its views go. */
  async render(plan: CheckedPlan): Promise<BodyParts> {
    if (!this.#markdown) throw new Error('BodyRenderer.use() was not called');
    const components = plan.outline?.components ?? [];
    this.#components.set(plan.id, components);
    let html: string;
    try {
      const { code } = await this.#markdown.render(plan.source.body ?? '', { fileURL: pathToFileURL(join(this.#root, plan.source.file)) });
      html = code.trimEnd();
    } catch (error) {
      throw located(error, plan.source.file);
    }
    return splitBody(html, placedViews(components));
  }
}

/** The link error inside whatever the processor wrapped it in, with the plan's file: `file:line:column` for the writer. */
function located(error: unknown, file: string): unknown {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof LinkError) return Object.assign(e, { file, message: e.reason });
  }
  return error;
}
