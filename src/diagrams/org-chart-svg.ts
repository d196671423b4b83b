/**
 * Draws an org-chart layout as SVG text: no browser, no script, the same bytes
 * every build. Shape repeats stance and border weight repeats influence, so
 * nothing depends on colour; each box links to its stakeholder's row.
 */
import type { Influence, Stance } from '../schema/stakeholder.ts';
import type { Box, OrgChartLayout, Point } from './org-chart.ts';
import { escapeXml } from './place.ts';

export const STANCE_COLOURS: Record<Stance, { fill: string; stroke: string; text: string }> = {
  champion: { fill: '#dafbe1', stroke: '#1a7f37', text: '#0d3d1d' },
  supporter: { fill: '#eef9f0', stroke: '#1a7f37', text: '#0d3d1d' },
  neutral: { fill: '#f4f6f8', stroke: '#57606a', text: '#1b1f24' },
  skeptic: { fill: '#fff1c2', stroke: '#8a5a00', text: '#3d2800' },
  blocker: { fill: '#ffe2dd', stroke: '#b42318', text: '#4a0d07' },
};

export const BORDER_WIDTHS: Record<Influence, number> = { low: 1, medium: 1.5, high: 3, decisive: 4.5 };

export const STANCE_SHAPE_WORDS: Record<Stance, string> = {
  champion: 'rounded ends', supporter: 'rounded corners', neutral: 'square corners', skeptic: 'pointed sides', blocker: 'cut corners',
};

/** The outline of a box of this stance, as path data. */
export function shapePath(stance: Stance, x: number, y: number, w: number, h: number): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  const [x1, y1] = [r(x + w), r(y + h)];
  switch (stance) {
    case 'champion': {
      const k = Math.min(22, h / 2);
      return `M${x + k} ${y}H${x1 - k}A${k} ${k} 0 0 1 ${x1} ${y + k}V${y1 - k}A${k} ${k} 0 0 1 ${x1 - k} ${y1}H${x + k}A${k} ${k} 0 0 1 ${x} ${y1 - k}V${y + k}A${k} ${k} 0 0 1 ${x + k} ${y}Z`;
    }
    case 'supporter': {
      const k = 8;
      return `M${x + k} ${y}H${x1 - k}Q${x1} ${y} ${x1} ${y + k}V${y1 - k}Q${x1} ${y1} ${x1 - k} ${y1}H${x + k}Q${x} ${y1} ${x} ${y1 - k}V${y + k}Q${x} ${y} ${x + k} ${y}Z`;
    }
    case 'skeptic': {
      const k = 10;
      const m = r(y + h / 2);
      return `M${x + k} ${y}H${x1 - k}L${x1} ${m}L${x1 - k} ${y1}H${x + k}L${x} ${m}Z`;
    }
    case 'blocker': {
      const k = 10;
      return `M${x + k} ${y}H${x1 - k}L${x1} ${y + k}V${y1 - k}L${x1 - k} ${y1}H${x + k}L${x} ${y1 - k}V${y + k}Z`;
    }
    default:
      return `M${x} ${y}H${x1}V${y1}H${x}Z`;
  }
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

function boxSvg(box: Box): string {
  const { person, x, y, width, height } = box;
  const colour = STANCE_COLOURS[person.stance];
  const stroke = BORDER_WIDTHS[person.influence];
  const text = box.lines.map((l) => `<text x="${x + 14}" y="${y + l.y}" font-size="${l.size}"${l.weight === 'bold' ? ' font-weight="bold"' : ''}${l.flag ? ' fill="#a40e26"' : ''}>${escapeXml(l.text)}</text>`).join('');
  // The border is drawn inside the box, so a heavy border never reaches past it.
  const inset = stroke / 2;
  return `<a href="#${escapeXml(person.id)}" data-stakeholder="${escapeXml(person.id)}" class="org-box">`
    + `<path d="${shapePath(person.stance, x + inset, y + inset, width - stroke, height - stroke)}" fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="${stroke}"/>`
    + `<g fill="${colour.text}">${text}</g></a>`;
}

/** A polyline as path data, without the zero-length steps of a straight drop. */
const points = (line: readonly Point[]) => line.filter((p, i) => i === 0 || p.x !== line[i - 1].x || p.y !== line[i - 1].y)
  .map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join('');

/** The map as one SVG element; `id` is unique in the page and prefixes every id inside. */
export function orgChartSvg(layout: OrgChartLayout, id: string, title: string, description: string): string {
  const arrow = `${id}-arrow`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="group" id="${escapeXml(id)}" aria-labelledby="${escapeXml(id)}-title" aria-describedby="${escapeXml(id)}-desc" `
    + `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${FONT}">`
    + `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title><desc id="${escapeXml(id)}-desc">${escapeXml(description)}</desc>`
    + `<defs><marker id="${escapeXml(arrow)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">`
    + '<path d="M0 0L10 5L0 10Z" fill="#6639ba"/></marker></defs>'
    + `<g class="org-reporting" fill="none" stroke="#424a53" stroke-width="1.5">${layout.reporting.map((l) => `<path d="${points(l)}"/>`).join('')}</g>`
    + `<g class="org-boxes">${layout.boxes.map(boxSvg).join('')}</g>`
    + `<g class="org-influence" pointer-events="none" fill="none" stroke="#6639ba" stroke-width="2" stroke-dasharray="6 4">${layout.influence.map((l) => `<path d="M${l.from.x} ${l.from.y}${l.via ? `Q${l.via.x} ${l.via.y} ` : (l.corners ?? []).map((c) => `L${c.x} ${c.y}`).join('') + 'L'}${l.to.x} ${l.to.y}" marker-end="url(#${escapeXml(arrow)})" data-influence="${escapeXml(l.id)}"/>`).join('')}</g>`
    + '</svg>';
}
