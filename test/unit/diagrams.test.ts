/** The stakeholder map, placing and compacting mermaid's SVGs, and the geometry of goal timelines. */
import { describe, expect, it } from 'vitest';
import { compactSvg } from '../../src/diagrams/compact.ts';
import { placeSvg } from '../../src/diagrams/place.ts';
import { stakeholderMap, stakeholderMapHtml } from '../../src/diagrams/stakeholders.ts';
import { textWidth, wrap } from '../../src/diagrams/org-chart.ts';
import { layoutTimeline, scaleDate } from '../../src/diagrams/timeline.ts';
import type { Stakeholder } from '../../src/schema/stakeholder.ts';

const person = (id: string, name: string, extra: Partial<Stakeholder> = {}): Stakeholder =>
  ({ id, name, title: 'Director', role: 'approver', influence: 'medium', stance: 'neutral', ...extra });

describe('stakeholder map', () => {
  const hostile = [
    person('ceo', 'Ana "AJ" <script>alert(1)</script>', { role: 'decision-maker', influence: 'decisive', stance: 'champion', owner: 'jane' }),
    person('cfo', 'Bob ]] --> x((evil)) #lt; ; classDef a', { reportsTo: 'ceo', influences: ['buyer'], stance: 'skeptic', influence: 'high' }),
    person('buyer', 'مريم 王小明 Zoë', { reportsTo: 'ceo', stance: 'blocker', contactOverdue: true } as Partial<Stakeholder>),
  ];
  const map = stakeholderMap('Acme "Bank"', hostile, (id) => (id === 'jane' ? 'Jane Doe' : undefined))!;
  const html = stakeholderMapHtml(map, 'kp-stakeholders');
  const box = (id: string) => map.layout.boxes.find((b) => b.person.id === id)!;

  it('draws everyone below their manager, with a connector for each reporting line', () => {
    for (const id of ['cfo', 'buyer']) expect(box(id).y).toBeGreaterThanOrEqual(box('ceo').y + box('ceo').height);
    expect(map.layout.reporting).toHaveLength(2);
    expect(map.layout.influence.map((l) => l.id)).toEqual(['cfo->buyer']);
  });

  it('puts people who report to nobody at the top, most influential first, and never moves a box for influence', () => {
    const people = [person('a', 'A', { influence: 'low' }), person('b', 'B', { influence: 'decisive' }), person('c', 'C', { reportsTo: 'a', influences: ['b'] })];
    const layout = stakeholderMap('X', people, () => undefined)!.layout;
    const [a, b, c] = ['a', 'b', 'c'].map((id) => layout.boxes.find((x) => x.person.id === id)!);
    expect(a.y).toBe(b.y);
    expect(b.x).toBeLessThan(a.x);
    expect(c.y).toBeGreaterThan(a.y + a.height);
    const without = stakeholderMap('X', people.map((p) => ({ ...p, influences: undefined })), () => undefined)!.layout;
    expect(without.boxes.map((x) => [x.x, x.y])).toEqual(layout.boxes.map((x) => [x.x, x.y]));
  });

  it('lays out a plan without reporting lines as a grid that fits the column, ordered by influence', () => {
    const people = Array.from({ length: 9 }, (_, i) => person(`p${i}`, `P${i}`, { influence: i === 8 ? 'decisive' : 'low' }));
    const layout = stakeholderMap('X', people, () => undefined)!.layout;
    expect(layout.width).toBeLessThanOrEqual(1000);
    expect(layout.boxes.find((b) => b.person.id === 'p8')).toMatchObject({ x: 8, y: 8 });
    expect(new Set(layout.boxes.map((b) => b.y)).size).toBeGreaterThan(1);
    expect(layout.reporting).toEqual([]);
  });

  it('stacks a manager\'s leaf reports in one column, keeping a wide level narrow', () => {
    const people = [person('m', 'M'), ...Array.from({ length: 6 }, (_, i) => person(`r${i}`, `R${i}`, { reportsTo: 'm' }))];
    const layout = stakeholderMap('X', people, () => undefined)!.layout;
    expect(new Set(layout.boxes.filter((b) => b.person.id !== 'm').map((b) => b.x)).size).toBe(1);
    expect(layout.width).toBeLessThan(300);
  });

  it('wraps long names and titles inside the box, breaking a word too long for a line', () => {
    const long = person('l', 'Maximiliana Wolfeschlegelsteinhausenbergerdorff', { title: 'Senior Vice President of Global Procurement and Supplier Relationship Management' });
    const b = stakeholderMap('X', [long], () => undefined)!.layout.boxes[0];
    expect(b.lines.filter((l) => l.weight === 'bold').length).toBeGreaterThan(1);
    for (const line of b.lines) expect(textWidth(line.text, line.size, line.weight)).toBeLessThanOrEqual(b.width - 28);
    expect(b.lines.at(-1)!.y).toBeLessThan(b.height);
    expect(wrap('Head of Sales', 1000, 13)).toEqual(['Head of Sales']);
  });

  it('says name, title, role, influence, stance, owner and relationship, and flags what to act on', () => {
    const words = [person('k', 'Kim', { influence: 'high', stance: 'supporter', role: 'approver', relationship: 'trusted-advisor', owner: 'jane' }),
      person('n', 'Nia', { influence: 'decisive' }), person('o', 'Oli', { influence: 'low', contactOverdue: true } as Partial<Stakeholder>)];
    const m = stakeholderMap('X', words, (id) => (id === 'jane' ? 'Jane Doe' : undefined))!;
    const lines = (id: string) => m.layout.boxes.find((b) => b.person.id === id)!.lines.map((l) => l.text).join(' ');
    expect(lines('k')).toBe('Kim Director Approver, high influence Supporter Owner: Jane Doe, trusted advisor');
    expect(lines('n')).toContain('⚠ Decisive influence, no owner');
    expect(lines('o')).toContain('⚠ Contact overdue');
    expect(lines('o')).not.toContain('no owner');
    expect(m.text[0]).toBe('Kim; Director; Approver, high influence; Supporter; Owner: Jane Doe, trusted advisor');
  });

  it('links each box to its row, shows hostile names as text, and writes the same bytes every time', () => {
    expect(html).toContain('<a href="#ceo" data-stakeholder="ceo" class="org-box">');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|foreignObject|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('<ul class="visually-hidden"><li>Ana &quot;AJ&quot; &lt;script&gt;');
    expect(html).toContain('<title id="kp-stakeholders-title">Stakeholders of Acme &quot;Bank&quot;</title>');
    expect(stakeholderMapHtml(stakeholderMap('Acme "Bank"', hostile, (id) => (id === 'jane' ? 'Jane Doe' : undefined))!, 'kp-stakeholders')).toBe(html);
  });

  it('draws nothing for a plan without stakeholders', () => {
    expect(stakeholderMap('Acme', [], () => undefined)).toBeUndefined();
  });
});

