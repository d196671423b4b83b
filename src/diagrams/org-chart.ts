/**
 * Geometry of a stakeholder map, computed in Node without a DOM: an org chart
 * of `reportsTo` (everyone below their manager, people who report to nobody
 * at the top, the most influential first), laid out by d3-hierarchy's tidy
 * tree. A manager whose reports are all leaves gets them stacked in one
 * column under them, as org charts do, so wide levels stay narrow. Informal
 * influence is routed afterwards and never moves a box. With no reporting
 * lines at all, the people are a grid ordered by influence.
 *
 * Text is measured with a safe estimate (wider than DejaVu Sans, the widest
 * common fallback), and long words are broken, so no line overflows its box.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import { INFLUENCES, type Influence, type Stance } from '../schema/stakeholder.ts';

export interface OrgPerson {
  id: string;
  name: string;
  /** Lines under the name, each wrapped to the box: title, role and influence, stance and owner, … */
  details: string[];
  /** What a reviewer must act on, each shown as a flagged line. */
  flags: string[];
  stance: Stance;
  influence: Influence;
  reportsTo?: string;
  influences: string[];
}

export interface Line {
  text: string;
  /** Baseline, from the box's top. */
  y: number;
  size: number;
  weight: 'bold' | 'normal';
  flag?: boolean;
}

export interface Box {
  person: OrgPerson;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: Line[];
}

export interface Point { x: number; y: number }

export interface OrgChartLayout {
  width: number;
  height: number;
  boxes: Box[];
  /** Reporting connectors, each a polyline from the manager's box to the report's. */
  reporting: Point[][];
  /** Informal influence, from one box's edge to the other's. */
  influence: {
    from: Point; to: Point; id: string;
    /** The control point of a curve, or the corners of a route along a channel; neither for a straight line. */
    via?: Point; corners?: Point[];
  }[];
}

export const BOX_WIDTH = 216;
const GAP_X = 20;
const GAP_Y = 40;
const STACK_INDENT = 22;
const STACK_GAP = 12;
const MARGIN = 8;
const PAD_X = 14;
const PAD_Y = 10;
/** The column the map is drawn for: a grid wraps to it; a wider tree scrolls sideways. */
export const COLUMN = 1000;

export const NAME_SIZE = 14;
export const TEXT_SIZE = 13;
const LEADING = 1.3;

/** Advance of one character in em, rounded up from DejaVu Sans (the widest usual sans fallback). */
function charWidth(c: string): number {
  const code = c.codePointAt(0)!;
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
    || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
    || (code >= 0x1f000))) return 1.05;
  if (c === ' ') return 0.34;
  if ('iljtfr.,;:\'!|()[]'.includes(c)) return 0.44;
  if ('mwMW@%'.includes(c)) return 1.02;
  if (/[A-Z0-9]/.test(c)) return 0.8;
  return 0.66;
}

export function textWidth(text: string, size: number, weight: Line['weight'] = 'normal'): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * size * (weight === 'bold' ? 1.1 : 1);
}

/** Words wrapped to `width`; a word longer than a line is broken. */
export function wrap(text: string, width: number, size: number, weight: Line['weight'] = 'normal'): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => textWidth(s, size, weight) <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) { line = joined; continue; }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      let cut = 1;
      const chars = [...rest];
      while (cut < chars.length && fits(chars.slice(0, cut + 1).join(''))) cut++;
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

function boxOf(person: OrgPerson): Box {
  const inner = BOX_WIDTH - 2 * PAD_X;
  const lines: Line[] = [];
  let y = PAD_Y;
  const add = (text: string, size: number, weight: Line['weight'], flag = false) => {
    for (const part of wrap(text, inner, size, weight)) {
      y += size * LEADING;
      lines.push({ text: part, y: Math.round(y - size * 0.3), size, weight, ...(flag ? { flag } : {}) });
    }
  };
  add(person.name, NAME_SIZE, 'bold');
  for (const detail of person.details) add(detail, TEXT_SIZE, 'normal');
  for (const flag of person.flags) add(flag, TEXT_SIZE, 'bold', true);
  return { person, x: 0, y: 0, width: BOX_WIDTH, height: Math.round(y + PAD_Y), lines };
}

const rank = (i: Influence) => INFLUENCES.length - INFLUENCES.indexOf(i);
const byInfluence = (a: Box, b: Box) => rank(a.person.influence) - rank(b.person.influence);

/** A node of the tree d3 lays out: one person, or a column of a manager's leaf reports. */
interface Unit { boxes: Box[]; stacked: boolean; children: Unit[]; width: number; height: number }

