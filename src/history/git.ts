/**
 * The git history of plan files, read with as few git processes as possible:
 * one `git log` for every plan's commits, one `git cat-file --batch` for every
 * old version wanted. A folder that is not a repository, or a shallow clone
 * that lacks the commits wanted, gives an explanation instead of a failure.
 * A commit's files never change, so what was read is kept (named, pruned caches).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { ContentCache } from '../cache/content-cache.ts';

export interface FileCommit {
  hash: string;
  /** Committer date, ISO 8601. */
  date: string;
}

export interface History {
  /** Commits touching each file, newest first, by path relative to the repository root. */
  commits: Map<string, FileCommit[]>;
  shallow: boolean;
  /** The repository root, relative to which paths are given. */
  top: string;
  /** Where the project sits inside the repository ("" at its root): prefix of a project path. */
  prefix: string;
}

export type HistoryResult = { history: History } | { unavailable: string };

/** A git command's output, or undefined when it fails (no repository, no git). */
export function git(cwd: string, args: string[], input?: string): string | undefined {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 512 * 1024 * 1024 });
  return run.status === 0 ? run.stdout : undefined;
}

/**
 * What `git log` said, by repository, folder and HEAD commit: the log only
 * changes when HEAD moves, so a dev save costs one `git rev-parse`, not a log
 * of the whole history. Holds the one history last asked for.
 */
const logs = new ContentCache<History>('git log');

/** The history of every file under `dir` (relative to `root`). */
export function readHistory(root: string, dir: string): HistoryResult {
  // One process for where the repository is, whether it is shallow, and HEAD (absent before the first commit).
  const run = spawnSync('git', ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--show-prefix', '--verify', '-q', 'HEAD'],
    { cwd: root, encoding: 'utf8' });
  const [top, shallow, prefix, head] = run.error ? [] : run.stdout.split('\n').map((line) => line.trim());
  if (!top) return { unavailable: 'this folder is not a git repository, so there is no history to compare with' };
  if (run.status !== 0 || !head) return { unavailable: 'git could not read the history (is it a repository with commits?)' };
  const key = [top, prefix, dir, head, shallow].join('\0');
  let history = logs.get(key);
  if (!history) {
    const log = git(root, ['log', '--format=%x00%H %cI', '--name-only', '--no-renames', '--', dir]);
    if (log === undefined) return { unavailable: 'git could not read the history (is it a repository with commits?)' };
    history = { commits: parseLog(log), shallow: shallow === 'true', top, prefix };
    logs.set(key, history);
  }
  // Only the history of this HEAD is kept.
  logs.prune();
  return { history };
}

function parseLog(log: string): Map<string, FileCommit[]> {
  const commits = new Map<string, FileCommit[]>();
  for (const entry of log.split('\0').slice(1)) {
    const [head, ...files] = entry.split('\n').filter(Boolean);
    const [hash, date] = head.split(' ');
    for (const file of files) {
      const list = commits.get(file) ?? [];
      list.push({ hash, date });
      commits.set(file, list);
    }
  }
  return commits;
}

/** Several files at several commits, from one git process. Missing ones come back undefined. */
export function readVersions(top: string, wanted: readonly { hash: string; path: string }[]): (string | undefined)[] {
  if (wanted.length === 0) return [];
  const input = `${wanted.map((w) => `${w.hash}:${w.path}`).join('\n')}\n`;
  let out: Buffer;
  try {
    out = execFileSync('git', ['cat-file', '--batch'], { cwd: top, input, maxBuffer: 1024 * 1024 * 1024 });
  } catch {
    return wanted.map(() => undefined);
  }
  const results: (string | undefined)[] = [];
  let offset = 0;
  for (let i = 0; i < wanted.length; i++) {
    const newline = out.indexOf(10, offset);
    const header = out.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    if (header.endsWith(' missing')) {
      results.push(undefined);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    results.push(out.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return results;
}
