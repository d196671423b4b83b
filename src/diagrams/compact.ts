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
  return svg.replace(TAG, (tag) => {
    const out = tag.replace(/ data-points="[^"]*"/, '');
    return out.replace(GEOMETRY, (_, name: string, value: string) => {
      const rounded = value.replace(DECIMAL, (number, offset: number, whole: string) => {
        const text = round(Number(number));
        // "1.5.5" is two numbers in path data; keep them two if rounding drops the point.
        return whole[offset + number.length] === '.' && !text.includes('.') ? `${text} ` : text;
      });
      return ` ${name}="${name === 'd' ? rounded.replace(EMPTY_CURVE, '').trimEnd() : rounded}"`;
    });
  });
}

function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(Number(value.toFixed(DECIMALS)));
  return text === '-0' ? '0' : text;
}
