/**
 * The search feed with real Pagefind: pages Astro reused (never rendered, so
 * never handed over) are read back into the index, and a bundle of the last
 * build is reused only when every page of it is byte for byte the one it
 * indexed; a change in one bundle leaves the others as they were. Given the
 * pages' keys, a bundle to index again takes the pages Astro reuses from the
 * copies the cache keeps, and reads back from disk only what no copy stands
 * for.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
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

  describe('with the keys of the pages (which Astro will reuse, which are about something that changed)', () => {
    const paths = ['/plans/a/', '/plans/b/', '/plans/c/'];
    const bundles = searchBundles(paths);
    const cache = join(root, 'cache-keys');
    const keys = (changed: Record<string, string> = {}) => new Map(paths.map((p) => [p, { cache: `cache ${changed[p] ?? p}`, own: `own ${changed[p] ?? p}` }]));
    const words = { '/plans/a/': page('zanzibar'), '/plans/b/': page('quokka'), '/plans/c/': page('narwhal') };
    it('takes the pages Astro reuses from the copies it keeps, from the start of the build', async () => {
      expect((await new SearchFeed(bundles, cache, keys()).write(site('keys-1', words), { cacheDir: cache })).indexed).toBe(1);
      const edited = { ...words, '/plans/a/': page('wombat') };
      const dir = site('keys-2', edited);
      // Plan a changed: its bundle starts indexing before anything renders, with b and c from their copies.
      const feed = new SearchFeed(bundles, cache, keys({ '/plans/a/': 'edited' }));
      feed.add('/plans/a/', edited['/plans/a/']);
      // Its last page is in: the bundle is written while the rest of the site would still render.
      await vi.waitFor(() => expect(existsSync(join(cache, 'staging', 'pagefind', 'pagefind-entry.json'))).toBe(true));
      const stats = await feed.write(dir, { cacheDir: cache });
      expect(stats).toMatchObject({ indexed: 1, reused: 2, readBack: 0 });
      expect(indexed(dir)).toContain('wombat');
      expect(indexed(dir)).toContain('quokka');
      expect(indexed(dir)).toContain('narwhal');
      expect(indexed(dir)).not.toContain('zanzibar');
    });

    it('reads back from disk a page Astro reused that no copy stands for', async () => {
      await new SearchFeed(bundles, cache, keys()).write(site('nocopy-1', words), { cacheDir: cache });
      // b's key changed (a plan tied to it did), yet Astro wrote it without handing it over: it is read from disk.
      const edited = { ...words, '/plans/a/': page('wombat'), '/plans/b/': page('platypus') };
      const dir = site('nocopy-2', edited);
      const feed = new SearchFeed(bundles, cache, keys({ '/plans/a/': 'edited', '/plans/b/': 'tied' }));
      feed.add('/plans/a/', edited['/plans/a/']);
      const stats = await feed.write(dir, { cacheDir: cache });
      expect(stats).toMatchObject({ indexed: 1, reused: 2, readBack: 1 });
      expect(indexed(dir)).toContain('platypus');
      expect(indexed(dir)).not.toContain('quokka');
      expect(indexed(dir)).toContain('narwhal');
    });

    it('keeps a page rendered as it was before its bundle turned out to change', async () => {
      await new SearchFeed(bundles, cache, keys()).write(site('early-1', words), { cacheDir: cache });
      const edited = { ...words, '/plans/c/': page('axolotl') };
      const dir = site('early-2', edited);
      // Nothing any page is about changed, so the bundle waits; b comes out as it was, then c differs.
      const feed = new SearchFeed(bundles, cache, keys({ '/plans/b/': 'tied', '/plans/c/': 'tied' }));
      feed.add('/plans/b/', words['/plans/b/']);
      feed.add('/plans/c/', edited['/plans/c/']);
      const stats = await feed.write(dir, { cacheDir: cache });
      expect(stats).toMatchObject({ indexed: 1, readBack: 0 });
      expect(indexed(dir)).toContain('quokka');
      expect(indexed(dir)).toContain('axolotl');
      expect(indexed(dir)).toContain('zanzibar');
    });

    it('holds a page as rendered when it was rendered after its copy went in', async () => {
      await new SearchFeed(bundles, cache, keys()).write(site('late-1', words), { cacheDir: cache });
      const edited = { ...words, '/plans/a/': page('wombat'), '/plans/c/': page('axolotl') };
      const dir = site('late-2', edited);
      const feed = new SearchFeed(bundles, cache, keys({ '/plans/a/': 'edited' }));
      feed.add('/plans/a/', edited['/plans/a/']);
      // Astro renders c though its key is the same (it had no copy of its own).
      feed.add('/plans/c/', edited['/plans/c/']);
      await feed.write(dir, { cacheDir: cache });
      expect(indexed(dir)).toContain('axolotl');
      expect(indexed(dir)).not.toContain('narwhal');
      expect(indexed(dir)).toContain('quokka');
    });
  });
});
