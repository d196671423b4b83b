/**
 * Body components through both Markdown processors: a fixture plan that uses
 * every component with every prop value (test/fixtures/components) is checked
 * and rendered as a build does, and the page gets the same views, in the same
 * places, with the same HTML around them, whichever processor rendered it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BODY_COMPONENTS, isFiltered, type PlacedView } from '../../src/body/components.ts';
import { bodyHtml, type BodyParts } from '../../src/body/parts.ts';
import { buildLinkTargets } from '../../src/links/targets.ts';
import { bodyOnPage } from '../../src/site/placed-views.ts';
import { checkContent } from '../../src/validate/check.ts';
import { PROCESSORS, renderParts } from '../links/render.ts';

const ROOT = join(import.meta.dirname, '../fixtures/components');
const FILE = join(ROOT, 'content/plans/northwind.mdx');
const content = checkContent({ root: ROOT, today: '2026-11-25' });
const targets = buildLinkTargets(content.plans, content.people, { base: '/' });

const views = (parts: BodyParts) => parts.filter((p): p is PlacedView => typeof p !== 'string');

/** Every view of the fixture, in its order, with the props as written. */
const PLACED: PlacedView[] = [
  { name: 'GoalTimeline', props: {} },
  { name: 'GoalTimeline', props: { horizon: 'short' } },
  { name: 'GoalTimeline', props: { horizon: 'medium' } },
  { name: 'GoalTimeline', props: { horizon: 'long' } },
  { name: 'StakeholderMap', props: {} },
  { name: 'StakeholderMap', props: { unit: 'Treasury' } },
  { name: 'Scorecard', props: {} },
  { name: 'Scorecard', props: { perspective: 'financial' } },
  { name: 'Scorecard', props: { perspective: 'client' } },
  { name: 'RiskMatrix', props: {} },
  { name: 'Actions', props: { status: 'all' } },
  { name: 'Actions', props: {} },
  { name: 'Actions', props: { status: 'open' } },
  { name: 'Actions', props: { goal: 'win-treasury' } },
  { name: 'Actions', props: { risk: 'budget-freeze', status: 'all' } },
  { name: 'Whitespace', props: {} },
  { name: 'Swot', props: {} },
  { name: 'Goal', props: { id: 'win-treasury' } },
  { name: 'Measure', props: { id: 'nps' } },
  { name: 'Risk', props: { id: 'budget-freeze' } },
  { name: 'Goal', props: { id: 'cash-pooling' } },
  { name: 'Measure', props: { id: 'revenue' } },
  { name: 'Risk', props: { id: 'key-person' } },
];

describe('the fixture', () => {
  it('is valid, and uses every component and every value of every fixed set', () => {
    expect(content.issues).toEqual([]);
    const used = content.plans[0].outline!.components;
    expect(new Set(used.map((c) => c.name))).toEqual(new Set(Object.keys(BODY_COMPONENTS)));
    for (const [name, spec] of Object.entries(BODY_COMPONENTS)) {
      for (const [prop, p] of Object.entries(spec.props)) {
        const values = p.value.kind === 'one-of' ? p.value.values : [];
        for (const value of values) expect(used.some((c) => c.name === name && c.props[prop] === value), `${name} ${prop}="${value}"`).toBe(true);
      }
    }
  });
});

const rendered = Object.fromEntries(await Promise.all(PROCESSORS.map(async (p) => [p, await renderParts(p, FILE, readFileSync(FILE, 'utf8'), targets)] as const)));

