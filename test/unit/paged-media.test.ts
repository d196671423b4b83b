/** The printed page's frame: the paper the options choose, a running head and page numbers. */
import { describe, expect, it } from 'vitest';
import { optionsSchema } from '../../src/config/options.ts';
import { cssString, pageFrameCss } from '../../src/site/paged-media.ts';

describe('the printed page frame', () => {
  it('lays pages out on A4 unless the options choose Letter', () => {
    expect(optionsSchema.parse({}).paper).toBe('A4');
    expect(optionsSchema.parse({ paper: 'Letter' }).paper).toBe('Letter');
    expect(optionsSchema.safeParse({ paper: 'A5' }).success).toBe(false);
    expect(pageFrameCss({ paper: 'Letter', heading: 'Acme', asOf: '1 Dec 2026' })).toMatch(/size: Letter;/);
  });

  it('heads each page with what is printed and as of when, and numbers it', () => {
    const css = pageFrameCss({ paper: 'A4', heading: 'Aldermoor Bank · meeting pack', asOf: '1 Dec 2026' });
    expect(css).toContain('@top-left { content: "Aldermoor Bank · meeting pack";');
    expect(css).toContain('@top-right { content: "as of 1 Dec 2026";');
    expect(css).toContain('content: "Page " counter(page) " of " counter(pages);');
  });

  it('keeps an account name with quotes or markup inside its CSS string', () => {
    expect(cssString('O"Brien \\ Sons')).toBe('"O\\"Brien \\\\ Sons"');
    expect(cssString('</style><script>')).not.toContain('<');
  });
});
