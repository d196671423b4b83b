/**
 * Builds the sample site as a team would publish it, under an intranet
 * sub-path, and reads the pages as a reviewer would.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import { buildSite, htmlFiles, readPage, REPO, text, TODAY, type BuildResult } from './build-site.ts';

const BASE = '/plans-site/';
const outDir = join(REPO, 'test/.tmp/site-base');
let build: BuildResult;
const content = checkContent({ root: REPO, today: TODAY });
const published = content.plans.filter((p) => p.data && p.data.status !== 'draft');
const drafts = content.plans.filter((p) => p.data?.status === 'draft');

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  build = buildSite({ outDir, env: { KEYPLAN_BASE: BASE } });
}, 300_000);

describe('the sample site', () => {
  it('builds without errors', () => {
    expect(build.output).not.toMatch(/\berror\b.*:/);
    expect(build.status).toBe(0);
  });

  it('has the portfolio, a page per published plan and per person, and no draft', () => {
    expect(published.length).toBeGreaterThanOrEqual(6);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    for (const plan of published) expect(existsSync(join(outDir, 'plans', plan.id, 'index.html')), plan.id).toBe(true);
    for (const plan of drafts) expect(existsSync(join(outDir, 'plans', plan.id)), plan.id).toBe(false);
    for (const person of content.people) expect(existsSync(join(outDir, 'people', person.id, 'index.html')), person.id).toBe(true);
  });

  it('lists every published plan on the portfolio with what a reviewer checks first', () => {
    const page = readPage(outDir, '');
    const rows = page.querySelectorAll('tbody tr');
    expect(rows.length).toBe(published.length);
    const aldermoor = text(page.querySelector('tr#aldermoor-bank'));
    // Values worked out by hand from content/plans/aldermoor-bank.mdx as of 2026-11-25.
    expect(aldermoor).toContain('Aldermoor Bank');
    expect(aldermoor).toContain('Strategic');
    expect(aldermoor).toContain('Active');
    expect(aldermoor).toContain('Tom Achterberg');
    expect(aldermoor).toContain('Amber 73%');
    expect(aldermoor).toContain('9 Dec 2026');
    expect(aldermoor).toContain('Due soon');
    expect(text(page.querySelector('tr#aldermoor-bank td.num'))).toBe('2');
    for (const draft of drafts) expect(page.toString()).not.toContain(draft.data!.account);
  });

  it('shows a confidential plan on the portfolio only as a link with its name', () => {
    const page = readPage(outDir, '');
    for (const plan of published.filter((p) => p.data!.confidential)) {
      const row = page.querySelector(`tr#${plan.id}`)!;
      expect(row.querySelector('a')!.getAttribute('href')).toBe(`${BASE}plans/${plan.id}/`);
      expect(text(row)).not.toContain(plan.data!.summary);
      expect(text(row)).not.toContain(plan.data!.owner);
    }
  });

  it('shows every section of a plan and gives every item an anchor', () => {
    const page = readPage(outDir, 'plans/aldermoor-bank');
    const headings = page.querySelectorAll('h2').map(text);
    for (const title of ['Mission', 'Strategy', 'Narrative', 'Client profile', 'Our team', 'Key-account selection', 'Goals',
      'Stakeholders', 'Scorecard', 'Risks', 'Actions', 'Whitespace and opportunities', 'Competitors', 'SWOT', 'Changes to the plan']) {
      expect(headings, title).toContain(title);
    }
    const data = content.plans.find((p) => p.id === 'aldermoor-bank')!.data!;
    const items = [data.goals, data.stakeholders, data.scorecard, data.risks, data.actions, data.opportunities, data.competitors]
      .flatMap((list) => (list ?? []).map((item) => item.id));
    expect(items.length).toBeGreaterThan(40);
    for (const id of items) expect(page.getElementById(id), id).not.toBeNull();
    expect(text(page.querySelector('h1'))).toBe('Aldermoor Bank');
    expect(text(page.querySelector('#section_narrative'))).toContain('Fathom & Finch');
    expect(text(page.querySelector('.facts'))).toContain('85 / 100');
  });

  it('flags overdue actions on the plan', () => {
    const page = readPage(outDir, 'plans/aldermoor-bank');
    const overdue = page.querySelectorAll('#section_actions tbody tr').filter((row) => text(row).includes('Overdue'));
    expect(overdue.map((row) => row.id).sort()).toEqual(['cfo-value-review', 'media-audit-offer'].sort());
  });

  it('shows a person and the plans they own', () => {
    const page = readPage(outDir, 'people/tom-achterberg');
    expect(text(page.querySelector('h1'))).toBe('Tom Achterberg');
    const owned = page.querySelectorAll('#section_owns a').map((a) => a.getAttribute('href'));
    expect(owned).toContain(`${BASE}plans/aldermoor-bank/`);
  });

  it('keeps every link inside the base path and every internal link pointing at a page', () => {
    const pages = htmlFiles(outDir);
    expect(pages.length).toBe(published.length + content.people.length + 2);
    for (const file of pages) {
      const page = readPage(outDir, file);
      for (const el of page.querySelectorAll('[href], [src]')) {
        const target = el.getAttribute('href') ?? el.getAttribute('src')!;
        if (target.startsWith('#') || target.startsWith('mailto:')) continue;
        expect(target, `${file}: ${target}`).toMatch(new RegExp(`^${BASE}`));
        const path = target.slice(BASE.length).split('#')[0];
        const exists = existsSync(join(outDir, path)) && (!path.endsWith('/') || existsSync(join(outDir, path, 'index.html')));
        expect(exists, `${file} links to missing ${target}`).toBe(true);
      }
    }
  });
});
