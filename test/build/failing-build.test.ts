/**
 * A content mistake stops the build with every message at once, the same lines
 * `npm run check` prints, no stack trace, and the published site untouched.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import { formatIssue } from '../../src/validate/issue.ts';
import { buildSite, planHeader, scratchProject, TODAY } from './build-site.ts';

const person = 'name: Jane Doe\ntitle: Account Director\n';
const plan = (extra: string) => `${planHeader('Acme', { summary: 'A plan', extra })}\nNarrative.\n`;

describe('a build with content errors', () => {
  const root = scratchProject({
    'content/people/jane-doe.yaml': person,
    'content/plans/acme.mdx': plan('tier: key\n'),
    'content/plans/globex.mdx': plan('goals:\n  - id: grow\n    title: Grow\n    due: 2027-02-01\n    owner: jdoe\n    status: on-trak\n'),
    'content/plans/initech.mdx': plan('parent: initek\n'),
    'dist/index.html': '<p>the published site</p>',
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails with every message the checker gives, and leaves dist/ as it was', () => {
    const result = buildSite({ root, outDir: join(root, 'dist') });
    const expected = checkContent({ root, today: TODAY }).issues.filter((i) => i.severity === 'error').map(formatIssue);
    expect(expected).toEqual([
      'content/plans/acme.mdx:9:1 error broken YAML: the field "tier" is written twice in the same object; keep one [keyplan/yaml]',
      'content/plans/globex.mdx:13:12 error goals[0].owner: unknown person "jdoe" (did you mean "jane-doe"?) [keyplan/unknown-person]',
      'content/plans/globex.mdx:14:13 error goals[0].status: "on-trak" is not allowed; use one of not-started, on-track, at-risk, off-track, done, dropped (did you mean "on-track"?) [keyplan/not-allowed]',
      'content/plans/initech.mdx:9:9 error parent: unknown plan "initek": there is no content/plans/initek.mdx [keyplan/unknown-plan]',
    ]);
    expect(result.status).toBe(1);
    for (const line of expected) expect(result.output).toContain(line);
    expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<p>the published site</p>');
  }, 120_000);
});
