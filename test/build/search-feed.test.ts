/**
 * The search feed with real Pagefind: pages Astro reused (never rendered, so
 * never handed over) are read back into the index, and a bundle of the last
 * build is reused only when every page of it is byte for byte the one it
 * indexed; a change in one bundle leaves the others as they were.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchFeed } from '../../plugins/search/pagefind.ts';
import { searchBundles } from '../../src/site/search-bundles.ts';
import { bundleFiles } from '../e2e/search-site.ts';

const page = (word: string) => `<!doctype html><html lang="en"><head><title>${word}</title></head>`
  + `<body><main data-pagefind-body><h1>${word}</h1><p>The plan says ${word}.</p></main></body></html>`;

describe('the search feed', () => {
  const root = mkdtempSync(join(tmpdir(), 'keyplan-feed-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const site = (name: string, pages: Record<string, string>) => {
    const dir = join(root, name);
    for (const [url, html] of Object.entries(pages)) {
      mkdirSync(join(dir, url), { recursive: true });
      writeFileSync(join(dir, url, 'index.html'), html);
    }
    return dir;
  };
  const indexed = (dir: string, bundle = 'pagefind') => bundleFiles(join(dir, bundle)).filter((f) => f.path.startsWith('fragment/')).map((f) => f.text).join(' ');
  const one = searchBundles(['/plans/a/', '/plans/b/']);
  const cacheDir = join(root, 'cache');

  it('indexes the pages handed over, and those it has to read back from disk', async () => {
    const dir = site('first', { '/plans/a/': page('zanzibar'), '/plans/b/': page('quokka') });
    const feed = new SearchFeed(one, cacheDir);
    feed.add('/plans/a/', page('zanzibar'));
    const stats = await feed.write(dir, { cacheDir });
    expect(stats).toMatchObject({ pages: 2, bundles: 1, indexed: 1, reused: 1 });
    expect(indexed(dir)).toContain('zanzibar');
    expect(indexed(dir)).toContain('quokka');
  });

  it('reuses the last bundle only for the very same pages', async () => {
    const same = site('same', { '/plans/a/': page('zanzibar'), '/plans/b/': page('quokka') });
    const reused = await new SearchFeed(one, cacheDir).write(same, { cacheDir });
    expect(reused.indexed).toBe(0);
    expect(indexed(same)).toContain('quokka');

    const changed = site('changed', { '/plans/a/': page('zanzibar'), '/plans/b/': page('wombat') });
    const fresh = await new SearchFeed(one, cacheDir).write(changed, { cacheDir });
    expect(fresh.indexed).toBe(1);
    expect(fresh.reused).toBe(2);
    expect(indexed(changed)).toContain('wombat');
    expect(indexed(changed)).not.toContain('quokka');
  });

  it('indexes again only the bundle whose page changed, and copies the others', async () => {
    const paths = Array.from({ length: 12 }, (_, i) => `/plans/p${i}/`);
    const bundles = searchBundles(paths, 4);
    expect(bundles.length).toBe(4);
    const words = (edited?: string) => Object.fromEntries(paths.map((p) => [p, page(p === edited ? 'platypus' : `word${p.slice(8, -1)}x`)]));
    const cache = join(root, 'cache-bundles');
    const first = site('bundles-1', words());
    expect((await new SearchFeed(bundles, cache).write(first, { cacheDir: cache })).indexed).toBe(4);
    const edited = bundles[2].pages[0];
    const second = site('bundles-2', words(edited));
    const feed = new SearchFeed(bundles, cache);
    // As a build does: the edited page is rendered again, the rest are reused.
    feed.add(edited, words(edited)[edited]);
    const stats = await feed.write(second, { cacheDir: cache });
    expect(stats).toMatchObject({ bundles: 4, indexed: 1, pagesIndexed: bundles[2].pages.length });
    expect(indexed(second, bundles[2].dir)).toContain('platypus');
    // Another bundle is the first build's, file for file.
    const entry = (dir: string) => readFileSync(join(dir, bundles[1].dir, 'pagefind-entry.json'), 'utf8');
    expect(entry(second)).toBe(entry(first));
    // Pagefind's scripts are in the first bundle's folder only, beside Keyplan's merge of them all.
    expect(bundleFiles(join(second, bundles[1].dir)).some((f) => f.path.endsWith('.js'))).toBe(false);
    expect(bundleFiles(join(second, 'pagefind')).map((f) => f.path)).toEqual(expect.arrayContaining(['pagefind.js', 'keyplan/pagefind.js', 'keyplan/sorts.json']));
  });
});
