/** Renders a plan body the way Astro's MDX plugin does, through either processor with Keyplan's link plugin. */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import type { LinkTargets } from '../../src/links/resolve.ts';
import remarkLinks from '../../plugins/links/remark.ts';
import satteriLinks from '../../plugins/links/satteri.ts';

export const PROCESSORS = ['satteri', 'unified'] as const;
export type ProcessorName = (typeof PROCESSORS)[number];

export interface RenderedLink {
  href: string;
  text: string;
}

/** The compiled module's code; throws what the plugin throws. */
export async function renderBody(processor: ProcessorName, filePath: string, source: string, targets: LinkTargets): Promise<string> {
  const options = { targets: () => targets };
  const pipeline = processor === 'satteri'
    ? satteri({ mdastPlugins: [satteriLinks(options)] })
    : unified({ remarkPlugins: [[remarkLinks, options]] });
  const renderer = await pipeline.createMdxRenderer!(
    { syntaxHighlight: false, gfm: true, smartypants: false } as never,
    { optimize: false, srcDir: new URL('../../src/', import.meta.url) } as never);
  const { content, frontmatter } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const { code } = await renderer.process(content, filePath, frontmatter);
  return code;
}

/** The links of compiled MDX: `_jsx(_components.a, { href: "…", children: "…" })`. */
export function linksIn(code: string): RenderedLink[] {
  const links: RenderedLink[] = [];
  for (const match of code.matchAll(/_components\.a,\s*\{\s*href:\s*("(?:[^"\\]|\\.)*"),\s*children:\s*("(?:[^"\\]|\\.)*")/g)) {
    links.push({ href: JSON.parse(match[1]), text: JSON.parse(match[2]) });
  }
  return links;
}
