/**
 * Search as a reviewer uses it: the sample site built under an intranet
 * sub-path, served by `astro preview`, driven in Chromium. A name typed in
 * the header lands on the right plan; filters and sorts narrow and order the
 * results; nothing is fetched from outside the site; and no file of the index
 * holds a word of the confidential plan.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import { buildSite, htmlFiles, readPage, REPO, TODAY, type BuildResult } from '../build/build-site.ts';
import { bundleFiles, dev, isolatedProject, preview, type Preview } from './search-site.ts';

const BASE = '/plans-site/';
const outDir = join(REPO, 'test/.tmp/search-e2e');
const content = checkContent({ root: REPO, today: TODAY });
const plan = (id: string) => content.plans.find((p) => p.id === id)!.data!;
const confidential = content.plans.find((p) => p.data?.confidential)!;

const root = isolatedProject();
let build: BuildResult;
let site: Preview;
let browser: Browser;
/** Every URL the browser asked for, in every test. */
const requests: string[] = [];

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  // As a user builds: not with the NODE_ENV=test of the test runner.
  build = buildSite({ root, outDir, env: { KEYPLAN_BASE: BASE, KEYPLAN_TODAY: TODAY, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.output}`);
  site = await preview(root, outDir, BASE);
  browser = await chromium.launch({
    executablePath: process.env.KEYPLAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  return page;
}

/** The link of each result's page (not of its sections); a result shows its link once its data has loaded. */
const resultLinks = (page: Page) => page.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a');
const firstResult = (page: Page) => page.locator('.pagefind-ui__result').first().locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a');

/** The search page for `q`, once its first result is drawn. */
async function search(page: Page, q: string): Promise<void> {
  await page.goto(`${site.url}search/?q=${encodeURIComponent(q)}`);
  await firstResult(page).waitFor();
}
const count = async (page: Page) => Number(/^(\d+) results?/.exec((await page.locator('.pagefind-ui__message').textContent()) ?? '')?.[1]);

describe('the search index', () => {
  it('is written by the build itself, for plans, people and the portfolio only', () => {
    expect(build.output).toMatch(/\[keyplan:search\] indexed \d+ pages in [\d.]+s/);
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const published = content.plans.filter((p) => p.data && p.data.status !== 'draft' && !p.data.confidential);
    expect(entry.languages.en.page_count).toBe(published.length + content.people.length + 1);
    for (const file of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind.js']) expect(existsSync(join(outDir, 'pagefind', file)), file).toBe(true);
  });

  it('marks the main content of plans, people and the portfolio, and of each area\'s portfolio and plans (for the area\'s own index)', () => {
    const indexed = htmlFiles(outDir).filter((f) => readPage(outDir, f).querySelector('[data-pagefind-body]'));
    const restricted = content.plans.filter((p) => p.data && p.data.status !== 'draft' && p.data.audience);
    const expected = ['index.html', ...content.people.map((p) => `people/${p.id}/index.html`),
      ...content.plans.filter((p) => p.data && p.data.status !== 'draft' && !p.data.confidential).map((p) => `plans/${p.id}/index.html`),
      ...restricted.flatMap((p) => p.data!.audience!.flatMap((g) => [`restricted/${g}/index.html`, `restricted/${g}/plans/${p.id}/index.html`]))];
    expect(indexed.sort()).toEqual(expected.sort());
    expect(existsSync(join(outDir, `plans/${confidential.id}`))).toBe(false);
    // Header, navigation and footer are chrome.
    for (const selector of ['.site-header', '.site-footer', '.skip']) {
      expect(readPage(outDir, 'plans/aldermoor-bank').querySelector(selector)!.hasAttribute('data-pagefind-ignore'), selector).toBe(true);
    }
  });

  it('holds no word of a confidential or restricted plan: not its name, its id or its text', () => {
    const files = bundleFiles(join(outDir, 'pagefind'));
    // The index proper: word index, page fragments, filters and metadata (not Pagefind's scripts and WebAssembly).
    const data = files.filter((f) => /^(fragment|index|filter)\//.test(f.path) || f.path.endsWith('.pf_meta'));
    expect(data.some((f) => f.path.startsWith('fragment/'))).toBe(true);
    // The check can see: another plan's name and words are there.
    expect(data.some((f) => f.text.includes('Aldermoor Bank'))).toBe(true);
    const closed = content.plans.filter((p) => p.data?.confidential);
    // The sample has a confidential plan and a plan restricted to two groups.
    expect(closed.map((p) => p.id).sort()).toEqual(['halvard-capital', 'project-juniper']);
    const indexed = new Set(data.flatMap((f) => words(f.text)));
    for (const plan of closed) {
      // Words written only in this plan: none of them in any index, fragment, filter or metadata file.
      const distinctive = distinctiveWords(plan.id);
      expect(distinctive.length, plan.id).toBeGreaterThan(5);
      // Its name, its id, and each word of its name that no public plan also uses ("Capital" may be another plan's word).
      const fixed = [plan.data!.account, plan.id, ...plan.data!.account.toLowerCase().split(' ').filter((w) => distinctive.includes(w))];
      for (const f of files) {
        const lower = f.text.toLowerCase();
        for (const term of fixed) expect(lower.includes(term.toLowerCase()), `${term} of ${plan.id} in ${f.path}`).toBe(false);
      }
      expect(distinctive.filter((w) => indexed.has(w)), plan.id).toEqual([]);
    }
  });
});

describe('searching the built site in Chromium', { timeout: 60_000 }, () => {
  it('finds a plan by its account name, a stakeholder by name and a goal by its title, each on its plan first', async () => {
    const page = await newPage();
    const cases = [
      { q: 'Larkspur Home & Living', id: 'larkspur-home' },
      { q: 'Marta Soler', id: 'castellan-group' },
      { q: 'Launch the connected-service subscription model', id: 'brennik-werke' },
    ];
    // The words are really the account, a stakeholder and a goal of those plans.
    expect(plan('larkspur-home').account).toBe(cases[0].q);
    expect(plan('castellan-group').stakeholders!.map((s) => s.name)).toContain(cases[1].q);
    expect(plan('brennik-werke').goals!.map((g) => g.title)).toContain(cases[2].q);
    for (const { q, id } of cases) {
      await search(page, q);
      const first = firstResult(page);
      expect(await first.textContent(), q).toBe(plan(id).account);
      // Under the base path, as every link of the site.
      expect(await first.getAttribute('href'), q).toBe(`${BASE}plans/${id}/`);
    }
    await page.close();
  });

  it('lands on the row: a stakeholder and a goal are results of their own, with their row\'s anchor, first under their plan', async () => {
    const page = await newPage();
    const subLinks = (i: number) => page.locator('.pagefind-ui__result').nth(i).locator('.pagefind-ui__result-nested .pagefind-ui__result-link');
    const cases = [
      { q: 'Marta Soler', plan: 'castellan-group', anchor: 'marta-soler', title: 'Marta Soler' },
      { q: 'Launch the connected-service subscription model', plan: 'brennik-werke', anchor: 'service-revenue-model', title: 'Launch the connected-service subscription model' },
      { q: 'Kerry Mbeki', plan: 'aldermoor-bank', anchor: 'kerry-mbeki', title: 'Kerry Mbeki' },
    ];
    for (const { q, plan: id, anchor, title } of cases) {
      // The anchor really is that stakeholder's or goal's id in the plan.
      const data = plan(id);
      expect([...(data.stakeholders ?? []), ...(data.goals ?? [])].some((x) => x.id === anchor), anchor).toBe(true);
      await search(page, q);
      expect(await firstResult(page).getAttribute('href'), q).toBe(`${BASE}plans/${id}/`);
      await subLinks(0).first().waitFor();
      expect(await subLinks(0).first().getAttribute('href'), q).toBe(`${BASE}plans/${id}/#${anchor}`);
      expect((await subLinks(0).first().textContent())?.trim(), q).toBe(title);
    }
    // Opened, the sub-result shows the row itself.
    await subLinks(0).first().click();
    await page.waitForURL(`${site.url}plans/aldermoor-bank/#kerry-mbeki`);
    expect(await page.locator('#kerry-mbeki').isVisible()).toBe(true);
    await page.close();
  });

  it('finds a stakeholder on the page of the person of ours who owns the relationship', async () => {
    const page = await newPage();
    const owner = plan('castellan-group').stakeholders!.find((s) => s.name === 'Marta Soler')!.owner!;
    await search(page, 'Marta Soler');
    await expect.poll(() => resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain(`${BASE}people/${owner}/`);
    await page.close();
  });

  it('keeps labels and values apart in excerpts', async () => {
    const page = await newPage();
    await search(page, 'Sofia Lindqvist');
    const excerpt = (await page.locator('.pagefind-ui__result').first().locator('.pagefind-ui__result-excerpt').first().textContent()) ?? '';
    expect(excerpt).toMatch(/Email sofia\.lindqvist@/);
    expect(excerpt).toMatch(/Manager Daniel Okafor/);
    expect(excerpt).not.toMatch(/Emailsofia|ManagerDaniel|Allocated\d/);
    await page.close();
  });

  it('finds a person by name, on their page', async () => {
    const page = await newPage();
    await search(page, 'Sofia Lindqvist');
    expect(await firstResult(page).getAttribute('href')).toBe(`${BASE}people/sofia-lindqvist/`);
    await page.close();
  });

  it('shows what a reviewer checks first with each plan: tier, status, owner, health and next review', async () => {
    const page = await newPage();
    await search(page, 'Aldermoor Bank');
    const tags = await page.locator('.pagefind-ui__result').first().locator('.pagefind-ui__result-tag').allTextContents();
    expect(await firstResult(page).getAttribute('href')).toBe(`${BASE}plans/aldermoor-bank/`);
    // Worked out by hand from content/plans/aldermoor-bank.mdx as of 2026-11-25.
    expect(tags.map((t) => t.trim())).toEqual(['Tier: Strategic', 'Status: Active', 'Owner: Tom Achterberg', 'Health: Amber 73%', 'Next review: 9 Dec 2026']);
    await page.close();
  });

  it('narrows the results with a filter', async () => {
    const page = await newPage();
    await search(page, 'digital');
    const before = await count(page);
    await page.locator('summary.pagefind-ui__filter-name', { hasText: 'Tier' }).click();
    await page.getByLabel(/^Strategic \(\d+\)$/).check();
    await expect.poll(() => count(page)).not.toBe(before);
    const after = await count(page);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const strategic = content.plans.filter((p) => p.data?.tier === 'strategic' && !p.data.confidential).map((p) => `${BASE}plans/${p.id}/`);
    await expect.poll(() => resultLinks(page).count()).toBe(after);
    for (const href of await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(strategic).toContain(href);
    // The address keeps the filter: opened again, it shows the same results.
    expect(new URL(page.url()).searchParams.getAll('tier')).toEqual(['Strategic']);
    await page.reload();
    await firstResult(page).waitFor();
    await expect.poll(() => count(page)).toBe(after);
    await page.close();
  });

  it('orders plans by next review, soonest first', async () => {
    const page = await newPage();
    await search(page, 'digital');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByLabel('Order results').selectOption({ label: 'Next review, soonest first' }),
    ]);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('review:asc');
    await firstResult(page).waitFor();
    await expect.poll(async () => (await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')))).every((h) => h!.includes('/plans/'))).toBe(true);
    const hrefs = await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(1);
    const next = hrefs.map((h) => plan(h.split('/').at(-2)!).review.next);
    expect(next).toEqual([...next].sort());
    await page.close();
  });

  it('is reached from the header of any page and used with the keyboard alone', async () => {
    const page = await newPage();
    await page.goto(`${site.url}plans/aldermoor-bank/`);
    await page.getByRole('searchbox', { name: 'Search plans and people' }).focus();
    await page.keyboard.type('Marta Soler');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/plans-site\/search\/\?q=Marta\+Soler$/);
    await firstResult(page).waitFor();
    // Tab to the first result and open it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__result-link'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`${BASE}plans/castellan-group/`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}plans/castellan-group/`);
    expect(await page.locator('h1').textContent()).toBe(plan('castellan-group').account);
    await page.close();
  });

  it('says so when the index is missing, instead of failing silently', async () => {
    const page = await newPage();
    await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${site.url}search/?q=digital`);
    await expect.poll(() => page.locator('#search-missing').isVisible()).toBe(true);
    expect(await page.locator('#search-missing').textContent()).toContain('npm run build');
    await page.close();
  });

  it('loads everything from the site itself: no request leaves the local server', async () => {
    const page = await newPage();
    await search(page, 'Aldermoor Bank');
    await firstResult(page).click();
    await page.waitForURL(`${site.url}plans/aldermoor-bank/`);
    await page.close();
    // Every request of this test and of those before it.
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.some((u) => u.startsWith(`${site.url}pagefind/`))).toBe(true);
    const outside = requests.filter((u) => {
      const url = new URL(u.startsWith('blob:') ? u.slice(5) : u);
      if (url.protocol === 'data:') return false;
      return url.hostname !== '127.0.0.1' && url.hostname !== 'localhost';
    });
    expect(outside).toEqual([]);
    // And the bundle is asked for under the base path only.
    expect(requests.filter((u) => /\/pagefind\//.test(u) && !u.startsWith(`${site.url}pagefind/`))).toEqual([]);
  });
});

/** Lower-case words of four or more letters. */
function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
}

/** Words in a plan's file that no other content file and no page template uses. */
function distinctiveWords(planId: string): string[] {
  const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  const own = join(REPO, 'content/plans', `${planId}.mdx`);
  const others = [...files(join(REPO, 'content')), ...files(join(REPO, 'src'))].filter((f) => f !== own);
  const common = new Set(others.flatMap((f) => words(readFileSync(f, 'utf8'))));
  return [...new Set(words(readFileSync(own, 'utf8')))].filter((w) => !common.has(w));
}

describe('search in npm run dev', { timeout: 120_000 }, () => {
  it('says on start and on the search page that search works in a built site', async () => {
    const server = await dev(root, BASE);
    try {
      const html = await (await fetch(`${server.url}search/`)).text();
      expect(html).toContain('Search works in a built site');
      expect(server.log()).toMatch(/\[keyplan:search\] search works in a built site only: npm run build writes the index/);
    } finally {
      await server.stop();
    }
  });
});