export function layoutOrgChart(people: readonly OrgPerson[]): OrgChartLayout {
  const boxes = people.map(boxOf);
  const byId = new Map(boxes.map((b) => [b.person.id, b]));
  // A manager outside the map, or a reporting cycle (the check reports it), makes a root.
  const manager = new Map<string, Box>();
  for (const box of boxes) {
    const m = box.person.reportsTo ? byId.get(box.person.reportsTo) : undefined;
    if (!m) continue;
    let up: Box | undefined = m;
    const seen = new Set([box.person.id]);
    while (up && !seen.has(up.person.id)) { seen.add(up.person.id); up = manager.get(up.person.id) ?? (up.person.reportsTo ? byId.get(up.person.reportsTo) : undefined); }
    if (!up) manager.set(box.person.id, m);
  }
  const reports = new Map<Box, Box[]>();
  for (const box of boxes) {
    const m = manager.get(box.person.id);
    if (m) reports.set(m, [...(reports.get(m) ?? []), box]);
  }
  const roots = boxes.filter((b) => !manager.has(b.person.id)).sort(byInfluence);

  let laid: Pick<OrgChartLayout, 'width' | 'height' | 'reporting'>;
  if (manager.size === 0) laid = grid(roots);
  else {
    const unitOf = (box: Box): Unit => {
      const own = reports.get(box) ?? [];
      const leaves = own.filter((r) => !reports.has(r));
      // Two leaf reports alone sit side by side; more, or leaves beside managers, stack in one column.
      if (leaves.length < 2 || (leaves.length === 2 && leaves.length === own.length)) {
        return { boxes: [box], stacked: false, children: own.map(unitOf), width: BOX_WIDTH, height: box.height };
      }
      const height = leaves.reduce((h, r) => h + r.height, 0) + STACK_GAP * (leaves.length - 1);
      const children: Unit[] = [{ boxes: leaves, stacked: true, children: [], width: BOX_WIDTH + STACK_INDENT, height },
        ...own.filter((r) => reports.has(r)).map(unitOf)];
      return { boxes: [box], stacked: false, children, width: BOX_WIDTH, height: box.height };
    };
    const top: Unit = { boxes: [], stacked: false, children: roots.map(unitOf), width: 0, height: 0 };
    laid = orgTree(top);
  }

  return { ...laid, boxes, influence: influenceLines(boxes, byId, laid.width, laid.height) };
}

function grid(boxes: Box[]): Pick<OrgChartLayout, 'width' | 'height' | 'reporting'> {
  const columns = Math.max(1, Math.min(boxes.length, Math.floor((COLUMN - 2 * MARGIN + GAP_X) / (BOX_WIDTH + GAP_X))));
  let y = MARGIN;
  for (let row = 0; row * columns < boxes.length; row++) {
    const cells = boxes.slice(row * columns, (row + 1) * columns);
    cells.forEach((box, i) => { box.x = MARGIN + i * (BOX_WIDTH + GAP_X); box.y = y; });
    y += Math.max(...cells.map((b) => b.height)) + GAP_X;
  }
  return { width: 2 * MARGIN + columns * (BOX_WIDTH + GAP_X) - GAP_X, height: y - GAP_X + MARGIN, reporting: [] };
}

function orgTree(top: Unit): Pick<OrgChartLayout, 'width' | 'height' | 'reporting'> {
  // Node size 1: separation is in pixels, centre to centre, for units of their own widths.
  const root = tree<Unit>().nodeSize([1, 1])
    .separation((a, b) => (a.data.width + b.data.width) / 2 + (a.parent === b.parent ? GAP_X : 2 * GAP_X))(hierarchy(top, (u) => u.children));
  const nodes = root.descendants().filter((n) => n.depth > 0);
  const depth = Math.max(...nodes.map((n) => n.depth));
  const levelTop: number[] = [];
  let y = MARGIN;
  for (let d = 1; d <= depth; d++) {
    levelTop[d] = y;
    y += Math.max(...nodes.filter((n) => n.depth === d).map((n) => n.data.height)) + GAP_Y;
  }
  const left = Math.min(...nodes.map((n) => n.x - n.data.width / 2));
  const at = (n: HierarchyPointNode<Unit>) => Math.round(n.x - n.data.width / 2 - left + MARGIN);
  for (const n of nodes) {
    let by = levelTop[n.depth];
    for (const box of n.data.boxes) {
      box.x = at(n) + (n.data.stacked ? STACK_INDENT : 0);
      box.y = by;
      by += box.height + STACK_GAP;
    }
  }
  const reporting: Point[][] = [];
  for (const n of nodes) {
    if (n.depth < 2) continue;
    const m = n.parent!.data.boxes[0];
    const from = { x: m.x + m.width / 2, y: m.y + m.height };
    const elbow = levelTop[n.depth] - GAP_Y / 2;
    if (!n.data.stacked) {
      const b = n.data.boxes[0];
      const cx = b.x + b.width / 2;
      reporting.push([from, { x: from.x, y: elbow }, { x: cx, y: elbow }, { x: cx, y: b.y }]);
      continue;
    }
    const trunk = at(n) + STACK_INDENT / 2;
    for (const b of n.data.boxes) {
      const mid = b.y + Math.min(24, b.height / 2);
      reporting.push([from, { x: from.x, y: elbow }, { x: trunk, y: elbow }, { x: trunk, y: mid }, { x: b.x, y: mid }]);
    }
  }
  const width = Math.max(...nodes.flatMap((n) => n.data.boxes.map((b) => b.x + b.width))) + MARGIN;
  return { width, height: y - GAP_Y + MARGIN, reporting };
}

