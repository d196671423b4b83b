/**
 * The printed page's frame: paper size, and a running head (what is printed
 * and as of when) and page numbers in the @page margin boxes, which Chromium
 * prints since version 131. Margin boxes can show strings and page counters
 * only, not text from the page, so the head is written into the rule.
 */
export type Paper = 'A4' | 'Letter';

export interface PageFrame {
  paper: Paper;
  /** What the printout is, e.g. the account's name. */
  heading: string;
  /** The date the site's statuses are computed as of, already formatted. */
  asOf: string;
}

/** A CSS string literal: quotes and backslashes escaped, and no "<" that could close the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/[\r\n]+/g, ' ')}"`;
}

export function pageFrameCss({ paper, heading, asOf }: PageFrame): string {
  return `@page {
  size: ${paper};
  margin: 16mm 12mm 14mm;
  @top-left { content: ${cssString(heading)}; font: 600 8.5pt system-ui, sans-serif; color: #57606a; }
  @top-right { content: ${cssString(`as of ${asOf}`)}; font: 8.5pt system-ui, sans-serif; color: #57606a; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt system-ui, sans-serif; color: #57606a; }
}`;
}
