/**
 * The outline of a plan's body: its headings (with the anchors Astro gives
 * them), its links, its mermaid blocks and its components, with positions in
 * the file. Parsed with Sätteri's MDX parser, so an MDX syntax error is found
 * here too; components are also found in the Markdown parse the renderer
 * reads (src/body/placements.ts).
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { COMPONENT_TAGS, type BodyComponent } from '../body/components.ts';
import { componentCalled, isComponentTag, placeInMarkdown, readComponent, type ComponentRule, type JsxElement, type ReadComponent } from '../body/placements.ts';

export interface BodyHeading {
  slug: string;
  text: string;
  line: number;
}

export interface BodyLink {
  url: string;
  line: number;
  column: number;
  /** Where the link ends in the file, for tools that underline it. */
  endLine?: number;
  endColumn?: number;
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

/** Code or markup in a body that the site would run or that could run in a reader's browser. */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
  /** The rule of a component's problem; anything else is code (`keyplan/body-code`). */
  rule?: ComponentRule;
}

export interface Outline {
  headings: BodyHeading[];
  links: BodyLink[];
  diagrams: BodyDiagram[];
  /** The components, in order, each where the renderer's Markdown parse has it; only those without a problem of form. */
  components: BodyComponent[];
  problems: BodyProblem[];
}

/**
 * HTML a narrative may use: text-level markup that runs nothing. MDX would
 * otherwise let a body run code at build time ({…}, import, export) and put
 * <script>, event handlers or javascript: URLs in front of every reader.
 */
export const ALLOWED_TAGS = new Set(['abbr', 'b', 'br', 'cite', 'code', 'del', 'details', 'dfn', 'em', 'i', 'ins', 'kbd',
  'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'time', 'u', 'var']);
const ALLOWED_ATTRIBUTES = new Set(['title', 'datetime', 'lang', 'dir', 'open', 'cite']);

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
  const problems: BodyProblem[] = [];
  const read: ReadComponent[] = [];
  let under: string | undefined;
  const offset = bodyLine - 1;
  const walk = (node: Nodes, inCallout = false) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && isComponentTag(node.name)) {
      const element = node as unknown as JsxElement;
      const { component, problems: found } = readComponent(element, { inCallout, bodyLine });
      problems.push(...found);
      if (component) read.push({ component, element });
      for (const child of element.children) walk(child, inCallout || element.name === 'Callout');
      return;
    }
    if (node.type === 'heading') {
      const text = toString(node);
      under = slugger.slug(text);
      headings.push({ slug: under, text, line: (node.position?.start.line ?? 1) + offset });
    } else if (node.type === 'link' || node.type === 'definition') {
      const start = node.position?.start;
      const end = node.position?.end;
      links.push({
        url: node.url,
        line: (start?.line ?? 1) + offset,
        column: start?.column ?? 1,
        ...(end ? { endLine: end.line + offset, endColumn: end.column } : {}),
        empty: node.type === 'link' && node.children.length === 0,
        under,
      });
    } else if (node.type === 'code' && node.lang === 'mermaid') {
      diagrams.push({ source: node.value, line: (node.position?.start.line ?? 1) + offset });
    } else {
      const problem = codeProblem(node);
      if (problem) problems.push({ line: (node.position?.start.line ?? 1) + offset, column: node.position?.start.column ?? 1, message: problem });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, inCallout);
  };
  walk(tree);
  const placed = placeInMarkdown(body, read);
  problems.push(...placed.problems);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { headings, links, diagrams, components: placed.components, problems };
}

/** Why an MDX node may not stand in a plan body, if it may not. */
function codeProblem(node: Nodes): string | undefined {
  switch (node.type as string) {
    case 'mdxjsEsm':
      return 'import and export are code, and a plan body holds no code; remove the line';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return '{…} is code in MDX, and a plan body holds no code; write \\{ and \\} for literal braces';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const element = node as unknown as { name: string | null; attributes: { type: string; name?: string; value?: unknown }[] };
      const name = element.name ?? 'fragment';
      if (!ALLOWED_TAGS.has(name)) {
        const component = element.name ? componentCalled(element.name) : undefined;
        if (component) return `<${name}> is not allowed in a plan body (did you mean <${component}>? component names are case-sensitive)`;
        return `<${name}> is not allowed in a plan body; use Markdown, one of the components ${COMPONENT_TAGS}, or one of the tags ${[...ALLOWED_TAGS].map((t) => `<${t}>`).join(' ')}`;
      }
      for (const attribute of element.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return `<${name}> may not take {…} attributes: a plan body holds no code`;
        if (!ALLOWED_ATTRIBUTES.has(attribute.name)) {
          return `the attribute "${attribute.name}" is not allowed on <${name}>; allowed: ${[...ALLOWED_ATTRIBUTES].join(', ')}`;
        }
        if (typeof attribute.value !== 'string' && attribute.value !== null && attribute.value !== undefined) {
          return `<${name} ${attribute.name}={…}> is code; write the value in quotes`;
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
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
