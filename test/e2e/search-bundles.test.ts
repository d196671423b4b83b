/**
 * The search index in bundles, as a reader sees it: the sample portfolio with
 * 160 more plans and 60 more people, split in two bundles of at most 150 pages
 * (src/site/search-bundles.ts, whose default is 300; KEYPLAN_SEARCH_PAGES_PER_BUNDLE),
 * against the same site built as one bundle. These searches give the same
 * results in the same order, a sorted search orders across bundles, and
 * editing one plan indexes only the bundle of its page.
 *
 * Among the searches, words only some bundles hold. A bundle without them
 * answers with the longest word it holds that begins the same way ("soler"
 * would find "sole"), so the search page keeps only the bundles their word
 * list names (plugins/search/merged-search.js): "marta soler" gives 2 results
 * as one index does, where the merged bundles alone gave 3, and "Launch the
 * connected-service subscription model" 1, not 80.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../bench/generate.ts';
import { buildSite, REPO, TODAY } from '../build/build-site.ts';
import { isolatedProject, preview, sampleContent, type Preview } from './search-site.ts';

const BASE = '/plans-site/';
const split = join(REPO, 'test/.tmp/search-bundles-split');
const whole = join(REPO, 'test/.tmp/search-bundles-whole');
/** Pages per bundle that split this site in two, and that make it one bundle. */
const SPLIT = { KEYPLAN_SEARCH_PAGES_PER_BUNDLE: '150' };
const ONE_BUNDLE = 1_000_000;

/** The sample's files and a generated portfolio's, side by side. */
function content(): Record<string, string> {
  const generated = mkdtempSync(join(tmpdir(), 'keyplan-generated-'));
  generatePortfolio(generated, 160, 1);
  const files: Record<string, string> = { ...sampleContent() };
  for (const kind of ['plans', 'people']) {
    for (const name of readdirSync(join(generated, 'content', kind))) files[`content/${kind}/${name}`] = readFileSync(join(generated, 'content', kind, name), 'utf8');
  }
  rmSync(generated, { recursive: true, force: true });
  return files;
}

const root = isolatedProject(content());
const cacheDir = join(root, 'cache');
let splitLog = '';
let sites: { split: Preview; whole: Preview };
let browser: Browser;

function build(outDir: string, env: Record<string, string> = {}): string {
  const result = buildSite({ root, outDir, env: { KEYPLAN_BASE: BASE, KEYPLAN_TODAY: TODAY, NODE_ENV: 'production', KEYPLAN_CACHE_DIR: cacheDir, ...env } });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.output}`);
  return result.output;
}

beforeAll(async () => {
  rmSync(split, { recursive: true, force: true });
  rmSync(whole, { recursive: true, force: true });
  build(whole, { KEYPLAN_SEARCH_PAGES_PER_BUNDLE: String(ONE_BUNDLE) });
  splitLog = build(split, SPLIT);
  sites = { split: await preview(root, split, BASE), whole: await preview(root, whole, BASE) };
  browser = await chromium.launch({
    executablePath: process.env.KEYPLAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await sites?.split.stop();
  await sites?.whole.stop();
  rmSync(root, { recursive: true, force: true });
});

/** What the search page shows for `query` (an address after /search/): the count, and each result's link and its sections' links. */
async function results(site: Preview, query: string): Promise<{ message: string; links: string[] }> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(`${site.url}search/${query}`);
    await page.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a').first().waitFor();
    await page.waitForLoadState('networkidle');
    const message = (await page.locator('.pagefind-ui__message').textContent())?.trim() ?? '';
    // Once every shown result has loaded its data (its link).
    await expect.poll(async () => page.locator('.pagefind-ui__result-link').count()).toBeGreaterThan(0);
    await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__result .pagefind-ui__loading').length === 0);
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    return { message, links };
  } finally {
    await page.close();
  }
}

describe('a search index in bundles', { timeout: 120_000 }, () => {
  it('is split in two bundles, each its own folder, listed on the search page', () => {
    // Two public bundles, and one of each of the sample's three restricted areas (two pages each: its portfolio and plan).
    const pages = Number(/\[keyplan:search\] indexed (\d+) pages in [\d.]+s.*; 5 bundles[,:]/.exec(splitLog)?.[1]) - 6;
    // The portfolio, 17 + 60 people, 160 plans and the sample's published plans.
    expect(pages).toBeGreaterThan(240);
    const entry = (dir: string) => JSON.parse(readFileSync(join(split, dir, 'pagefind-entry.json'), 'utf8')) as { languages: { en: { page_count: number } } };
    const counts = [entry('pagefind').languages.en.page_count, entry('pagefind/part-1').languages.en.page_count];
    expect(counts[0] + counts[1]).toBe(pages);
    // Evenly, by a hash of each page's path.
    expect(Math.min(...counts)).toBeGreaterThan(90);
    const html = readFileSync(join(split, 'search/index.html'), 'utf8');
    expect(html).toContain(`data-bundles="[&quot;${BASE}pagefind/&quot;,&quot;${BASE}pagefind/part-1/&quot;]"`);
    // Pagefind's scripts once, with the first bundle.
    expect(readdirSync(join(split, 'pagefind/part-1')).filter((f) => f.endsWith('.js'))).toEqual([]);
  });

  // The README's searches (Search and Performance sections), and words only some bundles hold (see above).
  const queries = ['?q=marta+soler&tier=Key', '?q=marta+soler', '?q=Aldermoor+Bank', '?q=Larkspur+Home+%26+Living', '?q=Kerry+Mbeki',
    '?q=Sofia+Lindqvist', '?q=Launch+the+connected-service+subscription+model', '?q=%22renewal+proposal%22'];
  for (const query of queries) {
    it(`finds the same results in the same order as one bundle: ${query}`, async () => {
      const [a, b] = [await results(sites.split, query), await results(sites.whole, query)];
      expect(a.links.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    });
  }

  it('orders a sorted search across bundles: plans only, soonest review first, as one bundle does', async () => {
    const query = '?q=digital&sort=review:asc';
    const [a, b] = [await results(sites.split, query), await results(sites.whole, query)];
    const plans = a.links.filter((h) => !h.includes('#'));
    expect(plans.length).toBeGreaterThan(1);
    expect(plans.every((h) => h.startsWith(`${BASE}plans/`))).toBe(true);
    expect(a).toEqual(b);
  });

  it('indexes again only the bundle of the plan edited', () => {
    const file = join(root, 'content/plans/account-00007.mdx');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, original.replace(/^(  - \{ id: goal-0, title: ")[^"]*/m, '$1Open the Tromsø office'));
      const log = build(split, SPLIT);
      expect(log).toMatch(/indexed \d+ pages in [\d.]+s, alongside rendering .*; 5 bundles, 1 of them indexed again \(\d+ pages through Pagefind\)/);
    } finally {
      writeFileSync(file, original);
    }
  });
});
