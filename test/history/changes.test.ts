/**
 * The change feed's history: a real git repository where plans change over
 * several commits, read back commit by commit.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planChanges } from '../../src/history/changes.ts';
import { digestLines } from '../../src/history/digest.ts';
import { planHeader } from '../build/build-site.ts';

const PERSPECTIVES = ['financial', 'client', 'sales', 'people', 'management'];

const plan = (account: string, extra: string) => `${planHeader(account, { extra: `${extra}\n` })}\nBody.\n`;

const goals = (status: string) => `goals:
  - { id: grow, title: Grow online sales, due: 2026-12-31, owner: jane-doe, status: ${status} }
risks:
  - { id: budget, title: Budget cut, likelihood: 3, impact: 4, mitigation: Show payback, owner: jane-doe, status: open }`;

function gitIn(cwd: string, args: string[], date?: string): void {
  execFileSync('git', args, {
    cwd,
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

let root: string;
const write = (file: string, text: string) => writeFileSync(join(root, 'content/plans', file), text);
const commit = (date: string) => {
  gitIn(root, ['add', '.']);
  gitIn(root, ['commit', '-q', '-m', date], date);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'keyplan-changes-'));
  mkdirSync(join(root, 'content/plans'), { recursive: true });
  gitIn(root, ['init', '-q', '-b', 'main']);
  write('acme.mdx', plan('Acme Bank', goals('on-track')));
  // Confidential at first: nothing from that time may reach the feed once it is public.
  write('quill.mdx', plan('Quill Labs', `confidential: true\n${goals('on-track').replace('Grow online sales', 'Vexmoor launch')}`));
  commit('2026-09-01T10:00:00Z');
  write('acme.mdx', plan('Acme Bank', goals('at-risk').replace('likelihood: 3', 'likelihood: 4')));
  write('quill.mdx', plan('Quill Labs', `confidential: true\n${goals('at-risk').replace('Grow online sales', 'Vexmoor launch')}`));
  commit('2026-10-01T10:00:00Z');
  write('acme.mdx', plan('Acme Bank', goals('at-risk').replace('likelihood: 3', 'likelihood: 4')).replace('Body.', 'Body, reworded.'));
  write('quill.mdx', plan('Quill Labs', goals('done')));
  commit('2026-11-01T10:00:00Z');
  write('quill.mdx', plan('Quill Labs', goals('done').replace('status: open', 'status: closed')));
  commit('2026-11-15T10:00:00Z');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = [{ id: 'acme', file: 'content/plans/acme.mdx' }, { id: 'quill', file: 'content/plans/quill.mdx' }];

describe('changes commit by commit', () => {
  it('gives one entry per plan per commit that changed what the digest watches, newest first', () => {
    const result = planChanges(root, files, PERSPECTIVES);
    expect('unavailable' in result).toBe(false);
    const summary = result.changes.map((c) => [c.plan, c.date.slice(0, 10), c.kind, digestLines(c.digest).flatMap((s) => s.lines)]);
    expect(summary).toEqual([
      ['quill', '2026-11-15', 'changed', ['Closed (closed): Budget cut']],
      // 1 Nov: Acme's body only (nothing the digest watches); Quill made public, compared with a confidential version: left out.
      ['acme', '2026-10-01', 'changed', ['Grow online sales: on track → at risk', 'Re-scored: Budget cut: 12 → 16']],
      ['acme', '2026-09-01', 'added', ['Added: Grow online sales', 'Opened: Budget cut (score 12)']],
    ]);
    expect(JSON.stringify(result)).not.toContain('Vexmoor');
  });

  it('keeps only the newest entries asked for', () => {
    expect(planChanges(root, files, PERSPECTIVES, 1).changes.map((c) => c.plan)).toEqual(['quill']);
  });

  it('has no entries, and says why, outside a git repository', () => {
    const bare = mkdtempSync(join(tmpdir(), 'keyplan-nogit-'));
    try {
      const result = planChanges(bare, files, PERSPECTIVES);
      expect(result.changes).toEqual([]);
      expect('unavailable' in result && result.unavailable).toContain('not a git repository');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
