/**
 * Body links under Sätteri, Astro 7's native processor: an mdast plugin
 * around the shared resolver. Sätteri queues edits: set properties through
 * the context, never on the node.
 */
import { fileURLToPath } from 'node:url';
import type { Definition, Link } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry, MdastVisitorContext, PluginFactoryContext } from 'satteri';
import { planIdOf, rewriteLink, type LinkPluginOptions } from './shared.ts';

export default function satteriKeyplanLinks(options: LinkPluginOptions): MdastPluginEntry {
  // Called once per document: only plans are ours.
  return (context: PluginFactoryContext): MdastPluginDefinition | null => {
    const planId = context.fileURL ? planIdOf(fileURLToPath(context.fileURL)) : undefined;
    if (!planId) return null;
    const targets = options.targets();
    return {
      name: 'keyplan-links',
      options: { position: true },
      link(node: Readonly<Link>, ctx: MdastVisitorContext) {
        const rewrite = rewriteLink(node, planId, targets);
        if (rewrite.kind === 'link') {
          ctx.setProperty(node, 'url', rewrite.href);
          if (rewrite.text !== undefined) ctx.appendChild(node, { type: 'text', value: rewrite.text });
          return undefined;
        }
        if (rewrite.kind === 'text') return { type: 'text', value: rewrite.text };
        return undefined;
      },
      // `[text][ref]` links take their URL from a definition.
      definition(node: Readonly<Definition>, ctx: MdastVisitorContext) {
        const rewrite = rewriteLink({ ...node, children: [] }, planId, targets);
        if (rewrite.kind === 'link') ctx.setProperty(node, 'url', rewrite.href);
      },
    };
  };
}
