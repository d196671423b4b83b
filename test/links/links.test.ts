/**
 * Every link form and every link error, through both Markdown processors and
 * through the checker: the same resolver must give the same answer everywhere.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse } from 'node-html-parser';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLinkTargets } from '../../src/links/targets.ts';
import { decideVisibility } from '../../src/model/visibility.ts';
import { checkContent, checkFiles } from '../../src/validate/check.ts';
import { formatIssue } from '../../src/validate/issue.ts';
import { loadContent, loadFile } from '../../src/validate/load.ts';
import { linksIn, PROCESSORS, renderBody } from './render.ts';

const ROOT = join(import.meta.dirname, '../fixtures/links');
const ACME = join(ROOT, 'content/plans/acme.mdx');
const TODAY = '2026-11-25';
const content = checkContent({ root: ROOT, today: TODAY });
// As on the public site of a production build under /kp/: the draft is left out, the confidential plan is restricted.
const visibility = decideVisibility(content.plans, { showDrafts: false, excludeConfidential: false });
const [publicView, confidentialArea] = visibility.views;
const targets = buildLinkTargets(content.plans, content.people, { base: '/kp/', hidden: ['draft'], view: publicView });

describe.each(PROCESSORS)('links under %s', (processor) => {
  it('renders every link form with the base path, filling empty text with the target\'s name', async () => {
    const code = await renderBody(processor, ACME, readFileSync(ACME, 'utf8'), targets);
    expect(linksIn(code)).toEqual([
      { href: '/kp/plans/globex/', text: 'the Globex plan' },
      { href: '/kp/plans/globex/', text: 'Globex Corporation' },
      { href: '/kp/plans/globex/#grow-online', text: 'Grow online sales' },
      { href: '/kp/plans/globex/#hank-scorpio', text: 'Hank Scorpio' },
      { href: '/kp/plans/globex/#nps', text: 'Net promoter score' },
      { href: '/kp/plans/globex/#initech', text: 'Initech' },
      { href: '/kp/plans/globex/#where-we-stand', text: 'Where we stand' },
      { href: '#churn', text: 'The client moves its budget' },
      { href: '#context', text: 'our own section' },
      { href: '/kp/people/jane-doe/', text: 'Jane Doe' },
      { href: 'https://example.com/a?b=c', text: 'the site' },
      { href: 'mailto:jane@example.com', text: 'mail' },
      { href: '../files/brief.pdf', text: 'a file' },
      { href: '/kp/plans/globex/#grow-online', text: 'by reference' },
    ]);
    // A plan left out of the build: its name (or the written text) stays, the link goes.
    expect(code).toContain('Draft Holdings');
    expect(code).toContain('the draft plan');
    expect(code).not.toContain('/kp/plans/draft/');
    // A restricted plan's goal: what it is, unlinked, and nothing of the plan.
    expect(parse(code).querySelector('ol li:nth-child(11)')?.textContent).toBe('a restricted goal');
    expect(code).not.toContain('Secret');
    expect(code).not.toContain('secret');
  });

  it('says "a restricted plan" for a restricted plan, also for a plain URL to where its page would be, dropping the written text', async () => {
    const body = '---\n---\nSee [the Secret Pharma plan](plan:secret), [its page](../secret/) and [](plan:secret#launch).\n';
    const html = await renderBody(processor, ACME, body, targets);
    expect(parse(html).querySelector('p')?.textContent).toBe('See a restricted plan, a restricted plan and a restricted goal.');
    expect(linksIn(html)).toEqual([]);
  });

  it('links, in a restricted area, to the area\'s own plans there and to public plans on the public site', async () => {
    const area = buildLinkTargets(content.plans, content.people, { base: '/kp/', hidden: ['draft'], view: confidentialArea });
    const body = '---\n---\n[](plan:secret#launch), [](plan:globex#grow-online), [](plan:secret).\n';
    const html = await renderBody(processor, join(ROOT, 'content/plans/secret.mdx'), body, area);
    expect(linksIn(html)).toEqual([
      { href: '#launch', text: 'Launch the secret product' },
      { href: '/kp/plans/globex/#grow-online', text: 'Grow online sales' },
      { href: '/kp/restricted/confidential/plans/secret/', text: 'Secret Pharma' },
    ]);
  });

  it('draws each mermaid block as its diagram, numbered, from the render cache or for the reader\'s browser', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-body-'));
    const svg = join(dir, 'first.json');
    writeFileSync(svg, JSON.stringify({ svg: '<svg id="KEYPLANDIAGRAM" viewBox="0 0 10 10"><title>x</title><rect width="10" height="10"/></svg>' }));
    const body = '---\n---\n## Map\n\n```mermaid\nflowchart TD\n  A --> B\n```\n\nText.\n\n```mermaid\nflowchart LR\n  C --> D\n```\n\n```js\nlet x = 1;\n```\n';
    const html = await renderBody(processor, ACME, body, targets, new Map([['flowchart TD\n  A --> B', svg]]));
    const root = parse(html);
    const figures = root.querySelectorAll('figure.diagram');
    expect(figures).toHaveLength(2);
    // The first from the cache, as inline SVG with ids of its own; the second left to the browser, from the site's own copy of mermaid.
    expect(figures[0].querySelector('svg')?.getAttribute('id')).toBe('kp-diagram-1');
    expect(figures[1].querySelector('pre.mermaid')?.textContent).toBe('flowchart LR\n  C --> D');
    expect(figures[1].querySelectorAll('script').map((s) => s.getAttribute('src'))).toEqual(['/kp/_keyplan/mermaid.min.js', '/kp/_keyplan/diagrams.js']);
    // Other code stays code.
    expect(root.querySelector('pre code.language-js, pre.astro-code')).not.toBeNull();
    expect(html).not.toContain('language-mermaid');
  });

  it('names nothing of a confidential plan that is left out of the build', async () => {
    const excluded = buildLinkTargets(content.plans, content.people, { base: '/', hidden: ['draft', 'secret'] });
    const code = await renderBody(processor, ACME, readFileSync(ACME, 'utf8'), excluded);
    expect(code).not.toContain('Secret Pharma');
    expect(code).not.toContain('plans/secret');
  });
});

/** A plan whose body has one bad link, on line 14 (under the heading on line 13). */
function planWith(link: string): string {
  return readFileSync(ACME, 'utf8').replace(/## Context[\s\S]*$/, `## Context\n${link}\n`);
}

const ERRORS: [string, string, number][] = [
  ['See [](plan:globx).', 'unknown plan "globx" in link "plan:globx" (did you mean "globex"?)', 5],
  ['See [](plan:umbrella).', 'unknown plan "umbrella" in link "plan:umbrella": there is no such file in content/plans/', 5],
  ['See [](plan:globex#grow-onlin).', 'no item or heading "grow-onlin" in plan "globex" (did you mean "grow-online"?)', 5],
  ['Go [](#chrn) now.', 'no item or heading "chrn" in this plan (did you mean "churn"?)', 4],
  ['Ask [](person:jane-do).', 'unknown person "jane-do" in link "person:jane-do" (did you mean "jane-doe"?)', 5],
  ['[click](javascript:alert(1))', '"javascript:" links are not allowed; link with plan:, person:, #item, a relative path, http(s): or mailto:', 1],
  ['A [pixel](data:image/png;base64,AAAA) here.', '"data:" links are not allowed; link with plan:, person:, #item, a relative path, http(s): or mailto:', 3],
  ['[x](VBScript:msgbox)', '"vbscript:" links are not allowed; link with plan:, person:, #item, a relative path, http(s): or mailto:', 1],
];

describe('link errors', () => {
  it.each(ERRORS)('%s is reported by the checker at line and column', (link, message, column) => {
    const file = loadFile('content/plans/acme.mdx', 'plan', planWith(link));
    const others = loadContent(ROOT).filter((f) => f.file !== 'content/plans/acme.mdx');
    const { issues } = checkFiles([file, ...others], { today: TODAY });
    expect(issues.map(formatIssue)).toEqual([`content/plans/acme.mdx:14:${column} error body: ${message} [keyplan/broken-link]`]);
    // Tools (SARIF, JSON) get the whole link to underline: it ends just after its closing parenthesis.
    expect(issues[0]).toMatchObject({ endLine: 14, endColumn: link.lastIndexOf(')') + 2 });
  });

  describe.each(PROCESSORS)('under %s', (processor) => {
    it.each(ERRORS)('%s fails the render with the same message and place', async (link, message, column) => {
      const error = await renderBody(processor, ACME, planWith(link), targets).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(message);
      expect(error).toMatchObject({ line: 14, column });
    });
  });
});
