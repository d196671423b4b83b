/**
 * What changed in each plan, commit by commit, for the change feed: every
 * commit of a plan file compared with the commit before it, through the same
 * digest as the since-last-review summary. Only the newest entries are read
 * from git, a batch at a time, so a long history costs what the feed shows.
 */
import { planSchema, type PlanData } from '../schema/plan.ts';
import { digestPlan, isEmptyDigest, type Digest } from './digest.ts';
import { readHistory, readVersions, type FileCommit } from './git.ts';
import type { HistoryInput } from './since-review.ts';
import { parsePlan } from './since-review.ts';

export interface PlanChange {
  plan: string;
  /** The commit that made the change. */
  hash: string;
  /** Its committer date, ISO 8601. */
  date: string;
  /** True when the commit added the plan file. */
  added: boolean;
  digest: Digest;
}

export type ChangesResult = { changes: PlanChange[] } | { changes: []; unavailable: string };

const utcDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/**
 * The newest `limit` changes of the given plans, newest first. A version that
 * was confidential or a draft is never compared, so nothing from the time a
 * plan was hidden reaches the feed.
 */
export function planChanges(root: string, plans: readonly Omit<HistoryInput, 'data'>[], perspectives: readonly string[], limit = 100): ChangesResult {
  const read = readHistory(root, 'content/plans');
  if ('unavailable' in read) return { changes: [], unavailable: read.unavailable };
  const { history } = read;
  const steps: { plan: string; path: string; after: FileCommit; before?: FileCommit }[] = [];
  for (const plan of plans) {
    const path = history.prefix + plan.file;
    const commits = history.commits.get(path) ?? [];
    // In a shallow clone the oldest commit present is not the one that added the file.
    const usable = history.shallow ? commits.length - 1 : commits.length;
    for (let i = 0; i < usable; i++) steps.push({ plan: plan.id, path, after: commits[i], before: commits[i + 1] });
  }
  steps.sort((a, b) => b.after.date.localeCompare(a.after.date) || a.plan.localeCompare(b.plan));
  const schema = planSchema(perspectives);
  const changes: PlanChange[] = [];
  const batch = Math.max(limit * 2, 50);
  for (let start = 0; start < steps.length && changes.length < limit; start += batch) {
    const slice = steps.slice(start, start + batch);
    const wanted = slice.flatMap((s) => [{ hash: s.after.hash, path: s.path }, ...(s.before ? [{ hash: s.before.hash, path: s.path }] : [])]);
    const texts = readVersions(history.top, wanted);
    let at = 0;
    for (const step of slice) {
      const after = parsePlan(step.path, texts[at++], schema);
      const before = step.before ? parsePlan(step.path, texts[at++], schema) : undefined;
      if (!after || hidden(after) || (before && hidden(before))) continue;
      // The earlier version unreadable (it failed the schema then): nothing reliable to compare with.
      if (step.before && !before) continue;
      const since = step.before ? utcDay(step.before.date) : utcDay(step.after.date);
      const digest = digestPlan(before, after, since, utcDay(step.after.date));
      if (isEmptyDigest(digest)) continue;
      changes.push({ plan: step.plan, hash: step.after.hash, date: step.after.date, added: !step.before, digest });
      if (changes.length === limit) break;
    }
  }
  return { changes };
}

const hidden = (data: PlanData) => data.confidential === true || data.status === 'draft';
