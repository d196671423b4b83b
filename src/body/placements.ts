/**
 * The components of a body, read from its MDX tree and checked for their form:
 * a known name, known props with plain string values, required props there,
 * values of fixed sets in their set, block components on lines of their own.
 * What a prop names in the plan (an id, a unit, a perspective) is checked
 * against the plan's data in src/validate/body-components.ts.
 *
 * A body is rendered by the Markdown processor (plugins/body/), which reads a
 * tag as an HTML node. So each component is also found in the Markdown parse
 * of the body: where it is there (`at`) is where the edits place it, and a
 * tag the two parses read differently (a view with text right under it, a
 * callout whose Markdown would be read as raw HTML) is an error here, never a
 * surprise on the page.
 */
import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { closest } from '../text/suggest.ts';
import { BODY_COMPONENTS, COMPONENT_TAGS, componentSpec, isComponentName, type BodyComponent, type ComponentName } from './components.ts';

export type ComponentRule = 'keyplan/unknown-component' | 'keyplan/component-prop' | 'keyplan/component-placement';

export interface ComponentProblem {
  line: number;
  column: number;
  message: string;
  rule: ComponentRule;
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: Nodes[];
  position?: Root['position'];
}

/** A tag named like a component (upper-case first letter): the body's, not HTML's. */
export function isComponentTag(name: string | null): name is string {
  return name !== null && /^[A-Z]/.test(name);
}

/** Where a component sits, for the rule that block views do not go inside a callout. */
export interface ComponentContext {
  /** The callout this element is inside, if any. */
  inCallout: boolean;
  /** The file line the body starts on. */
  bodyLine: number;
}

/**
 * One component element: its props if its form is sound, and what is wrong
 * with it. `placed` is false when it cannot be placed (the page leaves it out;
 * the check has an error for it, so a build never gets there).
 */
export function readComponent(element: JsxElement, context: ComponentContext): { component?: Omit<BodyComponent, 'at' | 'closeAt'>; problems: ComponentProblem[] } {
  const start = element.position?.start;
  const line = (start?.line ?? 1) + context.bodyLine - 1;
  const column = start?.column ?? 1;
  const problems: ComponentProblem[] = [];
  const report = (rule: ComponentRule, message: string) => problems.push({ line, column, rule, message });
  const name = element.name!;
  if (!isComponentName(name)) {
    const near = closest(name, Object.keys(BODY_COMPONENTS));
    report('keyplan/unknown-component', `unknown component <${name}>${near ? ` (did you mean <${near}>?)` : ''}; a plan body may use ${COMPONENT_TAGS}`);
    return { problems };
  }
  const spec = componentSpec(name);
  const props: Record<string, string> = {};
  const known = Object.keys(spec.props);
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      report('keyplan/component-prop', `<${name} {…}> is code, and a plan body holds no code; write each prop as name="value"`);
      continue;
    }
    const prop = attribute.name;
    if (!Object.hasOwn(spec.props, prop)) {
      if (known.length === 0) report('keyplan/component-prop', `<${name}> takes no props; write <${name} />`);
      else {
        const near = closest(prop, known);
        report('keyplan/component-prop', `<${name}> has no prop "${prop}"${near ? ` (did you mean "${near}"?)` : ''}; its props are ${known.join(', ')}`);
      }
      continue;
    }
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      report('keyplan/component-prop', `<${name} ${prop}={…}> is code, and a plan body holds no code; write the value in quotes: ${prop}="…"`);
      continue;
    }
    if (typeof attribute.value !== 'string' || attribute.value === '') {
      report('keyplan/component-prop', `<${name} ${prop}> needs a value: ${prop}="…", ${spec.props[prop].about}`);
      continue;
    }
    if (Object.hasOwn(props, prop)) {
      report('keyplan/component-prop', `<${name}> has ${prop} twice; write it once`);
      continue;
    }
    const value = spec.props[prop].value;
    if (value.kind === 'one-of' && !value.values.includes(attribute.value)) {
      const near = closest(attribute.value, value.values);
      report('keyplan/component-prop', `<${name} ${prop}="${attribute.value}">: "${attribute.value}" is not allowed; use one of ${value.values.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`);
      continue;
    }
    props[prop] = attribute.value;
  }
  for (const [prop, p] of Object.entries(spec.props)) {
    if (p.required && !element.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === prop)) {
      report('keyplan/component-prop', `<${name}> needs ${prop}="…": ${p.about}`);
    }
  }
  if (spec.shape !== 'inline' && element.type === 'mdxJsxTextElement') {
    report('keyplan/component-placement', spec.shape === 'container'
      ? `<${name}> is a block: write <${name}> and </${name}> on lines of their own, with a blank line after <${name}> and before </${name}>`
      : `<${name} /> is a block: write it on a line of its own, with a blank line before and after it`);
  }
  if (spec.shape !== 'container' && element.children.length > 0) {
    report('keyplan/component-placement', `<${name}> takes no content: write <${name} … />`);
  }
  if (context.inCallout && spec.shape !== 'inline') {
    report('keyplan/component-placement', `<${name}> cannot go inside <Callout>: a callout holds Markdown and the inline components <Goal> <Measure> <Risk>`);
  }
  return { component: problems.length === 0 ? { name, props, line, column } : undefined, problems };
}

