/**
 * Renders a plan body the way a build does: the production BodyRenderer with
 * the chosen processor and Keyplan's tree plugins (plugins/body/).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { bodyHtml, type BodyParts } from '../../src/body/parts.ts';
import { isOutlineError, outlineBody } from '../../src/links/outline.ts';
import type { LinkTargets } from '../../src/links/resolve.ts';
import type { CheckedPlan } from '../../src/validate/check.ts';
import { BodyRenderer } from '../../plugins/body/renderer.ts';
import { markdownPipeline, SYNTAX_HIGHLIGHT } from '../../plugins/body/pipeline.ts';

export const PROCESSORS = ['satteri', 'unified'] as const;
export type ProcessorName = (typeof PROCESSORS)[number];

export interface RenderedLink {
  href: string;
  text: string;
}

/** The body's HTML, views left out; throws what the plugins throw. `filePath` is absolute, under `<root>/content/plans/`. */
export async function renderBody(processor: ProcessorName, filePath: string, source: string, targets: LinkTargets,
  diagrams: ReadonlyMap<string, string> = new Map()): Promise<string> {
  return bodyHtml(await renderParts(processor, filePath, source, targets, diagrams));
}

/** The body as the page gets it: runs of HTML and the views placed between them, with its components found by the check's outline. */
export async function renderParts(processor: ProcessorName, filePath: string, source: string, targets: LinkTargets,
  diagrams: ReadonlyMap<string, string> = new Map()): Promise<BodyParts> {
  const root = filePath.slice(0, filePath.lastIndexOf('/content/plans/'));
  const bodies = new BodyRenderer({ root, cacheDir: mkdtempSync(join(tmpdir(), 'keyplan-body-')), processor });
  bodies.use(await (await markdownPipeline(processor, bodies.inputs)).createRenderer({ syntaxHighlight: SYNTAX_HIGHLIGHT }));
  const { content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const id = filePath.slice(filePath.lastIndexOf('/') + 1).replace(/\.mdx$/, '');
  // The frontmatter is blanked, not cut: body lines are file lines.
  const outline = outlineBody(content, 1);
  if (isOutlineError(outline)) throw new Error(outline.message);
  const plan = { id, source: { file: filePath.slice(root.length + 1), body: content, hash: 'test' }, outline } as unknown as CheckedPlan;
  // Through renderAll, as a build renders (a fresh cache: rendered every time).
  const { bodies: rendered } = await bodies.renderAll([{ page: `plans/${id}/`, plan, inputs: { links: targets, diagrams } }]);
  return rendered.get(`plans/${id}/`)!;
}

/** The links of a rendered body, in order. */
export function linksIn(html: string): RenderedLink[] {
  return parse(html).querySelectorAll('a').map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent }));
}