describe('placing an SVG', () => {
  const rendered = '<svg id="KEYPLANDIAGRAM" role="graphics-document document" aria-roledescription="flowchart-v2"><style>#KEYPLANDIAGRAM .node{}</style><g><marker id="KEYPLANDIAGRAM_flowchart-v2-pointEnd"/></g></svg>';
  it('gives each placement its own ids, the img role, a title and a description', () => {
    const a = placeSvg(rendered, 'kp-a', 'First', 'One & two');
    const b = placeSvg(rendered, 'kp-b', 'Second', 'Three');
    expect(a).toBe('<svg aria-labelledby="chart-title-kp-a" aria-describedby="chart-desc-kp-a" role="img" id="kp-a"><title id="chart-title-kp-a">First</title><desc id="chart-desc-kp-a">One &amp; two</desc><style>#kp-a .node{}</style><g><marker id="kp-a_flowchart-v2-pointEnd"/></g></svg>');
    expect(b).toContain('id="kp-b_flowchart-v2-pointEnd"');
    expect(b).not.toContain('kp-a');
  });
});

describe('compacting a rendered SVG', () => {
  it('rounds geometry to hundredths, keeping numbers that run together apart', () => {
    expect(compactSvg('<svg viewBox="4 4 1628.1414794921875 1064.4000244140625" style="max-width: 1628.1414794921875px;">'
      + '<g transform="translate(835.1758193969727, -0.0001)"><path d="M1.999.5L-3.14159,2.5e-7"></path></g></svg>'))
      .toBe('<svg viewBox="4 4 1628.14 1064.4" style="max-width: 1628.14px;"><g transform="translate(835.18, 0)"><path d="M2 0.5L-3.14,0"></path></g></svg>');
  });

  it('leaves text, links, ids and the stylesheet exactly as they were', () => {
    const svg = '<svg id="d-1.5"><style>#d-1.5 .node{stroke-width:1.33333px}</style><a href="https://wiki.example/v1.2345.6">'
      + '<text x="1.23456" aria-label="Budget 1.23456"><tspan>Revenue 1.23456 m</tspan></text></a></svg>';
    expect(compactSvg(svg)).toBe(svg.replace('x="1.23456"', 'x="1.23"'));
  });

  it('draws a curve whose control points lie on its chord as a line, and an outline stroked twice once', () => {
    // Two strokes of the same two segments, as rough.js draws an outline; control points on the chord.
    const twice = 'M0 0 C3 0, 6 0, 10 0 M0 0 C2 0.1, 7 0, 10 0 M10 0 C10 3, 10.2 6, 10 10 M10 0 C10 2, 10 8, 10 10';
    expect(compactSvg(`<path d="${twice}" fill="none"></path>`)).toBe('<path d="M0 0 L10 0 L10 10" fill="none"></path>');
    // A filled shape keeps its subpaths; a real bend stays a curve; other commands are left alone.
    expect(compactSvg(`<path d="${twice}" fill="#eee"></path>`)).toBe('<path d="M0 0 L10 0 M0 0 L10 0 M10 0 L10 10 M10 0 L10 10" fill="#eee"></path>');
    expect(compactSvg('<path d="M0 0 C0 5, 5 10, 10 10" fill="none"></path>')).toBe('<path d="M0 0 C0 5, 5 10, 10 10" fill="none"></path>');
    expect(compactSvg('<path d="M0 0 L5 5 C6 5, 7 5, 8 5Z"></path>')).toBe('<path d="M0 0 L5 5 C6 5, 7 5, 8 5Z"></path>');
  });

  it('keeps one text span per line of a label, not one per word', () => {
    const inner = (word: string) => `<tspan font-style="normal" class="text-inner-tspan" font-weight="normal">${word}</tspan>`;
    expect(compactSvg(`<text><tspan class="text-outer-tspan row">${inner('Head')}${inner(' of')}${inner(' Sales')}</tspan></text>`))
      .toBe(`<text><tspan class="text-outer-tspan row">${inner('Head of Sales')}</tspan></text>`);
  });

  it('drops base64 edge points and curves that start, bend and end at one point', () => {
    expect(compactSvg('<path d="M1 2 C3 6, 5 7, 7 8 M7 8 C7 8, 7 8, 7 8 M7 8 C9 12, 9 9, 10 10" data-points="W3sieCI6MX1d"></path>'))
      .toBe('<path d="M1 2 C3 6, 5 7, 7 8 M7 8 C9 12, 9 9, 10 10"></path>');
  });
});

