/**
 * The portfolio table in Chromium: the column headers sort it by coverage,
 * completeness and overdue goals (the site's own script, no CDN); without a
 * click it stays in account order.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, REPO } from '../build/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

const outDir = join(REPO, 'test/.tmp/portfolio-e2e');
let browser: Browser;
let site: { url: string; close(): Promise<void> };

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const build = buildSite({ outDir });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.output}`);
  site = await serve(outDir);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The text of one column's cells, row by row. */
async function column(page: Page, header: string): Promise<string[]> {
  return page.locator('table[data-sortable]').evaluate((table, header) => {
    const headers = [...(table as HTMLTableElement).tHead!.rows[0].cells].map((c) => c.textContent!.replace(/\u00ad/g, '').trim());
    const i = headers.indexOf(header);
    return [...(table as HTMLTableElement).tBodies[0].rows].map((r) => r.cells[i].textContent!.trim());
  }, header);
}
const percentOrUnknown = (cell: string) => (cell === 'unknown' || cell === '—' ? -1 : Number(cell.replace('%', '')));

describe('the portfolio table', { timeout: 60_000 }, () => {
  it('sorts by coverage, completeness and overdue goals from the column headers, both ways', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    const accounts = await page.locator('table[data-sortable] tbody th a').allTextContents();
    // The published public plans of the sample only (8 of 11: a draft and two restricted plans are not here), in account order until a header is clicked.
    expect(accounts.length).toBe(8);
    expect(accounts).toEqual([...accounts].sort((a, b) => a.localeCompare(b, 'en')));
    for (const [header, value] of [['Coverage', percentOrUnknown], ['Completeness', percentOrUnknown], ['Overdue goals', Number]] as const) {
      const button = page.locator('table[data-sortable] thead th button', { hasText: header === 'Completeness' ? 'Complete' : header });
      await button.click();
      let values = (await column(page, header)).map(value);
      expect(values, `${header} ascending`).toEqual([...values].sort((a, b) => a - b));
      expect(new Set(values).size, `${header} has different values to sort`).toBeGreaterThan(1);
      await button.click();
      values = (await column(page, header)).map(value);
      expect(values, `${header} descending`).toEqual([...values].sort((a, b) => b - a));
      expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    }
    await page.close();
  });
});
