/**
 * A rendered body as the plan page draws it: runs of HTML with the placed
 * views between them. The body edits (./edits.ts) put a marker where each view
 * goes; the renderer cuts the processor's HTML at those markers, which it put
 * there itself, one each; the page draws each view with the same Astro
 * components as the plan's own sections. A callout is drawn in the tree: it
 * is a box around Markdown, with nothing of the plan's data in it.
 */
import { componentSpec, type BodyComponent, type PlacedView, type ViewName } from './components.ts';

/** Runs of HTML and the views between them, in reading order. */
export type BodyParts = readonly (string | PlacedView)[];

/** The marker of the `index`th view of a body: an HTML comment, which both processors keep as written. */
export function viewMarker(index: number): string {
  return `<!--keyplan-view-${index}-->`;
}

const CALLOUT_WORDS: Record<string, string> = { note: 'Note', decision: 'Decision needed', warning: 'Warning' };

export function calloutOpen(kind = 'note'): string {
  return `<div class="callout callout-${kind}" data-view="callout" role="note"><p class="callout-kind">${CALLOUT_WORDS[kind] ?? CALLOUT_WORDS.note}</p>`;
}

export function calloutClose(): string {
  return '</div>';
}

/** The views a body places, in order: its components but the callouts. */
export function placedViews(components: readonly BodyComponent[]): PlacedView[] {
  return components.flatMap((c) => (componentSpec(c.name).shape === 'container' ? [] : [{ name: c.name as ViewName, props: c.props }]));
}

/** The processor's HTML cut at the markers of `views`; each marker must be there once, in order. */
export function splitBody(html: string, views: readonly PlacedView[]): BodyParts {
  const parts: (string | PlacedView)[] = [];
  let from = 0;
  views.forEach((view, i) => {
    const marker = viewMarker(i);
    const at = html.indexOf(marker, from);
    if (at < 0 || html.indexOf(marker, at + marker.length) >= 0) throw new Error(`the body's view ${i} (<${view.name}>) was not placed once`);
    parts.push(html.slice(from, at), view);
    from = at + marker.length;
  });
  parts.push(html.slice(from));
  return parts.filter((p) => p !== '');
}

/** The HTML of a body with no views between its parts (what a body without components is). */
export function bodyHtml(parts: BodyParts): string {
  return parts.filter((p): p is string => typeof p === 'string').join('');
}
