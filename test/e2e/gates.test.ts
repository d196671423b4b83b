/**
 * Quality gates on the built sample site: valid HTML, accessible pages that a
 * keyboard can work, no request leaving the site, hostile content inert
 * (pages, calendars and the change feed),
 * confidential plans absent when left out, and the same files from the same
 * content.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import { buildSite, htmlFiles, REPO, scratchProject, TODAY } from '../build/build-site.ts';
import { launch, seriousViolations } from './browser.ts';
import { serve } from './serve.ts';

const BASE = '/gate/';
const outDir = join(REPO, 'test/.tmp/gates');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const build = buildSite({ outDir, env: { KEYPLAN_BASE: BASE } });
  if (build.status !== 0) throw new Error(build.output);
  server = await serve(outDir, BASE);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every file under `dir`, by relative path. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/** A file's text as a reader or a crawler gets it: Pagefind's index files are gzip. */
function contents(path: string): string {
  const bytes = readFileSync(path);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('latin1') : bytes.toString('utf8');
}

const PAGES = { portfolio: '', plan: 'plans/aldermoor-bank/', scorecard: 'plans/aldermoor-bank/scorecard/', person: 'people/tom-achterberg/', timeline: 'timeline/', search: 'search/?q=Aldermoor' };

describe('valid HTML', () => {
  it('every page passes html-validate (recommended rules) with zero errors', async () => {
    // Inline styles are how mermaid scopes an SVG's look: valid HTML, and kept.
    const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } }));
    const problems: string[] = [];
    const files = htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const report = await validator.validateString(readFileSync(join(outDir, file), 'utf8'), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('in the browser', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    it(`the ${name} page has no serious or critical accessibility violation, and requests nothing from outside`, async () => {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      const violations = await seriousViolations(page);
      expect(violations).toEqual([]);
      const outside = requests.filter((url) => !url.startsWith(server.url.replace(/\/gate\/$/, '/')) && !url.startsWith('data:'));
      expect(outside).toEqual([]);
      expect(requests.length).toBeGreaterThan(1);
      await page.close();
    }, 60_000);
  }

  it('a keyboard reaches the search box and every section of a plan', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}plans/aldermoor-bank/`);
    const sections = await page.locator('nav.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(sections.length).toBeGreaterThan(10);
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.matches('input[type="search"]') ? 'search' : el?.getAttribute('href') ?? '';
      }));
    }
    expect(reached).toContain('search');
    for (const href of sections) expect(reached, href!).toContain(href);
    // Following a section link takes the reader there.
    await page.locator('nav.toc a[href="#section_risks"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#section_risks');
    expect(await page.locator('#section_risks').isVisible()).toBe(true);
    await page.close();
  }, 60_000);
});

describe('hostile content', () => {
  const evil = `<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2"> { } javascript:alert(1)`;
  const quoted = JSON.stringify(evil);
  const plan = `---
account: ${quoted}
summary: ${quoted}
status: active
tier: key
owner: jane-doe
period: { start: 2026-01-01, end: 2027-12-31 }
review: { cadence: quarterly, next: 2027-01-10 }
industry: ${quoted}
region: ${quoted}
tags: [${quoted}]
mission: ${quoted}
strategy: ${quoted}
team: [{ person: jane-doe, role: ${quoted}, allocation: 10 }]
profile: { headquarters: ${quoted}, clientGoals: [${quoted}], painPoints: [${quoted}] }
swot: { strengths: [${quoted}], weaknesses: [${quoted}], opportunities: [${quoted}], threats: [${quoted}] }
changes: [{ date: 2026-03-01, trigger: other, summary: ${quoted} }]
goals: [{ id: g, title: ${quoted}, due: 2026-06-30, owner: jane-doe, status: at-risk, description: ${quoted}, kpi: { metric: ${quoted}, unit: ${quoted}, target: 1 } }]
stakeholders: [{ id: s, name: ${quoted}, title: ${quoted}, unit: ${quoted}, role: user, influence: low, stance: neutral }]
scorecard: [{ id: m, perspective: client, measure: ${quoted}, unit: ${quoted}, target: 5, actual: 4 }]
risks: [{ id: r, title: ${quoted}, likelihood: 3, impact: 3, mitigation: ${quoted}, contingency: ${quoted}, owner: jane-doe, status: open }]
actions: [{ id: a, title: ${quoted}, owner: jane-doe, due: 2026-05-01, status: planned }]
opportunities: [{ id: o, title: ${quoted}, unit: ${quoted}, offering: ${quoted}, status: open }]
competitors: [{ id: c, name: ${quoted}, position: niche, strengths: [${quoted}], weaknesses: [${quoted}] }]
---

Plain narrative.
`;
  const root = scratchProject({ 'content/people/jane-doe.yaml': `name: ${quoted}\ntitle: ${quoted}\n`, 'content/plans/evil.mdx': plan });
  let hostileServer: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const build = buildSite({ root, outDir: join(root, 'dist') });
    if (build.status !== 0) throw new Error(build.output);
    hostileServer = await serve(join(root, 'dist'), '/');
  }, 300_000);
  afterAll(async () => {
    await hostileServer?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('builds, and every page holds the text escaped', () => {
    for (const file of htmlFiles(join(root, 'dist'))) {
      const page = parse(readFileSync(join(root, 'dist', file), 'utf8'));
      expect(page.querySelectorAll('script').filter((s) => s.textContent.includes('__pwned')), file).toEqual([]);
      expect(page.querySelectorAll('[onerror], img[src="x"]'), file).toEqual([]);
    }
    const plan = readFileSync(join(root, 'dist/plans/evil/index.html'), 'utf8');
    expect(plan).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  it('keeps the text, as text, in the calendars and the change feed, which real parsers read', () => {
    const dist = join(root, 'dist');
    for (const file of ['reviews.ics', 'people/jane-doe/calendar.ics']) {
      const ics = readFileSync(join(dist, file), 'utf8');
      const summaries = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
      expect(summaries, file).toContain(`Account review: ${evil} (Key)`);
    }
    const mine = new ICAL.Component(ICAL.parse(readFileSync(join(dist, 'people/jane-doe/calendar.ics'), 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
    expect(mine).toContain(`OVERDUE: Action due: ${evil} (${evil})`);
    const xml = readFileSync(join(dist, 'changes.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<script|<img/);
    // Not in git: the one entry is the overdue action, its HTML escaped so a reader shows the script as text.
    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(feed.entry.title).toBe(`${evil}: action now overdue`);
    expect(feed.entry.content['#text']).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(parse(feed.entry.content['#text']).querySelectorAll('script, img')).toEqual([]);
  });

  for (const path of ['', 'plans/evil/', 'plans/evil/scorecard/', 'people/jane-doe/', 'timeline/', 'risks/', 'reviews/', 'scorecards/']) {
    it(`runs nothing and opens no dialog on /${path}`, async () => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(hostileServer.url + path, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it('rejects code and javascript: links in a body, with the place of each', () => {
    const body = 'See [x](javascript:alert(1)).\n\n<script>alert(1)</script>\n\n{alert(2)}\n\n<span onclick="alert(3)">y</span>\n';
    const bad = scratchProject({ 'content/people/jane-doe.yaml': 'name: Jane\ntitle: AD\n', 'content/plans/evil.mdx': plan.replace('Plain narrative.\n', body) });
    const messages = checkContent({ root: bad, today: TODAY }).issues.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.column} ${i.message.split(';')[0]}`);
    rmSync(bad, { recursive: true, force: true });
    expect(messages).toEqual([
      '27:5 "javascript:" links are not allowed',
      '29:1 <script> is not allowed in a plan body',
      '31:1 {…} is code in MDX, and a plan body holds no code',
      '33:1 the attribute "onclick" is not allowed on <span>',
    ]);
  });
});

describe('restricted plans', () => {
  // The sample has one plan restricted to two groups and one `confidential: true` (read as audience: [confidential]).
  const confidential = checkContent({ root: REPO, today: TODAY }).plans.filter((p) => p.data?.audience);
  const needles = confidential.flatMap((p) => [p.id, p.data!.account, p.data!.summary.slice(0, 40),
    ...(p.data!.stakeholders ?? []).map((s) => s.name), ...(p.data!.goals ?? []).map((g) => g.title)]);
  const excluded = join(REPO, 'test/.tmp/gates-excluded');

  it('left out of the build, leave nothing of themselves anywhere in it', () => {
    expect(confidential.length).toBeGreaterThan(0);
    expect(needles.length).toBeGreaterThan(5);
    rmSync(excluded, { recursive: true, force: true });
    const build = buildSite({ outDir: excluded, env: { KEYPLAN_EXCLUDE_CONFIDENTIAL: '1' } });
    expect(build.status).toBe(0);
    const found: string[] = [];
    for (const file of allFiles(excluded)) {
      const text = contents(join(excluded, file));
      for (const needle of needles) if (text.includes(needle)) found.push(`${file}: ${needle}`);
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('built, leave nothing of themselves in any file outside their areas: pages, search index, export, calendars, feed', () => {
    expect(confidential.map((p) => p.data!.audience)).toEqual([['leadership', 'finance'], ['confidential']]);
    const found: string[] = [];
    const files = allFiles(outDir).filter((f) => !f.startsWith('restricted/'));
    expect(files.filter((f) => f.endsWith('.ics') || f === 'changes.xml').length).toBeGreaterThan(10);
    expect(files.filter((f) => f.startsWith('pagefind/fragment/')).length).toBeGreaterThan(10);
    for (const file of files) {
      const text = contents(join(outDir, file));
      for (const needle of needles) if (text.includes(needle)) found.push(`${file}: ${needle}`);
    }
    expect(found).toEqual([]);
  });
});

describe('deterministic output', () => {
  it('two builds of the same content on the same day write the same files', () => {
    const again = join(REPO, 'test/.tmp/gates-again');
    // Its caches too: every page of this build is rendered, none reused from an earlier one.
    rmSync(again, { recursive: true, force: true });
    rmSync(`${again}.cache`, { recursive: true, force: true });
    const build = buildSite({ outDir: again, env: { KEYPLAN_BASE: BASE } });
    expect(build.status).toBe(0);
    const first = allFiles(outDir);
    expect(allFiles(again)).toEqual(first);
    const different = first.filter((file) => !readFileSync(join(outDir, file)).equals(readFileSync(join(again, file))));
    expect(different.map((f) => relative(outDir, join(outDir, f)))).toEqual([]);
  }, 300_000);
});
