/**
 * The outline of a plan's body: its headings (with the anchors Astro gives
 * them), its links and its mermaid blocks, with positions in the file. Parsed with Sätteri's MDX
 * parser, the one that renders the body, so an MDX syntax error is found here too.
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';

export interface BodyHeading {
  slug: string;
  text: string;
  line: number;
}

export interface BodyLink {
  url: string;
  line: number;
  column: number;
  /** `[](…)`: the text is to be filled with the target's name. */
  empty: boolean;
  /** Slug of the nearest heading above the link, for pointing back at it. */
  under?: string;
}

/** A ```mermaid block: its source and the file line of its opening fence. */
export interface BodyDiagram {
  source: string;
  line: number;
}

export interface Outline {
  headings: BodyHeading[];
  links: BodyLink[];
  diagrams: BodyDiagram[];
}

export interface OutlineError {
  line: number;
  column: number;
  message: string;
}

/** `bodyLine`: the file line the body starts on, so positions are the file's. */
export function outlineBody(body: string, bodyLine: number): Outline | OutlineError {
  let tree: Root;
  try {
    tree = mdxToMdast(body) as Root;
  } catch (error) {
    return mdxError(error, bodyLine);
  }
  const slugger = new GithubSlugger();
  const headings: BodyHeading[] = [];
  const links: BodyLink[] = [];
  const diagrams: BodyDiagram[] = [];
  let under: string | undefined;
  const offset = bodyLine - 1;
  const walk = (node: Nodes) => {
    if (node.type === 'heading') {
      const text = toString(node);
      under = slugger.slug(text);
      headings.push({ slug: under, text, line: (node.position?.start.line ?? 1) + offset });
    } else if (node.type === 'link' || node.type === 'definition') {
      const start = node.position?.start;
      links.push({
        url: node.url,
        line: (start?.line ?? 1) + offset,
        column: start?.column ?? 1,
        empty: node.type === 'link' && node.children.length === 0,
        under,
      });
    } else if (node.type === 'code' && node.lang === 'mermaid') {
      diagrams.push({ source: node.value, line: (node.position?.start.line ?? 1) + offset });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return { headings, links, diagrams };
}

export function isOutlineError(value: Outline | OutlineError): value is OutlineError {
  return 'message' in value;
}

/** Sätteri's messages start with `line:column: `. */
function mdxError(error: unknown, bodyLine: number): OutlineError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+): (.*)$/s.exec(message);
  if (!match) return { line: bodyLine, column: 1, message: `the body is not valid MDX: ${message}` };
  const reason = match[3].replace(/\s*\([a-z-]+:[a-z-]+\)$/, '');
  const hint = /[{}]|expression|brace/i.test(reason) ? ' (write \\{ and \\} for literal braces)'
    : /tag|jsx|<|>/i.test(reason) ? ' (write &lt; for a literal "<")' : '';
  return { line: Number(match[1]) + bodyLine - 1, column: Number(match[2]), message: `the body is not valid MDX: ${reason}${hint}` };
}
