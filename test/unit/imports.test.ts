/**
 * The shape of the house: plugins/ may import src/, never the reverse; no
 * import circle anywhere; only the snapshot accessor touches globalThis.
 * Read from the source files, as a reviewer would read them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const CODE = /\.(ts|astro|mjs)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : CODE.test(name) ? [path] : [];
  });
}

const all = [...files(join(REPO, 'src')), ...files(join(REPO, 'plugins'))];

/** Relative imports (static and dynamic) of a file, resolved to files of the repository. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^'"`;]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|^import\s+['"](\.[^'"]+)['"]/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.map((spec) => resolve(dirname(file), spec)).filter((path) => existsSync(path) && CODE.test(path));
}

const graph = new Map(all.map((file) => [file, importsOf(file)]));

/** Each import circle, as the files around it (first file repeated at the end). */
function circlesIn(imports: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      circles.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    state.set(file, 'open');
    for (const to of imports.get(file) ?? []) visit(to, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of imports.keys()) visit(file, []);
  return circles;
}
const rel = (path: string) => relative(REPO, path);

describe('imports', () => {
  it('never go from src/ to plugins/', () => {
    const wrong = all.filter((f) => rel(f).startsWith('src/'))
      .flatMap((f) => graph.get(f)!.filter((to) => rel(to).startsWith('plugins/')).map((to) => `${rel(f)} → ${rel(to)}`));
    expect(wrong).toEqual([]);
  });

  it('form no circle', () => {
    expect(circlesIn(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });

  it('are read, and a circle is found when there is one', () => {
    expect(importsOf(join(REPO, 'src/snapshot/snapshot.ts')).map(rel)).toContain('src/snapshot/page-keys.ts');
    expect(circlesIn(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('leave globalThis to the snapshot accessor', () => {
    const users = all.filter((f) => /globalThis/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(users).toEqual(['src/snapshot/current.ts']);
  });
});
