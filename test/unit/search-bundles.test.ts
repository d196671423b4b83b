/**
 * How the search index is split (src/site/search-bundles.ts): evenly, by a
 * stable hash of each page's path, in a power-of-two number of bundles, so a
 * page stays in its bundle as other pages come and go, and a site that grows
 * past a doubling splits each bundle in two.
 */
import { describe, expect, it } from 'vitest';
import { searchBundles } from '../../src/site/search-bundles.ts';

const paths = (n: number) => Array.from({ length: n }, (_, i) => `/plans/account-${String(i).padStart(5, '0')}/`);
const bundleOf = (bundles: ReturnType<typeof searchBundles>) => new Map(bundles.flatMap((b) => b.pages.map((p) => [p, b.dir] as const)));

describe('search bundles', () => {
  it('keeps a site of one bundle\'s worth of pages in pagefind/, as it always was', () => {
    expect(searchBundles(paths(27))).toEqual([{ dir: 'pagefind/', pages: paths(27), primary: true }]);
    expect(searchBundles(paths(150), 150).length).toBe(1);
  });

  it('spreads a large site evenly over a power of two of bundles, the first in pagefind/, the rest inside it', () => {
    const bundles = searchBundles(paths(1061), 150);
    expect(bundles.map((b) => b.dir)).toEqual(['pagefind/', ...Array.from({ length: 7 }, (_, i) => `pagefind/part-${i + 1}/`)]);
    expect(bundles.reduce((n, b) => n + b.pages.length, 0)).toBe(1061);
    for (const b of bundles) expect(b.pages.length).toBeGreaterThan(100);
  });

  it('leaves every page where it was when another page comes or goes', () => {
    const before = bundleOf(searchBundles(paths(1000), 150));
    const after = bundleOf(searchBundles([...paths(1000).slice(1), '/plans/new-one/'], 150));
    for (const [page, dir] of after) if (before.has(page)) expect(dir, page).toBe(before.get(page));
  });

  it('splits each bundle in two when the site outgrows them: no page moves to a bundle other than its own half', () => {
    const eight = searchBundles(paths(1000), 150);
    const sixteen = bundleOf(searchBundles(paths(1000), 70));
    const index = (dir: string) => (dir === 'pagefind/' ? 0 : Number(/part-(\d+)/.exec(dir)![1]));
    for (const b of eight) for (const page of b.pages) expect(index(sixteen.get(page)!) % 8, page).toBe(index(b.dir));
  });
});
