/**
 * Diagrams at build time: body mermaid blocks rendered by real Chromium, the
 * stakeholder map drawn in Node; ids unique in a page, hostile names inert,
 * nothing fetched from outside, an unchanged diagram never rendered twice;
 * without a browser, the reader's browser draws the mermaid blocks and the
 * map is the same inline SVG; a mermaid mistake stops the build at its line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, planFile, readPage, REPO, scratchProject, text, type BuildResult } from './build-site.ts';

// The stakeholder map of the browser build, to compare with the no-browser build's.
let browserMap: string | undefined;
/** The map's SVG, wherever it is drawn. */
const MAP = '.org-scroll > svg';

// A fresh nonce keeps this run's diagrams out of the shared render cache.
const nonce = `${process.pid}-${Date.now()}`;
const person = 'name: Jane Doe\ntitle: Account Director\n';
const block = `\`\`\`mermaid
flowchart LR
  %% run ${nonce}
  a[Brief] --> b[Pitch] --> c[Contract]
\`\`\``;
// A funnel with a loop back to its start: dagre keeps the step written first at the top (ELK, mermaid 12's
// default, draws this one with "Qualified?" at the bottom); a diagram may still ask for ELK.
const funnel = (config: string) => `\`\`\`mermaid
${config}flowchart TD
  %% run ${nonce}
  lead[New lead] --> qualify{Qualified?}
  qualify -->|yes| brief[Brief]
  qualify -->|no| nurture[Nurture list]
  subgraph Pitch
    brief --> concept[Concept] --> pitch[Pitch day]
  end
  pitch --> won{Won?}
  won -->|yes| contract[Contract] --> kickoff[Kick-off]
  won -->|no| debrief[Debrief] --> nurture
  nurture -.-> lead
\`\`\``;
const plan = (body: string) => planFile({
  account: `Acme ${nonce}`,
  summary: 'A plan with diagrams.',
  stakeholders: [
    `{ id: ceo, name: 'Ana "AJ" <script>alert(1)</script>', title: 'CEO [board] #1 --> x', role: decision-maker, influence: decisive, stance: champion, owner: jane-doe }`,
    "{ id: cfo, name: 'Zoë 王小明 مريم', title: CFO, role: approver, influence: high, stance: skeptic, reportsTo: ceo, owner: jane-doe }",
  ],
}, body);

