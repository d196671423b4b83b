/**
 * Keyplan's body edits (src/body/edits.ts) under Sätteri, Astro 7's native
 * processor: an mdast plugin. Sätteri queues edits: set properties through
 * the context, never on the node.
 */
import { fileURLToPath } from 'node:url';
import type { Code, Definition, Html, Link } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry, MdastVisitorContext, PluginFactoryContext } from 'satteri';
import { bodyEditor, planIdOf, type BodyInputs } from '../../src/body/edits.ts';

export default function satteriKeyplanBody(inputs: () => BodyInputs): MdastPluginEntry {
  // Called once per document: only plans are ours.
  return (context: PluginFactoryContext): MdastPluginDefinition | null => {
    const planId = context.fileURL ? planIdOf(fileURLToPath(context.fileURL)) : undefined;
    if (!planId) return null;
    const edit = bodyEditor(planId, inputs());
    return {
      name: 'keyplan-body',
      options: { position: true },
      link(node: Readonly<Link>, ctx: MdastVisitorContext) {
        const rewrite = edit.link(node);
        if (rewrite.kind === 'text') return { type: 'text', value: rewrite.text };
        if (rewrite.kind === 'link') {
          ctx.setProperty(node, 'url', rewrite.href);
          if (rewrite.text !== undefined) ctx.appendChild(node, { type: 'text', value: rewrite.text });
        }
        return undefined;
      },
      // `[text][ref]` links take their URL from a definition.
      definition(node: Readonly<Definition>, ctx: MdastVisitorContext) {
        const rewrite = edit.link({ ...node, children: [] });
        if (rewrite.kind === 'link') ctx.setProperty(node, 'url', rewrite.href);
        // A reference to a plan this page may not link to keeps the writer's text and loses its target.
        if (rewrite.kind === 'text') ctx.setProperty(node, 'url', '');
      },
      code(node: Readonly<Code>) {
        const html = edit.code(node);
        return html === undefined ? undefined : { type: 'html', value: html };
      },
      // A component's tag: a callout's box, or the marker of a view.
      html(node: Readonly<Html>) {
        const html = edit.html(node);
        return html === undefined ? undefined : { type: 'html', value: html };
      },
    };
  };
}
