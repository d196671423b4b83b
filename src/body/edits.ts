/**
 * What Keyplan does to a plan body's Markdown tree, written once and free of
 * any processor: plugins/body/satteri.ts and plugins/body/remark.ts apply the
 * edits it returns. Links are resolved (plan:, person:, #item), in the view
 * the body is rendered for: a link to a plan that view may not read becomes
 * the text "a restricted plan". Each ```mermaid block becomes its diagram,
 * and each component (src/body/components.ts) is placed: a callout becomes
 * its box, a view a marker where the plan page draws it (src/body/parts.ts).
 * Nothing is done to the HTML afterwards.
 */
import type { Code, Html, Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cachedSvg, figureHtml } from '../diagrams/figure.ts';
import { resolveLink, RESTRICTED_PLAN, type LinkTargets, type Resolution } from '../links/resolve.ts';
import type { BodyComponent } from './components.ts';
import { calloutClose, calloutOpen, viewMarker } from './parts.ts';

/** What a body is rendered against in this build. */
export interface BodyInputs {
  links: LinkTargets;
  /** The render-cache file of each diagram source that has an SVG. */
  diagrams: ReadonlyMap<string, string>;
  /** Each plan's components, as the check found them in the Markdown parse (src/links/outline.ts). */
  components?: ReadonlyMap<string, readonly BodyComponent[]>;
}

/** The plan a file is, from its path: `…/content/plans/<id>.mdx`. Other files are not plans. */
export function planIdOf(path: string | undefined): string | undefined {
  const match = path?.replaceAll('\\', '/').match(/\/content\/plans\/([^/]+)\.mdx$/);
  return match?.[1];
}

/** A link error, with the position Astro's Markdown plugins read to name `file:line:column`. */
export class LinkError extends Error {
  line?: number;
  column?: number;
  /** The message as written here: processors prefix the message of an error they pass on. */
  readonly reason: string;
  constructor(message: string, position: Link['position']) {
    super(message);
    this.reason = message;
    this.name = 'KeyplanLinkError';
    this.line = position?.start.line;
    this.column = position?.start.column;
  }
}

export type LinkEdit =
  | { kind: 'keep' }
  | { kind: 'link'; href: string; text?: string }
  | { kind: 'text'; text: string };

export interface BodyEditor {
  /** What to do with one link (or definition) node; throws a LinkError on a link the checker would reject. */
  link(node: Pick<Link, 'url' | 'children' | 'position'>): LinkEdit;
  /** The HTML that replaces a code block, or undefined to keep it (only ```mermaid blocks are replaced). */
  code(node: Pick<Code, 'lang' | 'value'>): string | undefined;
  /** The HTML that replaces an HTML node that is a component's tag, or undefined to keep it. */
  html(node: Pick<Html, 'position'>): string | undefined;
}

/** The edits of one body: diagrams are numbered in order, so every one has ids of its own. */
export function bodyEditor(planId: string, inputs: BodyInputs): BodyEditor {
  const { links, diagrams } = inputs;
  let diagram = 0;
  // Tags by where the Markdown parse has them: what each becomes.
  const tags = new Map<string, string>();
  let view = 0;
  for (const component of inputs.components?.get(planId) ?? []) {
    const at = `${component.at.line}:${component.at.column}`;
    if (component.name === 'Callout') {
      tags.set(at, calloutOpen(component.props.kind));
      tags.set(`${component.closeAt!.line}:${component.closeAt!.column}`, calloutClose());
    } else {
      tags.set(at, viewMarker(view++));
    }
  }
  return {
    link(node) {
      const resolved: Resolution = resolveLink(node.url, planId, links);
      switch (resolved.kind) {
        case 'pass':
          return pointsAtRestricted(node.url, planId, links) ? { kind: 'text', text: RESTRICTED_PLAN } : { kind: 'keep' };
        case 'error':
          throw new LinkError(resolved.message, node.position);
        case 'unlinked':
          return { kind: 'text', text: node.children.length ? toString(node as Link) : resolved.label };
        case 'restricted':
          // The writer's text may name the plan: it goes too.
          return { kind: 'text', text: resolved.label };
        case 'link':
          return { kind: 'link', href: resolved.href, text: node.children.length ? undefined : resolved.label };
      }
    },
    code(node) {
      if (node.lang !== 'mermaid') return undefined;
      diagram++;
      return figureHtml({
        svg: cachedSvg(diagrams.get(node.value)), source: node.value, id: `kp-diagram-${diagram}`,
        title: `Diagram ${diagram} of the narrative`, description: 'A diagram drawn with mermaid in the plan narrative.',
        assets: `${links.base}_keyplan/`,
      });
    },
    html(node) {
      const start = node.position?.start;
      return start && tags.get(`${start.line}:${start.column}`);
    },
  };
}

/** A link written as a plain URL (`../other-plan/`) that lands where a plan this view may not read would be (`plans/<id>/…`). */
function pointsAtRestricted(url: string, planId: string, links: LinkTargets): boolean {
  const site = 'http://keyplan.invalid';
  const prefix = `${links.base}plans/`;
  try {
    const target = new URL(url, new URL(`${prefix}${planId}/`, site));
    if (target.origin !== site || !target.pathname.startsWith(prefix)) return false;
    return links.restricted.has(decodeURIComponent(target.pathname.slice(prefix.length).split('/')[0]));
  } catch {
    return false;
  }
}
