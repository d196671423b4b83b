/**
 * The meeting pack is the plan page printed: in Chromium's print media and as
 * a PDF on A4 and on Letter, what changed and what is open come first, there
 * is no navigation, nothing is cut off at the sides, and the diagrams and
 * timeline are kept; every plan's pack, read back with pdftotext, has no
 * empty page and no split word. The same build is read on a phone, 360 px wide.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlFiles, REPO } from '../build/build-site.ts';
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

/** The sample's plan pages, by id, as built. */
const planIds = () => readdirSync(join(outDir, 'plans')).filter((id) => existsSync(join(outDir, 'plans', id, 'index.html'))).sort();

/** A PDF's text, page by page, as poppler's pdftotext reads it back. */
function pdfPages(pdf: Buffer, name: string): string[] {
  const file = join(outDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/**
 * Words (letters only, four or more) of what print shows in table cells and headings, from
 * the DOM; and the halves of hyphenated words, joined ("portuguesespeaking"), as pdftotext
 * writes a compound wrapped at its hyphen, which is where it may wrap.
 */
const printedWords = () => page.evaluate(() => {
  const words = new Set<string>();
  const compounds: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('main :is(th, td, h1, h2, h3)')) {
    if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
    // A stacked cell's column header is printed before it (its data-label).
    const text = `${el.dataset.label ?? ''} ${el.innerText}`;
    for (const word of text.split(/[^\p{L}]+/u)) if (word.length >= 4) words.add(word.toLowerCase());
    for (const [compound] of text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) {
      const parts = compound.toLowerCase().split('-');
      for (let i = 1; i < parts.length; i++) compounds.push(`${parts[i - 1]}-${parts[i]}`);
    }
  }
  return { words: [...words], compounds };
});

/** A word is whole in the PDF if it is there, or wrapped at the hyphen of a compound it is part of. */
function whole(word: string, pdfWords: Set<string>, compounds: string[]): boolean {
  return pdfWords.has(word) || compounds.some((pair) => pair.split('-').includes(word) && pdfWords.has(pair.replace('-', '')));
}

describe('every sample plan printed', () => {
  for (const [paper, widthMm] of [['A4', 210], ['Letter', 216]] as const) {
    it(`on ${paper}: no empty page, every page headed and numbered, no word split in a table or heading`, async () => {
      await page.setViewportSize({ width: printable(widthMm), height: 1000 });
      const problems: string[] = [];
      for (const id of planIds()) {
        await page.goto(`${server.url}plans/${id}/`);
        const account = (await page.locator('h1').textContent())!.trim();
        const pages = pdfPages(await page.pdf({ format: paper, printBackground: true }), `${id}-${paper}`);
        const pdfWords = new Set(pages.join(' ').toLowerCase().split(/[^\p{L}]+/u));
        pages.forEach((text, i) => {
          // The running head and the page number are the margin boxes; a page with nothing else is empty.
          const body = text.replace(`${account} · meeting pack`, '').replace(/as of \d+ \w+ \d{4}/, '').replace(/Page \d+ of \d+/, '');
          if (!body.trim()) problems.push(`${id} ${paper} page ${i + 1}: empty`);
          if (!text.includes(`${account} · meeting pack`)) problems.push(`${id} ${paper} page ${i + 1}: no running head`);
          if (!text.includes(`Page ${i + 1} of ${pages.length}`)) problems.push(`${id} ${paper} page ${i + 1}: not numbered`);
        });
        const { words, compounds } = await printedWords();
        for (const word of words) if (!whole(word, pdfWords, compounds)) problems.push(`${id} ${paper}: "${word}" is split or missing`);
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }

  it('lays pages out on A4 unless the options say otherwise', async () => {
    await page.goto(`${server.url}plans/aldermoor-bank/`);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 is 595 × 842 points (Letter 612 × 792).
    const sizes = new Set([...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(([, w, h]) => `${Math.round(Number(w))} × ${Math.round(Number(h))}`));
    expect([...sizes]).toEqual(['595 × 842']);
  });

  it('prints the goal timeline with no label under 8 pt', async () => {
    const smallest: Record<string, number> = {};
    for (const [paper, widthMm] of [['A4', 210], ['Letter', 216]] as const) {
      await page.setViewportSize({ width: printable(widthMm), height: 1000 });
      for (const id of planIds()) {
        await page.goto(`${server.url}plans/${id}/`);
        const pt = await page.evaluate(() => {
          let min = Infinity;
          for (const svg of document.querySelectorAll<SVGSVGElement>('.timeline svg')) {
            // A timeline the body places is not printed (the narrative stays on the site): its section prints it.
            if (svg.getBoundingClientRect().width === 0) continue;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('text')) min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale * 0.75);
          }
          return min;
        });
        if (Number.isFinite(pt)) smallest[`${id} ${paper}`] = Math.round(pt * 10) / 10;
      }
    }
    expect(Object.keys(smallest).length).toBeGreaterThan(0);
    expect(Object.entries(smallest).filter(([, pt]) => pt < 8)).toEqual([]);
  }, 60_000);
});

describe('on a phone, 360 px wide', () => {
  it('no page of the sample scrolls sideways', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      const wide: string[] = [];
      const pages = htmlFiles(outDir).filter((f) => !f.startsWith('pagefind/'));
      expect(pages.length).toBeGreaterThan(40);
      for (const file of pages) {
        await phone.goto(server.url + file.replace(/index\.html$/, ''));
        const [scroll, width] = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        if (scroll !== width) wide.push(`${file}: ${scroll} px`);
      }
      expect(wide).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 120_000);

  it('folds the navigation into a menu that opens without script, and stacks wide tables with labelled cells', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    try {
      await phone.goto(`${server.url}plans/aldermoor-bank/`);
      const people = phone.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'People' });
      await expect(people.isVisible()).resolves.toBe(false);
      await phone.getByText('Menu', { exact: true }).click();
      await expect(people.isVisible()).resolves.toBe(true);
      // A stakeholder's influence reads as a labelled line, not a column header far above.
      const cell = phone.locator('#section_stakeholders tbody tr').first().locator('td[data-label="Influence"]');
      expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Influence"');
      expect(await phone.locator('#section_stakeholders thead').isVisible()).toBe(false);
    } finally {
      await phone.close();
    }
  });
});
