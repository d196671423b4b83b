/**
 * Screenshots of built pages, for looking at what a reader sees:
 *   node test/e2e/screenshot.ts <url> <out.png> [width] [--selector CSS] [--full] [--wait CSS]
 * --wait waits for an element a script draws (search results) before the shot.
 * Uses the system Chromium (KEYPLAN_CHROMIUM or /usr/bin/chromium).
 */
import { chromium } from 'playwright-core';

const [url, out, width = '1280', ...rest] = process.argv.slice(2);
const selector = rest.includes('--selector') ? rest[rest.indexOf('--selector') + 1] : undefined;
const browser = await chromium.launch({
  executablePath: process.env.KEYPLAN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: 'load' });
if (rest.includes('--wait')) await page.locator(rest[rest.indexOf('--wait') + 1]).first().waitFor();
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: rest.includes('--full') });
await browser.close();
