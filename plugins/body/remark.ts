/** Keyplan's body edits (src/body/edits.ts) under the unified processor: a remark plugin. */
import type { Code, Definition, Html, Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { bodyEditor, planIdOf, type BodyInputs } from '../../src/body/edits.ts';

export default function remarkKeyplanBody(inputs: () => BodyInputs) {
  return (tree: Root, file: VFile) => {
    const planId = planIdOf(file.path);
    if (!planId) return;
    const edit = bodyEditor(planId, inputs());
    visit(tree, (node, index, parent) => {
      if (node.type === 'link') {
        const link = node as Link;
        const rewrite = edit.link(link);
        if (rewrite.kind === 'text') {
          if (parent && index !== undefined) {
            parent.children.splice(index, 1, ...(rewrite.text ? [{ type: 'text' as const, value: rewrite.text }] : []));
            return [SKIP, index];
          }
          return undefined;
        }
        if (rewrite.kind === 'link') {
          link.url = rewrite.href;
          if (rewrite.text !== undefined) link.children = [{ type: 'text', value: rewrite.text }];
        }
      } else if (node.type === 'definition') {
        // `[text][ref]` links take their URL from a definition.
        const rewrite = edit.link({ ...(node as Definition), children: [] });
        if (rewrite.kind === 'link') (node as Definition).url = rewrite.href;
        // A reference to a plan this page may not link to keeps the writer's text and loses its target.
        if (rewrite.kind === 'text') (node as Definition).url = '';
      } else if (node.type === 'html') {
        // A component's tag: a callout's box, or the marker of a view.
        const html = edit.html(node as Html);
        if (html !== undefined) (node as Html).value = html;
      } else if (node.type === 'code' && parent && index !== undefined) {
        const html = edit.code(node as Code);
        if (html !== undefined) {
          parent.children.splice(index, 1, { type: 'html', value: html });
          return [SKIP, index + 1];
        }
      }
      return undefined;
    });
  };
}
