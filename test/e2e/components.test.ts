/**
 * A body that places every component, built into a site as a writer would:
 * each view shows once, with the plan's own data, the sections it stands in
 * for point to it, the printout still has every view once, and the page is
 * valid HTML with no serious accessibility violation. A plan that places only
 * filtered views keeps every section's own view.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, REPO, scratchProject, text } from '../build/build-site.ts';
import { launch, seriousViolations } from './browser.ts';
import { bundleFiles } from './search-site.ts';
import { serve } from './serve.ts';

const FIXTURE = join(REPO, 'test/fixtures/components/content');
const source = readFileSync(join(FIXTURE, 'plans/northwind.mdx'), 'utf8');
const frontmatter = source.slice(0, source.indexOf('\n---\n') + 5);

const EVERY = `${frontmatter}
## The story

We must <Goal id="win-treasury" />. The client rates us <Measure id="nps" />, and <Risk id="budget-freeze" /> is the risk to watch.

<Callout kind="decision">

Decide on the tender team by January.

</Callout>

<GoalTimeline />

<StakeholderMap />

<Scorecard />

<RiskMatrix />

<Actions status="all" />

<Whitespace />

<Swot />
`;

const FILTERED = `${frontmatter.replace('account: Northwind Bank', 'account: Northwind Leasing')}
## The story

<Actions goal="win-treasury" />

<Scorecard perspective="client" />

<StakeholderMap unit="Treasury" />

<GoalTimeline horizon="long" />
`;

const outDir = join(REPO, 'test/.tmp/components');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const root = scratchProject({
    'content/people/jane-doe.yaml': readFileSync(join(FIXTURE, 'people/jane-doe.yaml'), 'utf8'),
    'content/people/sam-reyes.yaml': readFileSync(join(FIXTURE, 'people/sam-reyes.yaml'), 'utf8'),
    'content/plans/northwind.mdx': EVERY,
    'content/plans/northwind-leasing.mdx': FILTERED,
  });
  const build = buildSite({ root, outDir });
  rmSync(root, { recursive: true, force: true });
  if (build.status !== 0) throw new Error(build.output);
  server = await serve(outDir, '/');
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWS = ['goal', 'measure', 'risk', 'callout', 'goal-timeline', 'stakeholder-map', 'scorecard', 'risk-matrix', 'actions', 'whitespace', 'swot'];
/** The section each block view stands in for, and the anchor of the view in the narrative. */
const STAND_INS = {
  goals: 'goal-timeline', stakeholders: 'stakeholder-map', scorecard: 'scorecard', risks: 'risk-matrix',
  actions: 'actions', opportunities: 'whitespace', swot: 'swot',
};

