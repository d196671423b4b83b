/** src/cache/journal.ts: a cache file appended to, written whole when it is stale, another process's or cut short. */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JournalFile } from '../../src/cache/journal.ts';

const dir = mkdtempSync(join(tmpdir(), 'keyplan-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).length;

describe('a journal cache file', () => {
  it('appends what was added, and is written whole once the appended lines pass a quarter', () => {
    const path = join(dir, 'a.jsonl');
    const file = new JournalFile<number>(path, 'v1');
    expect(file.read()).toBeUndefined();
    const all = Array.from({ length: 400 }, (_, i) => i);
    file.write([], () => all);
    expect(lines(path)).toBe(2);
    file.write([400, 401], () => [...all, 400, 401]);
    expect(lines(path)).toBe(4);
    expect(new JournalFile<number>(path, 'v1').read()).toEqual([...all, 400, 401]);
    file.write(Array.from({ length: 99 }, (_, i) => 500 + i), () => [7]);
    expect(file.read()).toEqual([7]);
    expect(lines(path)).toBe(2);
  });

  it('is not read under another header, and is written whole after another process wrote it or a line was cut short', () => {
    const path = join(dir, 'b.jsonl');
    const file = new JournalFile<number>(path, 'v1');
    file.write([], () => [1, 2]);
    expect(new JournalFile<number>(path, 'v2').read()).toBeUndefined();
    // Another process appended: this one's next write is whole.
    appendFileSync(path, '3\n');
    file.write([4], () => [1, 2, 4]);
    expect(file.read()).toEqual([1, 2, 4]);
    appendFileSync(path, '[5, ');
    expect(file.read()).toEqual([1, 2, 4]);
    file.write([6], () => [1, 6]);
    expect(file.read()).toEqual([1, 6]);
    writeFileSync(path, 'not json');
    expect(file.read()).toBeUndefined();
  });
});
