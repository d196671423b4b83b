/**
 * The search feed with real Pagefind: pages Astro reused (never rendered, so
 * never handed over) are read back into the index, and the last bundle is
 * reused only when every page is byte for byte the one it indexed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { close, SearchFeed } from '../../plugins/search/pagefind.ts';
import { bundleFiles } from '../e2e/search-site.ts';

const page = (word: string) => `<!doctype html><html lang="en"><head><title>${word}</title></head>`
  + `<body><main data-pagefind-body><h1>${word}</h1><p>The plan says ${word}.</p></main></body></html>`;

describe('the search feed', () => {
  const root = mkdtempSync(join(tmpdir(), 'keyplan-feed-'));
  afterAll(async () => {
    await close();
    rmSync(root, { recursive: true, force: true });
  });
  const site = (name: string, pages: Record<string, string>) => {
    const dir = join(root, name);
    for (const [url, html] of Object.entries(pages)) {
      mkdirSync(join(dir, url), { recursive: true });
      writeFileSync(join(dir, url, 'index.html'), html);
    }
    return dir;
  };
  const indexed = (dir: string) => bundleFiles(join(dir, 'pagefind')).filter((f) => f.path.startsWith('fragment/')).map((f) => f.text).join(' ');
  const cacheDir = join(root, 'cache');

  it('indexes the pages handed over, and those it has to read back from disk', async () => {
    const dir = site('first', { '/plans/a/': page('zanzibar'), '/plans/b/': page('quokka') });
    const feed = new SearchFeed();
    feed.add('/plans/a/', page('zanzibar'));
    const stats = await feed.write(dir, { expected: ['/plans/a/', '/plans/b/'], cacheDir });
    expect(stats).toMatchObject({ pages: 2, reused: 1, restored: false });
    expect(indexed(dir)).toContain('zanzibar');
    expect(indexed(dir)).toContain('quokka');
  });

  it('reuses the last bundle only for the very same pages', async () => {
    const same = site('same', { '/plans/a/': page('zanzibar'), '/plans/b/': page('quokka') });
    const reused = await new SearchFeed().write(same, { expected: ['/plans/a/', '/plans/b/'], cacheDir });
    expect(reused.restored).toBe(true);
    expect(indexed(same)).toContain('quokka');

    const changed = site('changed', { '/plans/a/': page('zanzibar'), '/plans/b/': page('wombat') });
    const fresh = await new SearchFeed().write(changed, { expected: ['/plans/a/', '/plans/b/'], cacheDir });
    expect(fresh.restored).toBe(false);
    expect(fresh.reused).toBe(2);
    expect(indexed(changed)).toContain('wombat');
    expect(indexed(changed)).not.toContain('quokka');
  });
});
