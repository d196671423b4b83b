/**
 * The HTML of one diagram on a page: the SVG rendered at build time, or,
 * where no browser could render it, its source drawn in the reader's browser
 * by the script shipped with the site. Either way a visually hidden list
 * carries its words for search (which ignores SVG text) and screen readers.
 * Plan bodies and the generated diagrams both come through here.
 */
import { readFileSync } from 'node:fs';
import { escapeXml as escapeHtml, placeSvg } from './place.ts';

export interface Figure {
  /** The rendered SVG, with the placeholder id; undefined where the reader's browser is to draw it. */
  svg: string | undefined;
  source: string;
  /** Unique in the page: every id inside the SVG is derived from it. */
  id: string;
  title: string;
  description: string;
  /** The words of the diagram, for search and screen readers. */
  text?: readonly string[];
  /** Where the site's fallback scripts are: `<base>_keyplan/`. */
  assets: string;
}

export function figureHtml(figure: Figure): string {
  const { svg, source, id, title, description, text, assets } = figure;
  const drawing = svg
    ? placeSvg(svg, id, title, description)
    : `<pre class="mermaid" aria-label="${escapeHtml(title)}">${escapeHtml(source)}</pre>`
      + `<script src="${escapeHtml(`${assets}mermaid.min.js`)}"></script><script src="${escapeHtml(`${assets}diagrams.js`)}"></script>`;
  const words = text && text.length > 0 ? `<ul class="visually-hidden">${text.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>` : '';
  return `<figure class="diagram">${drawing}${words}</figure>`;
}

/** The SVG in a render-cache file (src/diagrams/mermaid/renderer.ts writes `{ svg }`), if there is a file. */
export function cachedSvg(file: string | undefined): string | undefined {
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as { svg: string }).svg : undefined;
}
