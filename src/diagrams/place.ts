/**
 * Puts a rendered SVG on a page. Diagrams are rendered (and cached) under one
 * placeholder id; each placement gets an id of its own, so two diagrams on a
 * page never share styles, markers or title ids. The SVG is announced as one
 * image with a title and a description.
 */

export const PLACEHOLDER_ID = 'KEYPLANDIAGRAM';

export function placeSvg(svg: string, id: string, title: string, description: string): string {
  let out = svg.replaceAll(PLACEHOLDER_ID, id)
    .replace(/ role="[^"]*"/, '')
    .replace(/ aria-roledescription="[^"]*"/, '')
    .replace(/^<svg /, '<svg role="img" ');
  if (!out.includes(`id="chart-title-${id}"`)) {
    // A diagram written without accTitle/accDescr: give it ours.
    out = out.replace(/ aria-(labelledby|describedby)="[^"]*"/g, '')
      .replace(/^<svg /, `<svg aria-labelledby="chart-title-${id}" aria-describedby="chart-desc-${id}" `)
      .replace(/^(<svg[^>]*>)/, `$1<title id="chart-title-${id}">${escapeXml(title)}</title><desc id="chart-desc-${id}">${escapeXml(description)}</desc>`);
  }
  return out;
}

/** Text safe inside markup and attribute values, in HTML and in SVG. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