describe('diagrams rendered in Chromium', () => {
  const root = scratchProject({
    'content/people/jane-doe.yaml': person,
    // The same block twice: the two drawings must still not share an id.
    'content/plans/acme.mdx': plan(`${block}\n\nAnd again:\n\n${block}\n\nThe funnel:\n\n${funnel('')}\n\nDrawn by ELK:\n\n${funnel('---\nconfig:\n  layout: elk\n---\n')}`),
  });
  let first: BuildResult;
  let second: BuildResult;
  beforeAll(() => {
    first = buildSite({ root, outDir: join(root, 'dist') });
    // The second build has no browser: every diagram comes from the cache, so nothing is left to the reader's.
    second = buildSite({ root, outDir: join(root, 'dist'), env: { KEYPLAN_CHROMIUM: 'none' } });
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('renders every mermaid block once, then takes them all from the cache; the map never goes to Chromium', () => {
    expect(first.status).toBe(0);
    // The same block twice is one render; the stakeholder map is not a render job at all.
    expect(first.output).toMatch(/rendered 3 diagrams \(0 cached\)/);
    expect(second.output).toMatch(/rendered 0 diagrams \(3 cached\)/);
    const page = readPage(join(root, 'dist'), 'plans/acme');
    browserMap = page.querySelector(MAP)!.toString();
    expect(readPage(join(root, 'dist'), 'plans/acme').querySelector(MAP)!.toString()).toBe(browserMap);
    expect(second.output).not.toContain('no Chromium found');
    expect(second.output).not.toContain("reader's browser");
  });

  it('says so on an active plan that has no goals', () => {
    const page = readPage(join(root, 'dist'), 'plans/acme');
    expect(text(page.querySelector('.notice'))).toContain('No goals yet. This plan is active but sets no goals');
  });

  it('gives every element of the page its own id, however many diagrams it holds', () => {
    const page = readPage(join(root, 'dist'), 'plans/acme');
    // The two mermaid drawings are images; the map, whose boxes are links, a labelled group.
    expect(page.querySelectorAll('svg[role="img"]').length).toBe(4);
    expect(page.querySelectorAll('svg[role="group"]#kp-stakeholders').length).toBe(1);
    const ids = page.querySelectorAll('[id]').map((el) => el.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
    const drawn = page.querySelectorAll(`.diagram svg, ${MAP}`);
    // The stakeholders section comes before the narrative (a review's order).
    expect(drawn.map((svg) => svg.id)).toEqual(['kp-stakeholders', 'kp-diagram-1', 'kp-diagram-2', 'kp-diagram-3', 'kp-diagram-4']);
    // Styles and markers are scoped to each diagram's own id.
    const style = page.querySelector('#kp-diagram-2 style')!.textContent;
    expect(style).toContain('#kp-diagram-2');
    expect(style).not.toContain('#kp-diagram-1');
  });

  it('lays a flowchart out in the order it is written, unless the diagram asks for another layout', () => {
    const page = readPage(join(root, 'dist'), 'plans/acme');
    /** Each node's label and where it is drawn. */
    const nodes = (id: string) => page.querySelectorAll(`#${id} g.node`).map((node) => {
      const [x, y] = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '')!.slice(1).map(Number);
      return { label: text(node), x, y };
    });
    const dagre = nodes('kp-diagram-3');
    expect(dagre).toHaveLength(10);
    const top = [...dagre].sort((a, b) => a.y - b.y).map((n) => n.label);
    // The funnel reads from its first step down; the loop back to it is drawn beside.
    expect(top.slice(0, 2)).toEqual(['New lead', 'Qualified?']);
    // The same source with `layout: elk` in its own config: the same nodes, drawn elsewhere.
    const elk = nodes('kp-diagram-4');
    expect(elk.map((n) => n.label).sort()).toEqual(dagre.map((n) => n.label).sort());
    expect(elk.map((n) => `${n.label} ${n.x} ${n.y}`).sort()).not.toEqual(dagre.map((n) => `${n.label} ${n.x} ${n.y}`).sort());
  });

  it('announces each diagram as an image with a title and a description', () => {
    const page = readPage(join(root, 'dist'), 'plans/acme');
    for (const svg of page.querySelectorAll(`.diagram svg, ${MAP}`)) {
      const [titleId, descId] = [svg.getAttribute('aria-labelledby'), svg.getAttribute('aria-describedby')];
      expect(text(page.getElementById(titleId!))).not.toBe('');
      expect(text(page.getElementById(descId!))).not.toBe('');
    }
    expect(text(page.querySelector('#kp-stakeholders title'))).toBe(`Stakeholders of Acme ${nonce}`);
  });

  it('shows hostile names as text, runs nothing, and fetches nothing from outside', () => {
    const page = readPage(join(root, 'dist'), 'plans/acme');
    const svg = page.querySelector('#kp-stakeholders')!;
    expect(svg.querySelectorAll('script, foreignObject')).toHaveLength(0);
    // The name wraps inside its box, line by line, each escaped.
    expect(svg.toString()).toContain('>Ana &quot;AJ&quot;</text><text x="22" y="50" font-size="14" font-weight="bold">&lt;script&gt;alert(1)&lt;/scr</text>');
    expect(text(svg)).toContain('CEO [board] #1 --> x');
    expect(text(svg)).toContain('Zoë 王小明 مريم');
    for (const el of page.querySelectorAll(`.diagram svg, ${MAP}`)) {
      // Links within the page (a map's box to its row in the table) are fine.
      const urls = el.toString().match(/(?:href|src)=["'](?!#)[^"']*|url\((?!#)[^)]*\)|@import|https?:\/\/(?!www\.w3\.org\/)\S+/g) ?? [];
      expect(urls).toEqual([]);
    }
    // Search ignores SVG text: the people are listed beside the diagram too.
    expect(text(page.querySelector('.org-chart .visually-hidden'))).toContain('Ana "AJ" <script>alert(1)</script>; CEO [board] #1 --> x');
    // Each box links to its stakeholder's row in the table below.
    expect(svg.querySelectorAll('a[data-stakeholder]').map((a) => [a.getAttribute('data-stakeholder'), a.getAttribute('href')]))
      .toEqual([['ceo', '#ceo'], ['cfo', '#cfo']]);
    expect(page.querySelectorAll('#section_stakeholders tr .item-title[id]').map((h) => h.id)).toEqual(['ceo', 'cfo']);
  });
});

describe('diagrams without a browser', () => {
  // Sources of their own: a cached render would be used even without a browser.
  const root = scratchProject({ 'content/people/jane-doe.yaml': person, 'content/plans/acme.mdx': plan(block).replaceAll(nonce, `${nonce}-none`) });
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ root, outDir: join(root, 'dist'), env: { KEYPLAN_CHROMIUM: 'none', KEYPLAN_BASE: '/kp/' } });
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('still builds, says once how to get build-time diagrams, ships mermaid with the site, and draws the same map', () => {
    expect(build.status).toBe(0);
    expect(build.output.match(/no Chromium found: 1 diagram will render in the reader's browser/g)).toHaveLength(1);
    expect(build.output).toContain('apt-get install chromium');
    const page = readPage(join(root, 'dist'), 'plans/acme');
    expect(page.querySelectorAll('.diagram svg')).toHaveLength(0);
    expect(page.querySelectorAll('pre.mermaid').map((pre) => pre.textContent)).toEqual([
      expect.stringContaining('a[Brief] --> b[Pitch] --> c[Contract]'),
    ]);
    // The map is inline SVG without a browser too, the same as the browser build's (but for the account's name).
    expect(browserMap, 'the browser build ran first').toBeDefined();
    expect(page.querySelector(MAP)!.toString().replaceAll(`${nonce}-none`, nonce)).toBe(browserMap);
    const scripts = [...new Set(page.querySelectorAll('script[src]').map((s) => s.getAttribute('src')))];
    expect(scripts).toEqual(['/kp/_keyplan/mermaid.min.js', '/kp/_keyplan/diagrams.js']);
    expect(existsSync(join(root, 'dist/_keyplan/mermaid.min.js'))).toBe(true);
  });
});

describe('a mermaid mistake', () => {
  const broken = plan('```mermaid\nflowchart LR\n  a[Brief] --> b[Pitch\n  b --> c\n```');
  const root = scratchProject({ 'content/people/jane-doe.yaml': person, 'content/plans/acme.mdx': broken });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // The fence is on line 16. mermaid finds the unclosed bracket at the end of the block and names
  // the line after it; the message points at the block's last line, 19.
  const expected = /^content\/plans\/acme\.mdx:19:1 error body: mermaid: Parse error on line \d+: Expecting .*got '1' \(near "> b\[Pitch {2}b --> c"\) \[keyplan\/mermaid\]$/m;

  it('is an error of npm run check at the line mermaid names', () => {
    const run = spawnSync(process.execPath, [join(REPO, 'src/cli/check.ts'), '--root', root], { encoding: 'utf8' });
    expect(run.stdout).toMatch(expected);
    expect(run.status).toBe(1);
  }, 120_000);

  it('stops the build with the same message', () => {
    const build = buildSite({ root, outDir: join(root, 'dist') });
    expect(build.status).toBe(1);
    expect(build.output).toMatch(expected);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  }, 300_000);
});