describe('a body that places every component', () => {
  it('shows each one once in the narrative, with the plan\'s own data', () => {
    const page = readPage(outDir, 'plans/northwind/');
    const narrative = page.querySelector('#section_narrative')!;
    for (const view of VIEWS) expect(narrative.querySelectorAll(`[data-view="${view}"]`).length, view).toBe(1);
    const view = (name: string) => text(narrative.querySelector(`[data-view="${name}"]`));
    expect(view('goal')).toBe('Win the treasury platform tender !At risk due 30 Jun 2027');
    expect(view('measure')).toBe('Net promoter score 46 against a target of 40 ✓Green');
    expect(view('risk')).toBe('Client freezes IT budgets ✕High 12');
    expect(view('callout')).toBe('Decision needed Decide on the tender team by January.');
    expect(narrative.querySelector('[data-view="goal-timeline"] svg title')?.textContent).toBe('Goal timeline of Northwind Bank');
    expect(narrative.querySelector('[data-view="goal-timeline"] svg')?.textContent).toContain('Launch cash pooling');
    expect(view('stakeholder-map')).toContain('João Pereira');
    expect(view('scorecard')).toContain('Net promoter score');
    expect(view('risk-matrix')).toContain('R1: Client freezes IT budgets');
    expect(view('actions')).toContain('Hold the kick-off workshop');
    expect(view('whitespace')).toContain('Card issuing for SMEs');
    expect(view('swot')).toContain('Incumbent in payments');
  });

  it('lets the placed views carry the items\' anchors, so links to a measure or an action land there', () => {
    const page = readPage(outDir, 'plans/northwind/');
    expect(page.querySelector('#nps')?.closest('[data-view]')?.getAttribute('id')).toBe('view_scorecard');
    expect(page.querySelector('#tender-team')?.closest('[data-view]')?.getAttribute('id')).toBe('view_actions');
    expect(page.querySelector('[data-view="measure"] a')?.getAttribute('href')).toBe('#nps');
  });

  it('points each section it stands in for to it, in one line, and draws the view there for print only', () => {
    const page = readPage(outDir, 'plans/northwind/');
    for (const [section, view] of Object.entries(STAND_INS)) {
      const el = page.querySelector(`#section_${section}`)!;
      const pointer = el.querySelectorAll('.view-pointer');
      expect(pointer.length, section).toBe(1);
      expect(pointer[0].querySelector('a')?.getAttribute('href')).toBe(`#view_${view}`);
      expect(page.querySelector(`#view_${view}`)?.getAttribute('data-view')).toBe(view);
      // The section's own copy is printed only, and kept out of the search index.
      for (const copy of el.querySelectorAll(`[data-view="${view}"]`)) expect(copy.closest('.print-only[data-pagefind-ignore="all"]'), section).not.toBeNull();
    }
    expect(text(page.querySelector('#section_scorecard .view-pointer'))).toBe('The scorecard is shown in the narrative.');
  });

  it('gives the search index the words of the placed views, not their drawings, and not the printed copies', () => {
    const fragment = bundleFiles(join(outDir, 'pagefind')).filter((f) => f.path.startsWith('fragment/'))
      .map((f) => JSON.parse(f.text.slice(f.text.indexOf('{'))) as { url: string; content: string })
      .find((f) => f.url === '/plans/northwind/')!;
    const page = (text: string) => fragment.content.split(text).length - 1;
    // Each once: the narrative's views are the only ones indexed on the page.
    expect(page('Hold the kick-off workshop')).toBe(1);
    expect(page('Card issuing for SMEs')).toBeGreaterThanOrEqual(1);
    expect(page('Incumbent in payments')).toBe(1);
    expect(page('against a target of 40')).toBe(1);
    // The timeline's SVG title is not text Pagefind reads.
    expect(page('Goal timeline of Northwind Bank')).toBe(0);
  });

  it('prints every printed view once: in its section, as the meeting pack has it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}plans/northwind/`);
    await page.emulateMedia({ media: 'print' });
    for (const view of ['goal-timeline', 'stakeholder-map', 'scorecard', 'risk-matrix', 'actions']) {
      expect(await page.locator(`[data-view="${view}"]`).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length), view).toBe(1);
    }
    expect(await page.locator('.view-pointer').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    for (const view of VIEWS) {
      expect(await page.locator(`[data-view="${view}"]`).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length), view).toBe(1);
    }
    await page.close();
  }, 60_000);

  it('is valid HTML, and has no serious or critical accessibility violation', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } }));
    const report = await validator.validateString(readFileSync(join(outDir, 'plans/northwind/index.html'), 'utf8'), 'plans/northwind/index.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
    const page = await browser.newPage();
    await page.goto(`${server.url}plans/northwind/`, { waitUntil: 'networkidle' });
    const violations = await seriousViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('a body that places filtered views only', () => {
  it('leaves every section its own view, and the filtered views show their part', () => {
    const page = readPage(outDir, 'plans/northwind-leasing/');
    expect(page.querySelectorAll('.view-pointer')).toHaveLength(0);
    for (const [section, view] of Object.entries(STAND_INS)) {
      if (view === 'whitespace' || view === 'swot' || view === 'risk-matrix') continue;
      const own = page.querySelector(`#section_${section} [data-view="${view}"]`);
      expect(own?.closest('.print-only'), section).toBeNull();
    }
    const narrative = page.querySelector('#section_narrative')!;
    // Open actions of the goal: the done kick-off is left out, and no row repeats the section's anchors.
    expect(text(narrative.querySelector('[data-view="actions"]'))).toContain('Staff the tender team');
    expect(text(narrative.querySelector('[data-view="actions"]'))).not.toContain('kick-off');
    expect(narrative.querySelectorAll('[id="tender-team"]')).toHaveLength(0);
    expect(page.querySelectorAll('[id="tender-team"]')).toHaveLength(1);
    expect(text(narrative.querySelector('[data-view="scorecard"]'))).toContain('Net promoter score');
    expect(text(narrative.querySelector('[data-view="scorecard"]'))).not.toContain('Annual revenue');
    expect(text(narrative.querySelector('[data-view="stakeholder-map"]'))).toContain('João Pereira');
    expect(text(narrative.querySelector('[data-view="stakeholder-map"]'))).toContain('Maria Costa');
    expect(text(narrative.querySelector('[data-view="stakeholder-map"]'))).not.toContain('Rita Alves');
    const timeline = narrative.querySelector('[data-view="goal-timeline"] svg')!.textContent;
    expect(timeline).toContain('Launch cash pooling');
    expect(timeline).not.toContain('Run the payments pilot');
  });
});
