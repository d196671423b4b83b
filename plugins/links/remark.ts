/** Body links under the unified processor: a remark plugin around the shared resolver. */
import type { Definition, Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { planIdOf, rewriteLink, type LinkPluginOptions } from './shared.ts';

export default function remarkKeyplanLinks(options: LinkPluginOptions) {
  return (tree: Root, file: VFile) => {
    const planId = planIdOf(file.path);
    if (!planId) return;
    const targets = options.targets();
    visit(tree, 'link', (node: Link, index, parent) => {
      const rewrite = rewriteLink(node, planId, targets);
      if (rewrite.kind === 'link') {
        node.url = rewrite.href;
        if (rewrite.text !== undefined) node.children = [{ type: 'text', value: rewrite.text }];
      } else if (rewrite.kind === 'text' && parent && index !== undefined) {
        parent.children.splice(index, 1, ...(rewrite.text ? [{ type: 'text' as const, value: rewrite.text }] : []));
        return [SKIP, index];
      }
      return undefined;
    });
    // `[text][ref]` links take their URL from a definition.
    visit(tree, 'definition', (node: Definition) => {
      const rewrite = rewriteLink({ ...node, children: [] }, planId, targets);
      if (rewrite.kind === 'link') node.url = rewrite.href;
    });
  };
}
