/**
 * Plan bodies, rendered to HTML by Keyplan with the site's Markdown processor
 * (Sätteri, or unified), instead of being compiled by Vite into one MDX module
 * each. A body cannot run code (the check allows Markdown and a short list of
 * text-level tags, nothing else), so there is nothing a module would add; and
 * a thousand modules cost several seconds of every build, hundreds of MB of
 * memory, and a module reload on every edit in dev.
 *
 * A rendered body is kept, in memory and on disk, under a key of everything
 * its HTML depends on (its text, what its links resolve to, its diagrams, the
 * base path, the code that renders it), so an unchanged body is never
 * rendered twice, not even across builds; a body whose link target was
 * renamed is.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownHeading, MarkdownRenderer } from '@astrojs/internal-helpers/markdown';
import { cachedSvg, figureHtml } from '../src/diagrams/figure.ts';
import { resolveLink, type LinkTargets } from '../src/links/resolve.ts';
import type { CheckedPlan } from '../src/validate/check.ts';

/**
 * The code that turns a body into HTML is part of the key: change it, and
 * every stored body is rendered again.
 */
const RENDER_CODE = (() => {
  const hash = createHash('sha256');
  for (const file of ['./body.ts', './links/shared.ts', './links/satteri.ts', './links/remark.ts', '../src/links/resolve.ts',
    '../src/diagrams/figure.ts', '../src/diagrams/place.ts']) {
    hash.update(readFileSync(new URL(file, import.meta.url)));
  }
  return hash.digest('hex');
})();

export interface RenderedBody {
  html: string;
  headings: MarkdownHeading[];
}

export interface BodyInputs {
  links: LinkTargets;
  /** The render cache file of each diagram source that has an SVG. */
  diagrams: ReadonlyMap<string, string>;
  /** Markdown processor in use: its name is part of the key. */
  processor: string;
}

export class BodyRenderer {
  readonly #markdown: MarkdownRenderer;
  readonly #root: string;
  readonly #cacheDir: string;
  /** HTML by key, for this process: a dev edit renders one body, not all. */
  readonly #memory = new Map<string, string>();

  constructor(markdown: MarkdownRenderer, options: { root: string; cacheDir: string }) {
    this.#markdown = markdown;
    this.#root = options.root;
    this.#cacheDir = options.cacheDir;
  }

  /** The HTML of every plan in `plans`, by plan id; `rendered` counts those not found in a cache. */
  async renderAll(plans: readonly CheckedPlan[], inputs: BodyInputs): Promise<{ bodies: Map<string, string>; rendered: number }> {
    const bodies = new Map<string, string>();
    const memory = new Map<string, string>();
    let rendered = 0;
    for (const plan of plans) {
      const key = this.key(plan, inputs);
      let html = this.#memory.get(key) ?? this.#fromDisk(key);
      if (html === undefined) {
        html = (await this.render(plan, inputs)).html;
        mkdirSync(this.#cacheDir, { recursive: true });
        writeFileSync(join(this.#cacheDir, `${key}.html`), html);
        rendered++;
      }
      memory.set(key, html);
      bodies.set(plan.id, html);
    }
    // Only what this content needs stays in memory.
    this.#memory.clear();
    for (const [key, html] of memory) this.#memory.set(key, html);
    return { bodies, rendered };
  }

  #fromDisk(key: string): string | undefined {
    try {
      return readFileSync(join(this.#cacheDir, `${key}.html`), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Everything the body's HTML depends on, hashed: equal keys, equal HTML. */
  key(plan: CheckedPlan, inputs: BodyInputs): string {
    const hash = createHash('sha256').update(`${RENDER_CODE}\n${inputs.processor}\n${inputs.links.base}\n${plan.source.hash}\n`);
    for (const link of plan.outline?.links ?? []) {
      const resolved = resolveLink(link.url, plan.id, inputs.links);
      const target = resolved.kind === 'link' || resolved.kind === 'unlinked' ? resolved.target.plan : undefined;
      hash.update(`${JSON.stringify(resolved)}\n${target && inputs.links.plans.get(target)?.confidential ? 'c' : ''}\n`);
    }
    for (const diagram of plan.outline?.diagrams ?? []) hash.update(`${inputs.diagrams.get(diagram.source) ?? 'browser'}\n`);
    return hash.digest('hex').slice(0, 32);
  }

  async render(plan: CheckedPlan, inputs: BodyInputs): Promise<RenderedBody> {
    const { code, metadata } = await this.#markdown.render(plan.source.body ?? '', { fileURL: pathToFileURL(join(this.#root, plan.source.file)) });
    const html = markLinks(placeDiagrams(code.trimEnd(), inputs.diagrams, inputs.links.base), plan.id, inputs.links);
    return { html, headings: metadata.headings };
  }
}

const MERMAID_BLOCK = /<pre[^>]*><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g;

/** Each ```mermaid block becomes its diagram, numbered in order so every one has ids of its own. */
function placeDiagrams(html: string, diagrams: ReadonlyMap<string, string>, base: string): string {
  let n = 0;
  return html.replace(MERMAID_BLOCK, (_, code: string) => {
    const source = decodeHtml(code).trimEnd();
    const svg = cachedSvg(diagrams.get(source) ?? diagrams.get(`${source}\n`));
    n++;
    return figureHtml({
      svg, source, id: `kp-diagram-${n}`, title: `Diagram ${n} of the narrative`,
      description: 'A diagram drawn with mermaid in the plan narrative.', assets: `${base}_keyplan/`,
    });
  });
}

/**
 * A link to a confidential plan shows that plan's name only (the link plugin
 * sees to that) and is kept out of the search index, so no indexed page names it.
 */
function markLinks(html: string, planId: string, links: LinkTargets): string {
  const page = new URL(`${links.base}plans/${planId}/`, 'http://keyplan.invalid');
  return html.replace(/<a href="([^"]*)"/g, (tag, href: string) => {
    let path: string;
    try {
      path = new URL(decodeHtml(href), page).pathname;
    } catch {
      return tag;
    }
    const prefix = `${links.base}plans/`;
    if (!path.startsWith(prefix)) return tag;
    const target = decodeURIComponent(path.slice(prefix.length).split('/')[0]);
    return links.plans.get(target)?.confidential ? `${tag} data-pagefind-ignore=""` : tag;
  });
}

function decodeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16))).replace(/&amp;/g, '&');
}
