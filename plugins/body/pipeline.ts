/** The chosen Markdown processor with Keyplan's body plugins; loaded lazily so `npm run check` never pays for it. */
import type { BodyInputs } from '../../src/body/edits.ts';
import type { SiteConfig } from '../../src/config/options.ts';

/** mermaid blocks are drawn by Keyplan (src/body/edits.ts), not highlighted as code. */
export const SYNTAX_HIGHLIGHT = { type: 'shiki' as const, excludeLangs: ['mermaid'] };

export async function markdownPipeline(name: SiteConfig['markdown'], inputs: () => BodyInputs) {
  if (name === 'unified') {
    const [{ unified }, { default: remarkBody }] = await Promise.all([
      import('@astrojs/markdown-remark'), import('./remark.ts')]);
    return unified({ remarkPlugins: [[remarkBody, inputs]] });
  }
  const [{ satteri }, { default: satteriBody }] = await Promise.all([
    import('@astrojs/markdown-satteri'), import('./satteri.ts')]);
  return satteri({ mdastPlugins: [satteriBody(inputs)] });
}
