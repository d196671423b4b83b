/** What both processor plugins share: which plan a file is, and the error they throw. */
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { resolveLink, type LinkTargets, type Resolution } from '../../src/links/resolve.ts';

export interface LinkPluginOptions {
  /** The link targets of this build; read on every file, so a dev edit is seen at once. */
  targets: () => LinkTargets;
}

/** The plan a file is, from its path: `…/content/plans/<id>.mdx`. Other files are not plans. */
export function planIdOf(path: string | undefined): string | undefined {
  const match = path?.replaceAll('\\', '/').match(/\/content\/plans\/([^/]+)\.mdx$/);
  return match?.[1];
}

/** A link error, with the position Astro's MDX plugin reads to name `file:line:column`. */
export class LinkError extends Error {
  line?: number;
  column?: number;
  constructor(message: string, position: Link['position']) {
    super(message);
    this.name = 'KeyplanLinkError';
    this.line = position?.start.line;
    this.column = position?.start.column;
  }
}

export type Rewrite =
  | { kind: 'keep' }
  | { kind: 'link'; href: string; text?: string }
  | { kind: 'text'; text: string };

/** What to do with one link node; throws on a link the checker would reject. */
export function rewriteLink(node: Pick<Link, 'url' | 'children' | 'position'>, planId: string, targets: LinkTargets): Rewrite {
  const resolved: Resolution = resolveLink(node.url, planId, targets);
  switch (resolved.kind) {
    case 'pass':
      return { kind: 'keep' };
    case 'error':
      throw new LinkError(resolved.message, node.position);
    case 'unlinked':
      return { kind: 'text', text: node.children.length ? toString(node as Link) : resolved.label };
    case 'link':
      return { kind: 'link', href: resolved.href, text: node.children.length ? undefined : resolved.label };
  }
}