/**
 * Influence as a curve from one box's edge to the other's: the straightest of
 * a set of bends that crosses no other box (else the one crossing fewest), and
 * never along a reporting connector.
 */
function influenceLines(boxes: readonly Box[], byId: ReadonlyMap<string, Box>, width: number, height: number): OrgChartLayout['influence'] {
  const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const edge = (b: Box, toward: Point): Point => {
    const c = centre(b);
    const dx = toward.x - c.x;
    const dy = toward.y - c.y;
    const t = Math.min(dx ? (b.width / 2) / Math.abs(dx) : Infinity, dy ? (b.height / 2) / Math.abs(dy) : Infinity, 1);
    return { x: round(c.x + dx * t), y: round(c.y + dy * t) };
  };
  const inside = (p: Point, b: Box) => p.x > b.x - 4 && p.x < b.x + b.width + 4 && p.y > b.y - 4 && p.y < b.y + b.height + 4;
  const lines: OrgChartLayout['influence'] = [];
  for (const from of boxes) {
    for (const id of from.person.influences) {
      const to = byId.get(id);
      if (!to || to === from) continue;
      const [a, b] = [centre(from), centre(to)];
      const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
      const reports = from.person.reportsTo === to.person.id || to.person.reportsTo === from.person.id;
      const candidates: { line: Omit<OrgChartLayout['influence'][number], 'id'>; cost: number; along: (t: number) => Point }[] = [];
      for (const bend of BENDS) {
        if (bend === 0 && reports) continue;
        const control = { x: round((a.x + b.x) / 2 + normal.x * bend), y: round((a.y + b.y) / 2 + normal.y * bend) };
        const start = edge(from, control);
        const end = edge(to, control);
        candidates.push({
          line: { from: start, to: end, ...(bend ? { via: control } : {}) },
          cost: Math.abs(bend),
          along: (t) => ({ x: (1 - t) ** 2 * start.x + 2 * t * (1 - t) * control.x + t ** 2 * end.x, y: (1 - t) ** 2 * start.y + 2 * t * (1 - t) * control.y + t ** 2 * end.y }),
        });
      }
      // Else along the channel above both boxes or below them, beside the reporting connectors at the centres.
      for (const above of [true, false]) {
        const y = above ? Math.min(from.y, to.y) - 10 : Math.max(from.y + from.height, to.y + to.height) + 10;
        const [x0, x1] = [a.x + 28, b.x + 28];
        const corners = [{ x: x0, y }, { x: x1, y }];
        const start = { x: x0, y: above ? from.y : from.y + from.height };
        const end = { x: x1, y: above ? to.y : to.y + to.height };
        const points = [start, ...corners, end];
        candidates.push({ line: { from: start, to: end, corners }, cost: 400, along: (t) => alongPolyline(points, t) });
      }
      let best: { score: number; line: OrgChartLayout['influence'][number] } | undefined;
      for (const { line, cost, along } of candidates) {
        const samples = Array.from({ length: 47 }, (_, k) => along((k + 1) / 48));
        // A line leaving the drawing counts as crossing a box.
        let crossings = samples.some((p) => p.x < 2 || p.y < 2 || p.x > width - 2 || p.y > height - 2) ? 1 : 0;
        for (const other of boxes) {
          if (other !== from && other !== to && samples.some((p) => inside(p, other))) crossings++;
        }
        const score = crossings * 10_000 + cost;
        if (!best || score < best.score) best = { score, line: { id: `${from.person.id}->${id}`, ...line } };
        // Candidates come simplest first: the first that crosses nothing is the one.
        if (crossings === 0) break;
      }
      lines.push(best!.line);
    }
  }
  return lines;
}

/** Sideways offsets of an influence curve's control point, straightest first. */
const BENDS = [0, 40, -40, 80, -80, 130, -130, 190, -190, 260, -260];

/** The point a fraction `t` of the way along a polyline. */
function alongPolyline(points: readonly Point[], t: number): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let rest = t * lengths.reduce((sum, l) => sum + l, 0);
  for (const [i, l] of lengths.entries()) {
    if (rest <= l && l > 0) return { x: points[i].x + ((points[i + 1].x - points[i].x) * rest) / l, y: points[i].y + ((points[i + 1].y - points[i].y) * rest) / l };
    rest -= l;
  }
  return points.at(-1)!;
}

const round = (n: number) => Math.round(n * 10) / 10;
