/**
 * The stakeholder map as Chromium draws it, on every plan of the built sample
 * and on a generated 30-person chart with influence pointing up, sideways and
 * across units: every report's box entirely below their manager's, no two
 * boxes overlapping, no text outside its box, no label under 12 px at a
 * 1,280 px window; and printed to A4, no map label under 8 pt.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stakeholderMap, stakeholderMapHtml } from '../../src/diagrams/stakeholders.ts';
import { checkContent } from '../../src/validate/check.ts';
import { buildSite, REPO, TODAY } from '../build/build-site.ts';
import { generatedStakeholders } from '../fixtures/org-chart.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

const outDir = join(REPO, 'test/.tmp/stakeholder-map');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
const plans = checkContent({ root: REPO, today: TODAY }).plans
  .filter((p) => p.data && !p.data.confidential && p.data.status !== 'draft' && (p.data.stakeholders ?? []).length > 0);
const generated = generatedStakeholders(30);

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const build = buildSite({ outDir, env: { KEYPLAN_BASE: '/kp/' } });
  if (build.status !== 0) throw new Error(build.output);
  // The generated chart on a page of its own, with the site's stylesheet, through the production drawing code.
  const plan = readFileSync(join(outDir, 'plans/aldermoor-bank/index.html'), 'utf8');
  const styles = [...plan.matchAll(/<link rel="stylesheet" href="[^"]*">/g)].map((m) => m[0]).join('');
  const map = stakeholderMap('Generated Holdings', generated, (id) => `Owner ${id}`)!;
  mkdirSync(join(outDir, 'generated'), { recursive: true });
  writeFileSync(join(outDir, 'generated/index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Generated</title>${styles}<main class="wrap">${stakeholderMapHtml(map, 'kp-stakeholders')}</main></html>`);
  server = await serve(outDir, '/kp/');
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Drawn {
  boxes: Record<string, { left: number; top: number; right: number; bottom: number }>;
  overflowing: string[];
  smallest: number;
}

/** Boxes, text outside its box, and the smallest label, as rendered. */
function measure(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    // The plan's whole map: in the narrative where the body places it (its section then prints a copy only), else in its section.
    const svg = (document.querySelector('#kp-view_stakeholder-map') ?? document.querySelector('#kp-stakeholders'))!;
    const boxes: Drawn['boxes'] = {};
    const overflowing: string[] = [];
    let smallest = Infinity;
    for (const a of svg.querySelectorAll('a[data-stakeholder]')) {
      const r = a.querySelector('path')!.getBoundingClientRect();
      boxes[a.getAttribute('data-stakeholder')!] = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      for (const t of a.querySelectorAll('text')) {
        const b = t.getBoundingClientRect();
        if (b.left < r.left - 0.5 || b.right > r.right + 0.5 || b.top < r.top - 0.5 || b.bottom > r.bottom + 0.5) overflowing.push(t.textContent!);
      }
    }
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
    for (const li of document.querySelectorAll('.org-legend li')) smallest = Math.min(smallest, parseFloat(getComputedStyle(li).fontSize));
    return { boxes, overflowing, smallest };
  });
}

function expectOrgChart(drawn: Drawn, people: readonly { id: string; reportsTo?: string }[]) {
  const ids = Object.keys(drawn.boxes);
  expect(ids.sort()).toEqual(people.map((p) => p.id).sort());
  for (const p of people) {
    if (!p.reportsTo || !drawn.boxes[p.reportsTo]) continue;
    expect(drawn.boxes[p.id].top, `${p.id} below ${p.reportsTo}`).toBeGreaterThanOrEqual(drawn.boxes[p.reportsTo].bottom);
  }
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) {
      const [x, y] = [drawn.boxes[a], drawn.boxes[b]];
      const apart = x.right <= y.left || y.right <= x.left || x.bottom <= y.top || y.bottom <= x.top;
      expect(apart, `${a} and ${b} overlap`).toBe(true);
    }
  }
  expect(drawn.overflowing).toEqual([]);
  expect(drawn.smallest).toBeGreaterThanOrEqual(12);
}

describe('the stakeholder map at a 1,280 px window', () => {
  it.each(plans.map((p) => [p.id, p] as const))('%s reads as an org chart at full size', async (id, plan) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}plans/${id}/`);
    expectOrgChart(await measure(page), plan.data!.stakeholders!);
    await page.close();
  });

  it('a generated 30-person chart too, scrolling sideways at full size where it is wider than the column', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}generated/`);
    expectOrgChart(await measure(page), generated);
    const [scrollWidth, clientWidth] = await page.locator('.org-scroll').evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    // Influence goes up, sideways and across units, and never moves a box.
    const lines = await page.locator('[data-influence]').count();
    expect(lines).toBe(generated.reduce((n, s) => n + (s.influences?.length ?? 0), 0));
    await page.close();
  });
});

describe('the stakeholder map printed to A4', () => {
  it('keeps every label of the map at 8 pt or more', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}plans/aldermoor-bank/`);
    const pdf = join(outDir, 'aldermoor.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    await page.close();
    // pdftotext gives each word's box: across the line it spans the font's ascent and descent. The legend's
    // words, set at 0.8rem (12.8 px, 9.6 pt), give that span per point; a turned map's words run up the page.
    const xml = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
    const words = (page: string) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .filter((m) => [...m[5].replace(/&[a-z]+;/g, '&')].length >= 3).map(([, x0, y0, x1, y1, word]) => ({ word, across: Math.min(Number(x1) - Number(x0), Number(y1) - Number(y0)) }));
    const pages = xml.split('<page ').slice(1);
    const legend = words(pages.find((p) => p.includes('>(manager</word>'))!).filter((w) => ['reports', '(manager', 'above)', 'influences', 'heavier', 'border,'].includes(w.word));
    expect(legend.length).toBeGreaterThanOrEqual(5);
    const perPoint = Math.max(...legend.map((w) => w.across)) / 9.6;
    const mapPage = pages.find((p) => p.includes('>Hale</word>') && p.includes('>Lowther</word>') && p.includes('>Whitfield</word>'));
    expect(mapPage, 'a page with the map').toBeDefined();
    const sizes = words(mapPage!).map((w) => w.across / perPoint);
    expect(sizes.length).toBeGreaterThan(50);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
  });
});