/** A component read from the MDX tree, with its element, before it is found in the Markdown parse. */
export interface ReadComponent {
  component: Omit<BodyComponent, 'at' | 'closeAt'>;
  element: JsxElement;
}

interface HtmlNode {
  value: string;
  start: number;
  end: number;
  line: number;
  column: number;
  /** In a paragraph, heading or table cell: read as text, not as a block. */
  inline: boolean;
}

/**
 * Finds each component in the Markdown parse of the body, as the renderer will
 * read it: its tag must be an HTML node of its own there (`</Callout>` too), or
 * the edits could not place it, and the page would show raw text.
 */
export function placeInMarkdown(body: string, read: readonly ReadComponent[]): { components: BodyComponent[]; problems: ComponentProblem[] } {
  if (read.length === 0) return { components: [], problems: [] };
  const html = new Map<number, HtmlNode>();
  const walk = (node: Nodes, inline: boolean) => {
    if (node.type === 'html' && node.position?.start.offset !== undefined) {
      const { start, end } = node.position;
      html.set(start.offset!, { value: node.value, start: start.offset!, end: end.offset!, line: start.line, column: start.column, inline });
    }
    if ('children' in node) {
      const text = inline || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
      for (const child of node.children) walk(child as Nodes, text);
    }
  };
  walk(markdownToMdast(body, { position: true }) as Nodes, false);
  const components: BodyComponent[] = [];
  const problems: ComponentProblem[] = [];
  for (const { component, element } of read) {
    const spec = componentSpec(component.name);
    const start = element.position!.start.offset!;
    const end = element.position!.end.offset!;
    const open = html.get(start);
    const fail = (message: string) => problems.push({ line: component.line, column: component.column, rule: 'keyplan/component-placement', message });
    if (spec.shape === 'container') {
      const first = element.children[0]?.position?.start.offset ?? end;
      const close = [...html.values()].find((h) => h.end === end && h.value.trim() === `</${component.name}>`);
      if (!open || open.inline || open.end > first || !close || close.inline || close.start === open.start) {
        fail(`write <${component.name}> and </${component.name}> on lines of their own, with a blank line after <${component.name}…> and before </${component.name}>, so the Markdown inside is read as Markdown`);
        continue;
      }
      components.push({ ...component, at: { line: open.line, column: open.column }, closeAt: { line: close.line, column: close.column } });
      continue;
    }
    const written = body.slice(start, end);
    if (!open || open.value.trimEnd() !== written || (spec.shape === 'block' && open.inline)) {
      fail(spec.shape === 'block'
        ? `write <${component.name} … /> on a line of its own, with a blank line before and after it`
        : `write <${component.name} … /> on one line`);
      continue;
    }
    components.push({ ...component, at: { line: open.line, column: open.column } });
  }
  return { components, problems };
}

/** The components this element's name is close to, for a lower-case tag that is not allowed: names are case-sensitive. */
export function componentCalled(name: string): ComponentName | undefined {
  const lower = name.toLowerCase();
  return (Object.keys(BODY_COMPONENTS) as ComponentName[]).find((n) => n.toLowerCase() === lower);
}
