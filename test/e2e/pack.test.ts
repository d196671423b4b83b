/**
 * The meeting pack is the plan page printed: in Chromium's print media and as
 * a PDF on A4 and on Letter, what changed and what is open come first, there
 * is no navigation, nothing is cut off at the sides, and the diagrams and
 * timeline are kept.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, REPO } from '../build/build-site.ts';
import { serve } from './serve.ts';

const outDir = join(REPO, 'test/.tmp/pack');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const build = buildSite({ outDir, env: { KEYPLAN_BASE: '/kp/' } });
  if (build.status !== 0) throw new Error(build.output);
  server = await serve(outDir, '/kp/');
  browser = await chromium.launch({ executablePath: process.env.KEYPLAN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage();
  await page.goto(`${server.url}plans/aldermoor-bank/`);
  await page.emulateMedia({ media: 'print' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Printable width in CSS pixels: the paper less the 12 mm margins, at 96 px an inch. */
const printable = (paperMm: number) => Math.floor(((paperMm - 24) / 25.4) * 96);

/** What a printed page shows, top to bottom: visible elements matching `selector`, by position. */
const printed = (selector: string) => page.locator(selector).evaluateAll((elements) => elements
  .filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed')
  .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
  .map((e) => e.textContent?.trim() ?? ''));

describe('the meeting pack: a plan page printed', () => {
  it('puts the plan at a glance, the digest and the open actions first, and shows no navigation', async () => {
    const headings = await printed('main h2');
    expect(headings.slice(0, 4)).toEqual(['At a glance', 'Since the last review', 'Actions', 'Goals']);
    // The narrative and the plan's reference sections stay on the site.
    expect(headings).not.toContain('Narrative');
    expect(headings).not.toContain('Referenced by');
    expect(await printed('.site-header, .breadcrumb, nav.toc, .plan-tools')).toEqual([]);
    expect((await printed('.print-only')).join(' ')).toContain('Open actions only');
  });

  it('lists open actions only, overdue ones first', async () => {
    const rows = await printed('#section_actions tbody tr');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toContain('Overdue');
    expect(rows.some((row) => row.includes('✓Done'))).toBe(false);
    // On screen the done ones are there too.
    await page.emulateMedia({ media: 'screen' });
    try {
      const onScreen = await printed('#section_actions tbody tr');
      expect(onScreen.length).toBeGreaterThan(rows.length);
      expect(onScreen.some((row) => row.includes('✓Done'))).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'print' });
    }
  });

  it('keeps the goal timeline, the stakeholder map and the risk matrix', async () => {
    expect(await page.locator('.timeline svg[role="group"] > title').count()).toBe(1);
    expect(await page.locator('#section_stakeholders .org-scroll > svg#kp-stakeholders').isVisible()).toBe(true);
    expect(await page.locator('.risk-matrix table').isVisible()).toBe(true);
  });

  for (const [paper, widthMm] of [['A4', 210], ['Letter', 216]] as const) {
    it(`prints on ${paper} without anything cut off at the sides`, async () => {
      await page.setViewportSize({ width: printable(widthMm), height: 1000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const pdf = await page.pdf({ format: paper, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(10);
    });
  }
});
