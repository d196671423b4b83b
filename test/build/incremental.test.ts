/**
 * Astro's incremental build with Keyplan's page keys (src/snapshot/page-keys.ts): a
 * build with nothing changed reuses the last build's pages and search index;
 * a change renders every page that shows anything of it, even a page that only
 * names the changed file, and reuses the rest, so no page is ever left stale.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../e2e/search-site.ts';
import { buildSite, planFile, readPage, scratchProject, text, type BuildResult } from './build-site.ts';

const plan = (id: string, account: string, body: string) => planFile({
  account,
  summary: `Plan ${id}.`,
  stakeholders: ['{ id: cfo, name: Ola Berg, title: CFO, role: approver, influence: high, stance: neutral, owner: sam-lee }'],
}, body);

describe('builds with nothing changed, and with one file changed', () => {
  const root = scratchProject({
    'content/people/jane-doe.yaml': 'name: Jane Doe\ntitle: Account Director\n',
    'content/people/sam-lee.yaml': 'name: Sam Lee\ntitle: Client Partner\n',
    // On Eastfield's plan only.
    'content/people/kim-ode.yaml': 'name: Kim Ode\ntitle: Client Partner\n',
    // On Southgate's plan only, which links to Northwind's.
    'content/people/lia-moss.yaml': 'name: Lia Moss\ntitle: Client Partner\n',
    'content/plans/north.mdx': plan('north', 'Northwind Foods', 'We work with the CFO.'),
    'content/plans/south.mdx': plan('south', 'Southgate Retail', 'See [](plan:north) for the group view.').replace('owner: sam-lee', 'owner: lia-moss'),
    'content/plans/east.mdx': plan('east', 'Eastfield Mills', 'A plan of its own.').replace('owner: sam-lee', 'owner: kim-ode'),
    // Restricted: its pages are in the board's area, and it names Northwind.
    'content/plans/west.mdx': plan('west', 'Westmoor Holdings', 'Westmoor owns part of [](plan:north).').replace('status: active', 'status: active\naudience: [board]'),
  });
  const dist = join(root, 'dist');
  const build = () => {
    rmSync(dist, { recursive: true, force: true });
    return buildSite({ root, outDir: dist });
  };
  let first: BuildResult;
  let unchanged: BuildResult;
  let renamed: BuildResult;
  let renamedPlan: BuildResult;
  let retitled: BuildResult;
  let tiedRetitled: BuildResult;
  let reusedTitle = '';
  let renamedOwner = '';
  let renamedIndex = '';
  beforeAll(() => {
    first = build();
    unchanged = build();
    reusedTitle = text(readPage(dist, 'plans/north').querySelector('h1'));
    writeFileSync(join(root, 'content/people/sam-lee.yaml'), 'name: Samira Lee\ntitle: Client Partner\n');
    renamed = build();
    renamedOwner = text(readPage(dist, 'plans/north').querySelector('#section_stakeholders'));
    const north = join(root, 'content/plans/north.mdx');
    writeFileSync(north, readFileSync(north, 'utf8').replace('account: Northwind Foods', 'account: Northwind Group'));
    renamedPlan = build();
    renamedIndex = bundleFiles(join(dist, 'pagefind')).filter((f) => f.path.startsWith('fragment/')).map((f) => f.text).join('\n');
    writeFileSync(north, readFileSync(north, 'utf8').replace('title: CFO', 'title: Chief Financial Officer'));
    retitled = build();
    const south = join(root, 'content/plans/south.mdx');
    writeFileSync(south, readFileSync(south, 'utf8').replace('title: CFO', 'title: Finance Director'));
    tiedRetitled = build();
  }, 420_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const restored = (result: BuildResult) => (result.output.match(/\(restored\)/g) ?? []).length;

  // The index: eight public pages (three plans, four people, the portfolio) in pagefind/, the area's two in restricted/board/pagefind/.
  it('renders everything the first time', () => {
    expect(first.status, first.output).toBe(0);
    expect(restored(first)).toBe(0);
    expect(first.output).toMatch(/indexed 10 pages in [\d.]+s, alongside rendering/);
  });

  it('reuses every plan and person page, and the search index, when nothing changed', () => {
    expect(unchanged.status, unchanged.output).toBe(0);
    // Three plan pages, three scorecards, four people pages and their calendars, three scorecard views; in the area,
    // the plan page and scorecard, the portfolio, the search page and the two export files (the area's routes all
    // carry page keys).
    expect(restored(unchanged)).toBe(23);
    expect(unchanged.output).toMatch(/\/people\/jane-doe\/calendar\.ics\s*\(restored\)/);
    expect(unchanged.output).toMatch(/\/restricted\/board\/plans\/west\/index\.html\s*\(restored\)/);
    expect(unchanged.output).toMatch(/indexed 10 pages in [\d.]+s: every page is as in the last build, so its index was reused/);
    expect(reusedTitle).toBe('Northwind Foods');
  });

  it('renders every page again when a person a plan only names is renamed', () => {
    expect(renamed.status, renamed.output).toBe(0);
    expect(restored(renamed)).toBe(0);
    expect(renamed.output).toMatch(/indexed 10 pages in [\d.]+s, alongside rendering/);
    expect(renamedOwner).toContain('Samira Lee');
    expect(renamedOwner).not.toContain('Sam Lee');
  });

  it('renders the renamed plan and the plans tied to it again, and reuses the rest', () => {
    expect(renamedPlan.status, renamedPlan.output).toBe(0);
    // Eastfield's plan page and scorecard, the page and calendar of Kim Ode, who is on Eastfield's plan only, and
    // those of Lia Moss, who is on Southgate's plan only: Southgate's page shows Northwind's name, but a person's
    // page shows only their plans' own facts. Nothing on them shows Northwind.
    expect(restored(renamedPlan)).toBe(6);
    expect(renamedPlan.output).toMatch(/\/people\/kim-ode\/calendar\.ics\s*\(restored\)/);
    expect(renamedPlan.output).toMatch(/\/people\/lia-moss\/index\.html\s*\(restored\)/);
    expect(renamedPlan.output).toMatch(/\/people\/lia-moss\/calendar\.ics\s*\(restored\)/);
    expect(renamedPlan.output).not.toMatch(/\/plans\/south\/index\.html\s*\(restored\)/);
    expect(text(readPage(dist, 'people/lia-moss'))).toContain('Southgate Retail');
    // Jane Doe owns Northwind's plan: her calendar's review of it is written again, under the new name.
    expect(readFileSync(join(dist, 'people/jane-doe/calendar.ics'), 'utf8')).toContain('Northwind Group');
    expect(renamedPlan.output).toMatch(/\/plans\/east\/index\.html\s*\(restored\)/);
    expect(renamedPlan.output).toMatch(/\/plans\/east\/scorecard\/index\.html\s*\(restored\)/);
    expect(renamedPlan.output).toMatch(/\/people\/kim-ode\/index\.html\s*\(restored\)/);
    // Sam Lee holds a relationship on Northwind's plan: his page is rendered again.
    expect(renamedPlan.output).not.toMatch(/\/people\/sam-lee\/index\.html\s*\(restored\)/);
    expect(text(readPage(dist, 'people/sam-lee'))).toContain('Northwind Group');
    // The index is written again, from the start of the build: the three pages Astro reused (Eastfield's, Kim Ode's, Lia Moss's)
    // went in from the search cache's copies while the rest rendered, and they are in it as they are on disk.
    expect(renamedPlan.output).toMatch(/indexed 10 pages in [\d.]+s, alongside rendering \([\d.]+s after the last page\), 3 of them as Astro reused them \(all from the search cache's copies/);
    expect(renamedIndex).toContain('Northwind Group');
    expect(renamedIndex).not.toContain('Northwind Foods');
    expect(renamedIndex).toContain('A plan of its own.');
    expect(renamedIndex).toContain('Kim Ode');
    expect(text(readPage(dist, 'plans/south').querySelector('#section_narrative'))).toContain('See Northwind Group for the group view.');
    // The restricted plan that names Northwind is rendered again in its area.
    expect(renamedPlan.output).not.toMatch(/\/restricted\/board\/plans\/west\/index\.html\s*\(restored\)/);
    expect(text(readPage(dist, 'restricted/board/plans/west').querySelector('#section_narrative'))).toContain('Westmoor owns part of Northwind Group.');
    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(index).toContain('Northwind Group');
  });

  it('renders the people whose items changed again, not everyone on the plan', () => {
    expect(retitled.status, retitled.output).toBe(0);
    // Sam Lee holds the relationship with Northwind's CFO, whose title changed: his page shows it.
    expect(retitled.output).not.toMatch(/\/people\/sam-lee\/index\.html\s*\(restored\)/);
    expect(text(readPage(dist, 'people/sam-lee').querySelector('#section_relationships'))).toContain('Chief Financial Officer');
    // Jane Doe owns the plan, but her page and calendar show its account, status, review and health, which are as they were.
    expect(retitled.output).toMatch(/\/people\/jane-doe\/index\.html\s*\(restored\)/);
    expect(retitled.output).toMatch(/\/people\/jane-doe\/calendar\.ics\s*\(restored\)/);
    expect(text(readPage(dist, 'people/jane-doe'))).toContain('Northwind Group');
    expect(retitled.output).not.toMatch(/\/plans\/north\/index\.html\s*\(restored\)/);
  });

  it('reuses the pages of a plan tied to the edited one when they show nothing that changed', () => {
    expect(tiedRetitled.status, tiedRetitled.output).toBe(0);
    expect(tiedRetitled.output).not.toMatch(/\/plans\/south\/index\.html\s*\(restored\)/);
    // Northwind's page lists Southgate's plan among those that refer to it, by its account, which stayed; the
    // title of Southgate's CFO is on no page of Northwind's.
    expect(tiedRetitled.output).toMatch(/\/plans\/north\/index\.html\s*\(restored\)/);
    expect(tiedRetitled.output).toMatch(/\/plans\/north\/scorecard\/index\.html\s*\(restored\)/);
    expect(text(readPage(dist, 'plans/north').querySelector('#section_references'))).toContain('Southgate Retail');
  });
});
