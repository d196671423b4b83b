/**
 * A confidential plan stays out of every public file however another plan
 * points at it: as parent, as related plan, through a goal's dependency, in
 * a body link (with its own words, to an item, relative). Public pages say
 * "a restricted plan" (or goal) without a link; the public index, the
 * calendars and the change feed never hold it; its area has it all.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, planHeader, readPage, text, type BuildResult } from './build-site.ts';
import { bundleFiles, isolatedProject } from '../e2e/search-site.ts';

const header = (account: string, extra: string) => planHeader(account, { extra: `${extra}\n` });

const secret = header('Quillonex Biotech', `confidential: true
industry: Cryobanking
tags: [zanthorine]
goals:
  - { id: g-launch, title: Ready the Vexmoor launch, due: 2026-09-30, owner: jane-doe, status: on-track }`)
  + '\n## Context\n\nThe Vexmoor programme runs with [Open Alpha Retail](plan:open-alpha).\n';

const open = header('Open Alpha Retail', `parent: zephyr-kx9
related: [zephyr-kx9]
goals:
  - { id: g-shop, title: Open the flagship shop, due: 2026-10-31, owner: jane-doe, status: on-track, dependsOn: [zephyr-kx9#g-launch] }`)
  + `
## Context

We learnt from [](plan:zephyr-kx9), and from [the launch of our sister client](plan:zephyr-kx9#g-launch),
as the [relative note](../zephyr-kx9/) says. The flagship shop opens in October.
`;

describe('a confidential plan and the search index', () => {
  const root = isolatedProject({
    'content/people/jane-doe.yaml': 'name: Jane Doe\ntitle: Account Director\n',
    'content/plans/zephyr-kx9.mdx': secret,
    'content/plans/open-alpha.mdx': open,
  });
  const outDir = join(root, 'dist');
  let build: BuildResult;
  beforeAll(() => {
    // In git, so the change feed has the history of both plans to choose from.
    const git = (args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git(['init', '-q', '-b', 'main']);
    git(['add', 'content']);
    git(['commit', '-q', '-m', 'Plans']);
    build = buildSite({ root, outDir, env: { NODE_ENV: 'production' } });
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is "a restricted plan" (or goal) on the public pages that point at it, never linked, the writer\'s words about it dropped', () => {
    expect(build.status, build.output).toBe(0);
    const page = readPage(outDir, 'plans/open-alpha');
    // Parent (breadcrumb), related, the goal's dependency and three body links (the writer's own words around a link stay theirs).
    expect(text(page.querySelector('.breadcrumb'))).toContain('a restricted plan');
    const related = page.querySelectorAll('.facts div').find((d) => text(d.querySelector('dt')) === 'Related plans');
    expect(text(related?.querySelector('dd'))).toBe('a restricted plan');
    expect(text(page.querySelector('#g-shop')!.closest('tr'))).toContain('a restricted goal');
    expect(text(page.querySelector('#section_narrative'))).toContain('We learnt from a restricted plan, and from a restricted goal, as the a restricted plan says. The flagship shop opens in October.');
    expect(page.querySelectorAll('a').map((a) => a.getAttribute('href')).filter((h) => h?.includes('zephyr') || h?.includes('restricted'))).toEqual([]);
    expect(text(readPage(outDir, 'people/jane-doe'))).toContain('Jane Doe also works on a restricted plan, which only its groups can open.');
  });

  it('is in its area, whose page links to the public plan on the public site', () => {
    const page = readPage(outDir, 'restricted/confidential/plans/zephyr-kx9');
    expect(text(page.querySelector('h1'))).toBe('Quillonex Biotech');
    expect(page.querySelectorAll('#section_narrative a').map((a) => a.getAttribute('href'))).toEqual(['/plans/open-alpha/']);
    const fragments = bundleFiles(join(outDir, 'restricted/confidential/pagefind')).filter((f) => f.path.startsWith('fragment/')).map((f) => f.text).join('\n');
    expect(fragments).toContain('Vexmoor');
  });

  it('has no word of it in any file of the index, while the plan that points at it is there', () => {
    const files = bundleFiles(join(outDir, 'pagefind'));
    expect(files.some((f) => f.path.startsWith('fragment/'))).toBe(true);
    const fragments = files.filter((f) => f.path.startsWith('fragment/')).map((f) => f.text).join('\n');
    expect(fragments).toContain('Open Alpha Retail');
    expect(fragments).toContain('The flagship shop opens in October');
    for (const f of files) {
      const lower = f.text.toLowerCase();
      for (const word of ['quillonex', 'zephyr', 'kx9', 'vexmoor', 'cryobanking', 'zanthorine', 'sister client']) {
        expect(lower.includes(word), `${word} in ${f.path}`).toBe(false);
      }
    }
  });

  it('has no word of it in the review calendar, the change feed or the calendar of a person on it', () => {
    for (const file of ['reviews.ics', 'changes.xml', 'people/jane-doe/calendar.ics']) {
      const body = readFileSync(join(outDir, file), 'utf8');
      expect(body, file).toContain('Open Alpha Retail');
      const lower = body.toLowerCase();
      for (const word of ['quillonex', 'zephyr', 'kx9', 'vexmoor', 'cryobanking', 'zanthorine', 'sister client']) {
        expect(lower.includes(word), `${word} in ${file}`).toBe(false);
      }
    }
  });
});
