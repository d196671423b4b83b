/**
 * Makes a rendered mermaid SVG smaller without changing what a reader sees.
 * Mermaid writes coordinates to 16 significant digits, draws some shapes with
 * hundreds of zero-length curves, and keeps each edge's points a second time
 * in base64: a stakeholder map of 15 people came to 195 kB, most of a plan
 * page. Everything here touches markup only (tags and their attributes),
 * never text a writer wrote and never the stylesheet.
 */

/** Decimals kept: a hundredth of a pixel is below what any screen or printer shows. */
const DECIMALS = 2;

const TAG = /<[a-zA-Z][^>]*>/g;
/** Attributes that hold geometry; a link's address or a label never has its digits touched. */
const GEOMETRY = / (d|points|transform|viewBox|style|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|dx|dy|width|height|refX|refY|markerWidth|markerHeight)="([^"]*)"/g;
const DECIMAL = /-?\d*\.\d+(?:[eE][-+]?\d+)?/g;
/** A move and a curve that starts, bends and ends at the same point: it draws nothing. */
const EMPTY_CURVE = /M(-?[\d.]+)[ ,](-?[\d.]+) ?C\1[ ,]\2,? ?\1[ ,]\2,? ?\1[ ,]\2 ?/g;

export function compactSvg(svg: string): string {
  const compact = svg.replace(TAG, (tag) => {
    const out = tag.replace(/ data-points="[^"]*"/, '');
    const outline = / fill="none"/.test(out);
    return out.replace(GEOMETRY, (_, name: string, value: string) => {
      const rounded = value.replace(DECIMAL, (number, offset: number, whole: string) => {
        const text = round(Number(number));
        // "1.5.5" is two numbers in path data; keep them two if rounding drops the point.
        return whole[offset + number.length] === '.' && !text.includes('.') ? `${text} ` : text;
      });
      return ` ${name}="${name === 'd' ? straighten(rounded.replace(EMPTY_CURVE, '').trimEnd(), outline) : rounded}"`;
    });
  });
  // Mermaid puts every word of a label in a tspan of its own, all alike: one per line is the same text.
  return compact.replaceAll('</tspan><tspan font-style="normal" class="text-inner-tspan" font-weight="normal">', '');
}

type Point = [number, number];
type Segment = { to: Point; c1?: Point; c2?: Point };

/** Control points this close to the chord (in px) make a curve a straight line to the eye. */
const FLAT = 0.3;
const MOVE_OR_CURVE = /^(?:\s*(?:M\s*-?[\d.]+[\s,]+-?[\d.]+|C(?:\s*,?\s*-?[\d.]+[\s,]+-?[\d.]+){3}))+\s*$/;

/**
 * Mermaid draws rounded shapes as hundreds of short Bézier curves whose
 * control points lie on the chord, and outlines each of them twice. A curve
 * within FLAT of its chord becomes a line; in an outline (fill="none"), a
 * stroke drawn twice is drawn once and strokes that meet are joined. Path data
 * made of anything but M and C commands is left as it is.
 */
function straighten(d: string, outline: boolean): string {
  if (!MOVE_OR_CURVE.test(d)) return d;
  const subpaths: { start: Point; segments: Segment[] }[] = [];
  for (const [, command, args] of d.matchAll(/([MC])([^MC]*)/g)) {
    const n = (args.match(/-?[\d.]+/g) ?? []).map(Number);
    if (command === 'M') subpaths.push({ start: [n[0], n[1]], segments: [] });
    else subpaths.at(-1)?.segments.push({ c1: [n[0], n[1]], c2: [n[2], n[3]], to: [n[4], n[5]] });
  }
  if (subpaths.length === 0) return d;
  const parts: string[] = [];
  let previous = '';
  let end: Point | undefined;
  for (const { start, segments } of subpaths) {
    let at = start;
    let text = '';
    for (const segment of segments) {
      const flat = segment.c1 && segment.c2 && nearSegment(segment.c1, at, segment.to) && nearSegment(segment.c2, at, segment.to);
      if (flat && segment.to[0] === at[0] && segment.to[1] === at[1]) continue;
      text += flat ? ` L${segment.to[0]} ${segment.to[1]}` : ` C${segment.c1![0]} ${segment.c1![1]}, ${segment.c2![0]} ${segment.c2![1]}, ${segment.to[0]} ${segment.to[1]}`;
      at = segment.to;
    }
    const whole = `M${start[0]} ${start[1]}${text}`;
    if (outline && whole === previous) continue;
    previous = whole;
    // An outline stroke that starts where the last one ended continues it.
    parts.push(outline && end && end[0] === start[0] && end[1] === start[1] ? text : ` ${whole}`);
    end = at;
  }
  return parts.join('').trim();
}

/** Whether `p` is within FLAT of the segment from `a` to `b`. */
function nearSegment(p: Point, a: Point, b: Point): boolean {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  const [x, y] = [a[0] + t * dx - p[0], a[1] + t * dy - p[1]];
  return x * x + y * y <= FLAT * FLAT;
}

function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(Number(value.toFixed(DECIMALS)));
  return text === '-0' ? '0' : text;
}
