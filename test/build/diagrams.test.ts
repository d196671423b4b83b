/**
 * Diagrams rendered by real Chromium at build time: ids unique in a page,
 * hostile names inert, nothing fetched from outside, an unchanged diagram
 * never rendered twice; without a browser, the reader's browser draws them;
 * a mermaid mistake stops the build at its line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, planFile, readPage, REPO, scratchProject, text, type BuildResult } from './build-site.ts';

// A fresh nonce keeps this run's diagrams out of the shared render cache.
const nonce = `${process.pid}-${Date.now()}`;
const person = 'name: Jane Doe\ntitle: Account Director\n';
const block = `\`\`\`mermaid
flowchart LR
  %% run ${nonce}
  a[Brief] --> b[Pitch] --> c[Contract]
\`\`\``;
const plan = (body: string) => planFile({
  account: `Acme ${nonce}`,
  summary: 'A plan with diagrams.',
  stakeholders: [
    `{ id: ceo, name: 'Ana "AJ" <script>alert(1)</script>', title: 'CEO [board] #1 --> x', role: decision-maker, influence: decisive, stance: champion, owner: jane-doe }`,
    "{ id: cfo, name: 'Zoë 王小明 مريم', title: CFO, role: approver, influence: high, stance: skeptic, reportsTo: ceo, owner: jane-doe }",
  ],
}, body);

describe('diagrams rendered in Chromium', () => {
  const root = scratchProject({
    'content/people/jane-doe.yaml': person,
    // The same block twice: the two drawings must still not share an id.
    'content/plans/acme.mdx': plan(`${block}\n\nAnd again:\n\n${block}`),
  });
  let first: BuildResult;
  let second: BuildResult;
  beforeAll(() => {
    first = buildSite({ root, outDir: join(root, 'dist') });
    second = buildSite({ root, outDir: join(root, 'dist') });
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('renders every diagram once, then takes them all from the cache', () => {
    expect(first.status).toBe(0);
    expect(first.output).toMatch(/rendered 2 diagrams \(0 cached\)/);
    expect(second.output).toMatch(/rendered 0 diagrams \(2 cached\)/);
  });

  it('gives every element of the page its own id, however many diagrams it holds', () => {
    const page = readPage(join(root, 'dist'), 'plans/acme');
    expect(page.querySelectorAll('svg[role="img"]').length).toBe(3);
    const ids = page.querySelectorAll('[id]').map((el) => el.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
    const mermaid = page.querySelectorAll('.diagram svg');
    expect(mermaid.map((svg) => svg.id)).toEqual(['kp-diagram-1', 'kp-diagram-2', 'kp-stakeholders']);
    // Styles and markers are scoped to each diagram's own id.
    const style = page.querySelector('#kp-diagram-2 style')!.textContent;
    expect(style).toContain('#kp-diagram-2');
    expect(style).not.toContain('#kp-diagram-1');
  });

  it('announces each diagram as an image with a title and a description', () => {
    const page = readPage(join(root, 'dist'), 'plans/acme');
    for (const svg of page.querySelectorAll('.diagram svg')) {
      const [titleId, descId] = [svg.getAttribute('aria-labelledby'), svg.getAttribute('aria-describedby')];
      expect(text(page.getElementById(titleId!))).not.toBe('');
      expect(text(page.getElementById(descId!))).not.toBe('');
    }
    expect(text(page.querySelector('#kp-stakeholders title'))).toBe(`Stakeholders of Acme ${nonce}`);
  });

  it('shows hostile names as text, runs nothing, and fetches nothing from outside', () => {
    const page = readPage(join(root, 'dist'), 'plans/acme');
    const svg = page.querySelector('#kp-stakeholders')!;
    expect(svg.querySelectorAll('script, foreignObject')).toHaveLength(0);
    expect(svg.toString()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text(svg)).toContain('CEO [board] #1 --> x');
    expect(text(svg)).toContain('Zoë 王小明 مريم');
    for (const el of page.querySelectorAll('.diagram svg')) {
      const urls = el.toString().match(/(?:href|src)=["'][^"']*|url\((?!#)[^)]*\)|@import|https?:\/\/(?!www\.w3\.org\/)\S+/g) ?? [];
      expect(urls).toEqual([]);
    }
    // Search ignores SVG text: the people are listed beside the diagram too.
    expect(text(page.querySelector('.diagram .visually-hidden'))).toContain('Ana "AJ" <script>alert(1)</script>, CEO [board] #1 --> x');
  });
});

describe('diagrams without a browser', () => {
  // Sources of their own: a cached render would be used even without a browser.
  const root = scratchProject({ 'content/people/jane-doe.yaml': person, 'content/plans/acme.mdx': plan(block).replaceAll(nonce, `${nonce}-none`) });
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ root, outDir: join(root, 'dist'), env: { KEYPLAN_CHROMIUM: 'none', KEYPLAN_BASE: '/kp/' } });
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('still builds, says once how to get build-time diagrams, and ships mermaid with the site', () => {
    expect(build.status).toBe(0);
    expect(build.output.match(/no Chromium found/g)).toHaveLength(1);
    expect(build.output).toContain('apt-get install chromium');
    const page = readPage(join(root, 'dist'), 'plans/acme');
    expect(page.querySelectorAll('.diagram svg')).toHaveLength(0);
    expect(page.querySelectorAll('pre.mermaid').map((pre) => pre.textContent)).toEqual([
      expect.stringContaining('a[Brief] --> b[Pitch] --> c[Contract]'),
      expect.stringContaining('flowchart TB'),
    ]);
    const scripts = [...new Set(page.querySelectorAll('script[src]').map((s) => s.getAttribute('src')))];
    expect(scripts).toEqual(['/kp/_keyplan/mermaid.min.js', '/kp/_keyplan/diagrams.js']);
    expect(existsSync(join(root, 'dist/_keyplan/mermaid.min.js'))).toBe(true);
  });
});

describe('a mermaid mistake', () => {
  const broken = plan('```mermaid\nflowchart LR\n  a[Brief] --> b[Pitch\n  b --> c\n```');
  const root = scratchProject({ 'content/people/jane-doe.yaml': person, 'content/plans/acme.mdx': broken });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // The fence is on line 16. mermaid finds the unclosed bracket at the end of the block and names
  // the line after it; the message points at the block's last line, 19.
  const expected = /^content\/plans\/acme\.mdx:19:1 error body: mermaid: Parse error on line \d+: Expecting .*got '1' \(near "> b\[Pitch {2}b --> c"\) \[keyplan\/mermaid\]$/m;

  it('is an error of npm run check at the line mermaid names', () => {
    const run = spawnSync(process.execPath, [join(REPO, 'src/cli/check.ts'), '--root', root], { encoding: 'utf8' });
    expect(run.stdout).toMatch(expected);
    expect(run.status).toBe(1);
  }, 120_000);

  it('stops the build with the same message', () => {
    const build = buildSite({ root, outDir: join(root, 'dist') });
    expect(build.status).toBe(1);
    expect(build.output).toMatch(expected);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  }, 300_000);
});
