/**
 * What a dev server keeps of git between saves: the log of the current HEAD
 * (read again when a commit moves HEAD), and the committed plan versions the
 * last refresh asked for. Both are named caches pruned to the current content.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheSizes } from '../../src/cache/content-cache.ts';
import { readHistory, type History } from '../../src/history/git.ts';
import { committedPlans, pruneCommittedPlans } from '../../src/history/versions.ts';
import { planHeader } from '../build/build-site.ts';

const PERSPECTIVES = ['financial', 'client', 'sales', 'people', 'management'];
const plan = (account: string) => `${planHeader(account)}\nBody.\n`;

function gitIn(cwd: string, args: string[], date = '2026-09-01T10:00:00Z'): string {
  return execFileSync('git', args, {
    cwd, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

let root: string;
const write = (file: string, text: string) => writeFileSync(join(root, 'content/plans', file), text);
const commit = (date: string) => {
  gitIn(root, ['add', '.']);
  gitIn(root, ['commit', '-q', '-m', date], date);
  return gitIn(root, ['rev-parse', 'HEAD']).trim();
};
const history = (): History => {
  const read = readHistory(root, 'content/plans');
  if ('unavailable' in read) throw new Error(read.unavailable);
  return read.history;
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'keyplan-git-cache-'));
  mkdirSync(join(root, 'content/plans'), { recursive: true });
  gitIn(root, ['init', '-q', '-b', 'main']);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the git log of the current HEAD', () => {
  it('says there is no history before the first commit', () => {
    write('acme.mdx', plan('Acme Bank'));
    expect(readHistory(root, 'content/plans')).toEqual({ unavailable: 'git could not read the history (is it a repository with commits?)' });
  });

  it('is read again after a commit, and only the current one is kept', () => {
    const first = commit('2026-09-01T10:00:00Z');
    expect(history().commits.get('content/plans/acme.mdx')?.map((c) => c.hash)).toEqual([first]);
    // Saving a plan without committing: the same log, not read again.
    write('acme.mdx', plan('Acme Bank Ltd'));
    expect(history()).toBe(history());
    const second = commit('2026-10-01T10:00:00Z');
    expect(history().commits.get('content/plans/acme.mdx')?.map((c) => c.hash)).toEqual([second, first]);
    expect(cacheSizes()['git log']).toBe(1);
  });
});

describe('committed plan versions', () => {
  it('are the plans as committed, whatever the files hold now', () => {
    const top = history().top;
    const [newest, oldest] = history().commits.get('content/plans/acme.mdx')!;
    write('acme.mdx', plan('Acme Bank (not committed)'));
    const [a, b, missing] = committedPlans(top, [
      { hash: newest.hash, path: 'content/plans/acme.mdx' },
      { hash: oldest.hash, path: 'content/plans/acme.mdx' },
      { hash: oldest.hash, path: 'content/plans/gone.mdx' },
    ], PERSPECTIVES);
    expect([a?.account, b?.account, missing]).toEqual(['Acme Bank Ltd', 'Acme Bank', undefined]);
  });

  it('keep only what the last pass asked for', () => {
    const top = history().top;
    const [newest, oldest] = history().commits.get('content/plans/acme.mdx')!;
    pruneCommittedPlans();
    expect(committedPlans(top, [{ hash: newest.hash, path: 'content/plans/acme.mdx' }], PERSPECTIVES)[0]?.account).toBe('Acme Bank Ltd');
    pruneCommittedPlans();
    expect(cacheSizes()['committed plans']).toBe(1);
    expect(committedPlans(top, [{ hash: oldest.hash, path: 'content/plans/acme.mdx' }], PERSPECTIVES)[0]?.account).toBe('Acme Bank');
    pruneCommittedPlans();
    expect(cacheSizes()['committed plans']).toBe(1);
  });
});
