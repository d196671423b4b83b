/**
 * `npm run diff -- <base-ref>`: what changed in plans between a git ref and
 * the working tree, as Markdown for a pull-request comment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { digestPlan } from '../history/digest.ts';
import { git, readVersions } from '../history/git.ts';
import { changesMarkdown, type PlanChange } from '../history/report.ts';
import { parsePlan } from '../history/versions.ts';
import { resolveToday } from '../model/today.ts';
import { loadFile } from '../validate/load.ts';

const USAGE = 'usage: npm run diff -- <base-ref> [--root DIR]';

export function planChanges(root: string, ref: string, today: string): PlanChange[] | string {
  const top = git(root, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return 'not a git repository: npm run diff compares plans with a git ref';
  const refDate = git(root, ['log', '-1', '--format=%cI', ref])?.trim();
  if (!refDate) return `unknown git ref "${ref}" (in a shallow clone, fetch it first: git fetch --depth=1 origin ${ref})`;
  const since = new Date(refDate).toISOString().slice(0, 10);
  const prefix = git(root, ['rev-parse', '--show-prefix'])?.trim() ?? '';
  const tracked = git(root, ['diff', '--name-only', '--relative', ref, '--', 'content/plans']) ?? '';
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', 'content/plans']) ?? '';
  const files = [...new Set([...tracked.split('\n'), ...untracked.split('\n')])].filter((f) => f.endsWith('.mdx')).sort();
  const before = readVersions(top, files.map((file) => ({ hash: ref, path: prefix + file })));
  return files.map((file, i): PlanChange => {
    const old = before[i] === undefined ? undefined : parsePlan(file, before[i]);
    const path = join(root, file);
    if (!existsSync(path)) return { kind: 'removed', file, account: old?.account ?? file };
    const now = parsePlan(file, readFileSync(path, 'utf8'));
    if (!now) return { kind: 'unreadable', file, side: 'after' };
    if (before[i] === undefined) return { kind: 'added', file, account: now.account, digest: digestPlan(undefined, now, since, today) };
    if (!old) return { kind: 'unreadable', file, side: 'before' };
    return { kind: 'changed', file, account: now.account, digest: digestPlan(old, now, since, today) };
  });
}

/** Person names for the report, where the files can be read. */
function personNames(root: string): (id: string) => string {
  return (id) => {
    const path = join(root, 'content/people', `${id}.yaml`);
    if (!existsSync(path)) return id;
    const data = loadFile(`content/people/${id}.yaml`, 'person', readFileSync(path, 'utf8')).data as { name?: unknown } | undefined;
    return typeof data?.name === 'string' ? data.name : id;
  };
}

if (import.meta.main) {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: '.' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const [ref] = args.positionals;
  if (!ref) {
    console.error(USAGE);
    process.exit(2);
  }
  const root = resolve(args.values.root!);
  const changes = planChanges(root, ref, resolveToday());
  if (typeof changes === 'string') {
    console.error(changes);
    process.exitCode = 1;
  } else {
    process.stdout.write(changesMarkdown(ref, changes, personNames(root)));
  }
}
