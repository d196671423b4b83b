/**
 * The meeting pack printed to PDF in Chromium, on A4 and on Letter: what
 * changed and what is open come first, nothing is cut off at the sides, and
 * the diagrams and timeline are kept.
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
  await page.goto(`${server.url}plans/aldermoor-bank/pack/`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Printable width in CSS pixels: the paper less the 12 mm margins, at 96 px an inch. */
const printable = (paperMm: number) => Math.floor(((paperMm - 24) / 25.4) * 96);

describe('the meeting pack', () => {
  it('puts the digest and the open actions first, and has no site navigation', async () => {
    const headings = await page.locator('h2').allTextContents();
    expect(headings.slice(0, 3)).toEqual(['Since the last review', 'Open actions', 'Goals']);
    expect(await page.locator('.site-header, nav[aria-label="Site"]').count()).toBe(0);
    const overdueFirst = await page.locator('section:has(#pack-actions) tbody tr').first().textContent();
    expect(overdueFirst).toContain('Overdue');
  });

  it('keeps the goal timeline, the stakeholder diagram and the risk matrix', async () => {
    expect(await page.locator('.timeline svg[role="group"] > title').count()).toBe(1);
    expect(await page.locator('.diagram svg[role="img"]').count()).toBe(1);
    expect(await page.locator('.risk-matrix table').count()).toBe(1);
  });

  for (const [paper, widthMm] of [['A4', 210], ['Letter', 216]] as const) {
    it(`prints on ${paper} without anything cut off at the sides`, async () => {
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: printable(widthMm), height: 1000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const pdf = await page.pdf({ format: paper, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(10);
      await page.emulateMedia({ media: 'screen' });
    });
  }
});
