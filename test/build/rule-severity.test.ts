/** The `rules` option reaches the build: a warning a team made an error stops it, with the same line `npm run check` prints. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, planHeader, scratchProject } from './build-site.ts';

const config = (rules: Record<string, string>) => `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import keyplan from './plugins/keyplan.ts';
export default defineConfig({ integrations: [mdx(), keyplan({ title: 'Plans', chromium: 'none', rules: ${JSON.stringify(rules)} })] });
`;

// review.next before the tests' today (2026-11-25): a keyplan/review-overdue warning.
const plan = `${planHeader('Acme', { summary: 'A plan', next: '2026-10-10' })}\nNarrative.\n`;

describe('a build with a rule made an error', () => {
  const root = scratchProject({
    'astro.config.mjs': config({ 'keyplan/review-overdue': 'error' }),
    'content/people/jane-doe.yaml': 'name: Jane Doe\ntitle: Account Director\n',
    'content/plans/acme.mdx': plan,
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails on what would otherwise be a warning, naming the rule', () => {
    const result = buildSite({ root, outDir: join(root, 'dist') });
    expect(result.output).toMatch(/^content\/plans\/acme\.mdx:8:\d+ error review\.next: review overdue: the planning meeting was due on 2026-10-10; hold it and set review\.next to the next date \[keyplan\/review-overdue\]$/m);
    expect(result.output).toContain('1 error, 0 warnings in the content');
    expect(result.status).toBe(1);
    expect(existsSync(join(root, 'dist/index.html'))).toBe(false);
  }, 240_000);
});
