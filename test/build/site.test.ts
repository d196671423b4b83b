/**
 * Builds the sample site as a team would publish it, under an intranet
 * sub-path, and reads the pages as a reviewer would.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import { buildSite, htmlFiles, readPage, REPO, text, TODAY, type BuildResult } from './build-site.ts';

const BASE = '/plans-site/';
const outDir = join(REPO, 'test/.tmp/site-base');
let build: BuildResult;
const content = checkContent({ root: REPO, today: TODAY });
/** The published plans of the public site; restricted ones (an audience, or confidential) are in their groups' areas. */
const published = content.plans.filter((p) => p.data && p.data.status !== 'draft' && !p.data.audience);
const restricted = content.plans.filter((p) => p.data && p.data.status !== 'draft' && p.data.audience);
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

  it('tells the editor which schema every plan and person file follows', () => {
    const dir = join(REPO, '.astro/collections');
    const manifest = JSON.parse(readFileSync(join(dir, 'collections.json'), 'utf8')) as { entries: Record<string, string> };
    const collectionOf = (file: string) => manifest.entries[pathToFileURL(join(REPO, file)).href.toLowerCase()];
    for (const plan of content.plans) expect(collectionOf(plan.source.file), plan.source.file).toBe('plans');
    for (const person of content.people) expect(collectionOf(person.source.file), person.source.file).toBe('people');
    const schema = JSON.parse(readFileSync(join(dir, 'plans.schema.json'), 'utf8')) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['account', 'summary', 'status', 'tier', 'owner', 'period', 'review']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['account', 'goals', 'stakeholders', 'scorecard', 'risks', 'actions']));
  });

  it('has the portfolio, a page per published plan and per person, and no draft', () => {
    expect(published.length).toBeGreaterThanOrEqual(6);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    for (const plan of published) expect(existsSync(join(outDir, 'plans', plan.id, 'index.html')), plan.id).toBe(true);
    for (const plan of drafts) expect(existsSync(join(outDir, 'plans', plan.id)), plan.id).toBe(false);
    expect(restricted.length).toBe(2);
    for (const plan of restricted) {
      expect(existsSync(join(outDir, 'plans', plan.id)), plan.id).toBe(false);
      for (const group of plan.data!.audience!) {
        expect(existsSync(join(outDir, 'restricted', group, 'plans', plan.id, 'index.html')), `${group}: ${plan.id}`).toBe(true);
        expect(existsSync(join(outDir, 'restricted', group, 'plans', plan.id, 'scorecard', 'index.html')), `${group}: ${plan.id}`).toBe(true);
      }
    }
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
    // Coverage, completeness, overdue goals, overdue actions: the four number columns.
    expect(page.querySelectorAll('tr#aldermoor-bank td.num').map(text)).toEqual(['100%', '100%', '0', '2']);
    for (const draft of drafts) expect(page.toString()).not.toContain(draft.data!.account);
  });

  it('counts restricted plans on the portfolio, naming none; each area has a portfolio of its own plans', () => {
    const page = readPage(outDir, '');
    expect(text(page.querySelector('.lead'))).toContain(`${published.length} account plans, and 2 restricted plans that only their groups can open.`);
    for (const plan of restricted) expect(page.toString()).not.toContain(plan.data!.account);
    const finance = readPage(outDir, 'restricted/finance');
    expect(finance.querySelectorAll('tbody tr').map((tr) => tr.id)).toEqual(['halvard-capital']);
    expect(finance.querySelector('tr#halvard-capital a')!.getAttribute('href')).toBe(`${BASE}restricted/finance/plans/halvard-capital/`);
    expect(text(finance.querySelector('.area-banner'))).toContain('Finance area: restricted to the finance group.');
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
    // The row's anchor is its title heading (each item is its own search result).
    expect(overdue.map((row) => row.querySelector('.item-title')!.id).sort()).toEqual(['cfo-value-review', 'media-audit-offer'].sort());
  });

  it('shows a person and the plans they own', () => {
    const page = readPage(outDir, 'people/tom-achterberg');
    expect(text(page.querySelector('h1'))).toBe('Tom Achterberg');
    const owned = page.querySelectorAll('#section_owns a').map((a) => a.getAttribute('href'));
    expect(owned).toContain(`${BASE}plans/aldermoor-bank/`);
  });

  it('exports published public plans as JSON and their actions as CSV, naming nothing restricted; each area exports its own', () => {
    const exported = JSON.parse(readFileSync(join(outDir, 'data/plans.json'), 'utf8'));
    const expectedIds = published.map((p) => p.id).sort();
    expect(exported.plans.map((p: { id: string }) => p.id).sort()).toEqual(expectedIds);
    const aldermoor = exported.plans.find((p: { id: string }) => p.id === 'aldermoor-bank');
    expect(aldermoor.computed.health.band).toBe('amber');
    expect(aldermoor.computed.overdueActions).toBe(2);
    const csv = readFileSync(join(outDir, 'data/actions.csv'), 'utf8');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe('plan,account,id,title,owner,status,overdue,start,due,goal,risk,effort_days,budget,currency,buffer_days,repeats,depends_on,goal_overdue,plan_coverage,plan_completeness');
    expect(rows).toHaveLength(exported.plans.reduce((n: number, p: { actions: unknown[] }) => n + p.actions.length, 0));
    expect(rows).toContain('aldermoor-bank,Aldermoor Bank,media-audit-offer,Offer Adrian Cole a no-fee media efficiency audit,erik-jansen,planned,yes,2026-10-19,2026-11-14,win-media-buying,media-pitch-loss,8,,,,once,,no,1,1');
    for (const plan of restricted) {
      for (const needle of [plan.id, plan.data!.account]) {
        expect(JSON.stringify(exported)).not.toContain(needle);
        expect(csv).not.toContain(needle);
      }
    }
    // The public plan that depends on a restricted goal exports the dependency it may name only.
    const asset = exported.plans.find((p: { id: string }) => p.id === 'castellan-asset');
    expect(asset.goals.find((g: { id: string }) => g.id === 'reporting-managed-service').dependsOn).toEqual(['sfdr-reporting-mvp']);
    const area = JSON.parse(readFileSync(join(outDir, 'restricted/leadership/data/plans.json'), 'utf8'));
    expect(area.plans.map((p: { id: string }) => p.id)).toEqual(['halvard-capital']);
    expect(readFileSync(join(outDir, 'restricted/leadership/data/actions.csv'), 'utf8')).toContain('halvard-capital,Halvard Capital Partners,');
  });

  it('names nothing confidential in the review calendar, the change feed or anyone\'s calendar', () => {
    const files = ['reviews.ics', 'changes.xml', ...content.people.map((p) => `people/${p.id}/calendar.ics`)];
    const confidential = restricted;
    expect(confidential.length).toBeGreaterThan(0);
    for (const file of files) {
      const body = readFileSync(join(outDir, file), 'utf8');
      for (const plan of [...confidential, ...drafts]) {
        for (const needle of [plan.id, plan.data!.account, ...(plan.data!.goals ?? []).map((g) => g.title), ...(plan.data!.actions ?? []).map((a) => a.title)]) {
          expect(body.includes(needle), `${needle} in ${file}`).toBe(false);
        }
      }
    }
    // The public plans are there: the check above has something to miss.
    expect(readFileSync(join(outDir, 'reviews.ics'), 'utf8')).toContain('Aldermoor Bank');
  });

  it('lists reviews overdue and due within 30, 60 and 90 days, each with its digest', () => {
    const page = readPage(outDir, 'reviews');
    const group = (id: string) => page.querySelectorAll(`#${id} article h3`).map(text);
    // Next reviews in the sample, against 25 Nov 2026: Brennik 10 Nov (overdue); Castellan Asset 1 Dec,
    // Larkspur 2 Dec, Aldermoor 9 Dec, Osterby 15 Dec (within 30 days); Castellan group 12 Jan, Kestrel 15 Jan (31-60).
    expect(group('overdue')).toEqual(['Brennik Werke AG']);
    expect(group('next-30')).toEqual(['Castellan Asset Management', 'Larkspur Home & Living', 'Aldermoor Bank', 'Osterby Dental Group']);
    expect(group('next-60')).toEqual(expect.arrayContaining(['Castellan Insurance Group', 'Kestrel Mobile']));
    for (const card of page.querySelectorAll('article.review-card details')) expect(text(card.querySelector('summary'))).toBe('Since the last review');
  });

  it('shows what changed since the last review, from the plan file\'s git history', () => {
    const digest = text(readPage(outDir, 'plans/aldermoor-bank').querySelector('#section_digest'));
    // A shallow clone lacks the September commit: then the page says so instead.
    if (digest.includes('shallow')) {
      expect(digest).toContain('fetch it with git fetch --unshallow');
    } else {
      expect(digest).toContain('Since the last review on 9 Sept 2026, compared with the plan as committed on 8 Sept 2026.');
      expect(digest).toContain('Win the consolidated media planning and buying brief: on track → at risk');
      expect(digest).toContain('Fee income year to date: 2,890,000 GBP → 3,950,000 GBP');
      expect(digest).toContain('Graham Lowther: neutral → skeptic');
    }
  });

  it('gives every element id once per page', () => {
    for (const file of htmlFiles(outDir)) {
      const ids = readPage(outDir, file).querySelectorAll('[id]').map((el) => el.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), file).toEqual([]);
    }
  });

  it('shows what refers to a plan, each entry linking back to the exact place', () => {
    const group = readPage(outDir, 'plans/castellan-group');
    const refs = group.querySelectorAll('#section_references li');
    const entries = refs.map((li) => ({ text: text(li), hrefs: li.querySelectorAll('a').map((a) => a.getAttribute('href')) }));
    expect(entries).toEqual(expect.arrayContaining([
      { text: 'Aldermoor Bank lists this plan as related', hrefs: [`${BASE}plans/aldermoor-bank/`] },
      { text: 'Castellan Asset Management is a subsidiary of this account', hrefs: [`${BASE}plans/castellan-asset/`] },
      { text: 'Castellan Asset Management: narrative links to Sign a group master services agreement covering all subsidiaries',
        hrefs: [`${BASE}plans/castellan-asset/#context`, '#group-msa'] },
      { text: 'Castellan Asset Management: narrative links to Deliver the group brand architecture',
        hrefs: [`${BASE}plans/castellan-asset/#where-we-stand`, '#brand-architecture'] },
      { text: 'Castellan Asset Management: Align the platform with the group data framework depends on Agree a group data and analytics framework',
        hrefs: [`${BASE}plans/castellan-asset/#align-group-data`, '#group-data-framework'] },
    ]));
    expect(entries).toHaveLength(6);
    // The goal shows what it blocks in the other plan.
    expect(text(group.querySelector('#group-data-framework')!.closest('tr'))).toContain('Blocks Align the platform with the group data framework (Castellan Asset Management)');
    const kestrel = readPage(outDir, 'plans/kestrel-mobile');
    expect(kestrel.querySelectorAll('#section_references a').map((a) => a.getAttribute('href')))
      .toContain(`${BASE}plans/aldermoor-bank/#what-we-will-do`);
  });

  it('shows the account hierarchy from both sides', () => {
    const child = readPage(outDir, 'plans/castellan-asset');
    expect(child.querySelectorAll('.breadcrumb a').map(text)).toEqual(['Portfolio', 'Castellan Insurance Group']);
    const parent = readPage(outDir, 'plans/castellan-group');
    expect(text(parent.querySelector('.facts:nth-of-type(2)'))).toContain('Subsidiary plans Castellan Asset Management');
    expect(text(parent)).toContain('Related plans Aldermoor Bank');
    expect(text(readPage(outDir, 'plans/aldermoor-bank'))).toContain('Related plans Castellan Insurance Group');
  });

  it('shows everything a person holds across plans, flagging overdue actions and over-allocation', () => {
    const ravi = readPage(outDir, 'people/ravi-menon');
    expect(text(ravi.querySelector('#section_teams tfoot'))).toBe('Total 115% (over 100%)');
    expect(text(ravi.querySelector('.facts'))).toMatch(/Allocated 115% of their time \W*Over 100%/);
    const tom = readPage(outDir, 'people/tom-achterberg');
    const sections = tom.querySelectorAll('section h2').map(text);
    expect(sections).toEqual(expect.arrayContaining(['Plans owned', 'Account teams', 'Actions', 'Goals', 'Risks', 'Client relationships']));
    const erik = readPage(outDir, 'people/erik-jansen');
    const overdue = erik.querySelectorAll('#section_actions tbody tr').filter((tr) => text(tr).includes('Overdue')).map(text);
    expect(overdue).toEqual([expect.stringContaining('Offer Adrian Cole a no-fee media efficiency audit')]);
  });

  it('keeps every link inside the base path, pointing at a page that exists and an element with the fragment\'s id', () => {
    const pages = htmlFiles(outDir);
    const expected = ['index.html', '404.html', 'people/index.html', 'timeline/index.html', 'risks/index.html',
      'scorecards/index.html', 'scorecards/tier/index.html', 'scorecards/owner/index.html', 'scorecards/industry/index.html', 'attention/index.html',
      ...published.map((p) => `plans/${p.id}/index.html`), ...published.map((p) => `plans/${p.id}/scorecard/index.html`),
      ...content.people.map((p) => `people/${p.id}/index.html`),
      ...restricted.flatMap((p) => p.data!.audience!.flatMap((g) => [`restricted/${g}/index.html`, `restricted/${g}/plans/${p.id}/index.html`]))];
    expect(pages).toEqual(expect.arrayContaining(expected));
    const ids = new Map<string, Set<string>>();
    const idsOf = (page: string) => {
      if (!ids.has(page)) ids.set(page, new Set(readPage(outDir, page).querySelectorAll('[id]').map((el) => el.id)));
      return ids.get(page)!;
    };
    let checked = 0;
    for (const file of pages) {
      const page = readPage(outDir, file);
      const here = file.replace(/index\.html$/, '');
      for (const el of page.querySelectorAll('[href], [src]')) {
        const target = el.getAttribute('href') ?? el.getAttribute('src')!;
        if (target.startsWith('mailto:')) continue;
        expect(target, `${file}: ${target}`).toMatch(target.startsWith('#') ? /^#./ : new RegExp(`^${BASE}`));
        const [path, fragment] = target.startsWith('#') ? [here, target.slice(1)] : target.slice(BASE.length).split('#');
        const exists = existsSync(join(outDir, path)) && (!path.endsWith('/') && path !== '' || existsSync(join(outDir, path, 'index.html')));
        expect(exists, `${file} links to missing ${target}`).toBe(true);
        if (fragment !== undefined) expect(idsOf(path).has(decodeURIComponent(fragment)), `${file} links to ${target}: no element with that id`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