describe('goal timeline geometry', () => {
  it('maps dates to x linearly in days, clamped to the axis', () => {
    expect(scaleDate('2026-01-01', '2026-01-01', '2027-01-01', 100, 465)).toBe(100);
    expect(scaleDate('2027-01-01', '2026-01-01', '2027-01-01', 100, 465)).toBe(465);
    // 2026-07-02 is day 182 of 365: 100 + 182/365 × 365 = 282.
    expect(scaleDate('2026-07-02', '2026-01-01', '2027-01-01', 100, 465)).toBe(282);
    expect(scaleDate('2025-06-01', '2026-01-01', '2027-01-01', 100, 465)).toBe(100);
    expect(scaleDate('2030-06-01', '2026-01-01', '2027-01-01', 100, 465)).toBe(465);
  });

  // A three-year plan drawn 1000 wide: the axis runs from x 300 to 984 (684 px for 1096 days).
  const goal = (id: string, start: string, due: string, extra = {}) =>
    ({ id, title: id, start, due, status: 'on-track' as const, horizon: 'short' as const, dependsOn: [], href: `#${id}`, ...extra });
  const layout = layoutTimeline('2026-01-01', '2028-12-31', [
    { title: 'Short term', goals: [goal('b', '2026-01-01', '2026-06-30'), goal('a', '2026-01-01', '2026-03-31')] },
    { title: 'Long term', goals: [goal('c', '2026-07-01', '2028-06-30', { dependsOn: ['a'] })] },
    { title: 'Empty', goals: [] },
  ], '2026-11-25', [{ date: '2026-09-30', label: 'Review', kind: 'review' }, { date: '2030-01-01', label: 'Later', kind: 'review' }]);
  const x = (days: number) => Math.round((300 + (days / 1095) * 684) * 10) / 10;

  it('marks 3, 6, 12, 24 and 36 months after the period start, within the period', () => {
    const marks = layout.ticks.filter((t) => t.mark);
    // 2026-04-01 is day 90, 2026-07-01 day 181, 2027-01-01 day 365, 2028-01-01 day 730; 36 months is past the end.
    expect(marks.map((t) => [t.label, t.x])).toEqual([['3 mo', x(90)], ['6 mo', x(181)], ['12 mo', x(365)], ['24 mo', x(730)]]);
  });

  it('draws the today line at today', () => {
    // 2026-11-25 is day 328.
    expect(layout.today).toEqual({ x: x(328), label: 'Today, 25 Nov 2026' });
  });

  it('draws each goal as a bar from start to due, grouped, sorted by due, skipping empty groups', () => {
    expect(layout.groups.map((g) => g.title)).toEqual(['Short term', 'Long term']);
    const [a, b] = layout.groups[0].bars;
    expect([a.id, b.id]).toEqual(['a', 'b']);
    expect(a.x).toBe(300);
    expect(a.width).toBe(Math.round((x(89) - 300) * 10) / 10);
    expect(b.y).toBeGreaterThan(a.y);
    const [c] = layout.groups[1].bars;
    expect(c.x).toBe(x(181));
    expect(c.x + c.width).toBeCloseTo(x(911), 0);
  });

  it('drops a dependency arrow from the due date of what is depended on to the dependent bar', () => {
    const a = layout.groups[0].bars[0];
    const c = layout.groups[1].bars[0];
    expect(layout.arrows).toEqual([{ id: 'a->c', from: { x: Math.round((a.x + a.width) * 10) / 10, y: a.y + 18 }, to: { x: Math.round((a.x + a.width) * 10) / 10, y: c.y } }]);
  });

  it('places reviews and re-planning markers inside the period only', () => {
    expect(layout.events.map((e) => [e.label, e.x])).toEqual([['Review', x(272)]]);
  });
});