describe.each(PROCESSORS)('components under %s', (processor) => {
  const parts = rendered[processor];
  const html = parse(bodyHtml(parts));

  it('places every view where it is written, with its props, and nothing of the tags is left as text', () => {
    expect(views(parts)).toEqual(PLACED);
    const text = bodyHtml(parts);
    for (const name of Object.keys(BODY_COMPONENTS)) {
      expect(text).not.toContain(`<${name}`);
      expect(text).not.toContain(`&lt;${name}`);
    }
    expect(text).not.toContain('keyplan-view');
  });

  it('puts an inline view inside its sentence', () => {
    const i = parts.findIndex((p) => typeof p !== 'string' && p.name === 'Goal');
    expect((parts[i - 1] as string).endsWith('<p>We must ')).toBe(true);
    expect((parts[i + 1] as string).startsWith('; the client rates us ')).toBe(true);
    // In a quote, too.
    const last = parts.findIndex((p) => typeof p !== 'string' && p.name === 'Risk' && p.props.id === 'key-person');
    expect(parts[last - 1]).toMatch(/<blockquote>\s*<p>A quote with $/);
  });

  it('draws each callout as a labelled box around its Markdown, with inline views inside', () => {
    const callouts = html.querySelectorAll('[data-view="callout"]');
    expect(callouts.map((c) => [c.getAttribute('class'), c.getAttribute('role'), c.querySelector('.callout-kind')?.textContent])).toEqual([
      ['callout callout-note', 'note', 'Note'],
      ['callout callout-note', 'note', 'Note'],
      ['callout callout-decision', 'note', 'Decision needed'],
      ['callout callout-warning', 'note', 'Warning'],
    ]);
    expect(callouts[1].querySelector('strong')?.textContent).toBe('Markdown');
    expect(callouts[1].querySelector('a')?.getAttribute('href')).toBe('#nps');
    expect(callouts[3].querySelector('ul li')?.textContent).toBe('A list, with  in it.');
    // The decision's goal is placed between the parts that open and close its box.
    const goal = parts.findIndex((p) => typeof p !== 'string' && p.name === 'Goal' && p.props.id === 'cash-pooling');
    expect(parts[goal - 1]).toMatch(/callout-decision.*<p>Decide on $/s);
    expect(parts[goal + 1]).toMatch(/^ by March\.<\/p>\s*<\/div>/);
  });
});

describe('both processors', () => {
  it('give the page the same views between the same text', () => {
    const [satteri, unified] = PROCESSORS.map((p) => rendered[p]);
    expect(views(unified)).toEqual(views(satteri));
    const words = (parts: BodyParts) => parts.map((p) => (typeof p === 'string' ? parse(p).textContent.replace(/\s+/g, ' ').trim() : `[${p.name}]`));
    expect(words(unified)).toEqual(words(satteri));
  });
});

describe('on the page', () => {
  const body = bodyOnPage(rendered.satteri);
  const placed = body.parts.filter((p) => typeof p !== 'string');

  it('lets the first unfiltered copy of each block view stand in for its section, and gives every block view an anchor of its own', () => {
    expect(Object.fromEntries(body.standIns)).toEqual({
      GoalTimeline: 'view_goal-timeline', StakeholderMap: 'view_stakeholder-map', Scorecard: 'view_scorecard',
      RiskMatrix: 'view_risk-matrix', Actions: 'view_actions', Whitespace: 'view_whitespace', Swot: 'view_swot',
    });
    expect(placed.filter((v) => v.standsIn).map((v) => v.anchor)).toEqual([...body.standIns.values()]);
    const anchors = placed.flatMap((v) => (v.anchor ? [v.anchor] : []));
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors).toContain('view_goal-timeline_4');
    expect(placed.filter((v) => !v.anchor).map((v) => v.name)).toEqual(['Goal', 'Measure', 'Risk', 'Goal', 'Measure', 'Risk']);
  });

  it('counts open actions only, a horizon, a unit, a perspective, a goal or a risk as filters; status="all" is the whole table', () => {
    expect(isFiltered({ name: 'Actions', props: {} })).toBe(true);
    expect(isFiltered({ name: 'Actions', props: { status: 'all' } })).toBe(false);
    expect(isFiltered({ name: 'Actions', props: { status: 'all', risk: 'x' } })).toBe(true);
    expect(isFiltered({ name: 'GoalTimeline', props: { horizon: 'long' } })).toBe(true);
    expect(isFiltered({ name: 'StakeholderMap', props: { unit: 'Treasury' } })).toBe(true);
    expect(isFiltered({ name: 'Scorecard', props: { perspective: 'client' } })).toBe(true);
    expect(isFiltered({ name: 'Scorecard', props: {} })).toBe(false);
  });

  it('leaves every section its view when the body places only filtered ones', () => {
    const filtered = bodyOnPage([{ name: 'Actions', props: { goal: 'win-treasury' } }, 'text', { name: 'Scorecard', props: { perspective: 'client' } }]);
    expect(filtered.standIns.size).toBe(0);
  });
});
