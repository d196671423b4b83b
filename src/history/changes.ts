/**
 * What changed in each plan, commit by commit, for the change feed: every
 * commit of a plan file compared with the commit before it, through the same
 * digest as the since-last-review summary. Only the newest entries are read
 * from git, a batch at a time, so a long history costs what the feed shows.
 */
import type { Action } from '../schema/action.ts';
import { planSchema, type PlanData } from '../schema/plan.ts';
import { addDays } from '../model/dates.ts';
import { digestPlan, isEmptyDigest, type Digest } from './digest.ts';
import { readHistory, readVersions, type FileCommit, type HistoryResult } from './git.ts';
import type { HistoryInput } from './since-review.ts';
import { parsePlan } from './since-review.ts';

export interface PlanChange {
  plan: string;
  /** The commit that made the change, or `overdue-<day>` for actions that fell overdue that day. */
  hash: string;
  /** Its committer date (or the day's start, UTC), ISO 8601. */
  date: string;
  /** A commit adding the plan file, a commit changing it, or actions falling overdue. */
  kind: 'added' | 'changed' | 'overdue';
  digest: Digest;
}

export type ChangesResult = { changes: PlanChange[] } | { changes: []; unavailable: string };

const utcDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/**
 * The newest `limit` changes of the given plans, newest first, for the feed
 * of the public site or of the area of `area`. A version that was a draft, or
 * that the feed's readers could not read then (restricted, for the public
 * feed; not restricted to the area's group, for an area's), is never
 * compared, so nothing from such a time reaches the feed.
 */
export function planChanges(root: string, plans: readonly Omit<HistoryInput, 'data'>[], perspectives: readonly string[], limit = 100,
  read: HistoryResult = readHistory(root, 'content/plans'), area?: string): ChangesResult {
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
  steps.sort((a, b) => Date.parse(b.after.date) - Date.parse(a.after.date) || a.plan.localeCompare(b.plan));
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
      if (!after || hidden(after, area) || (before && hidden(before, area))) continue;
      // The earlier version unreadable (it failed the schema then): nothing reliable to compare with.
      if (step.before && !before) continue;
      const since = step.before ? utcDay(step.before.date) : utcDay(step.after.date);
      // Actions falling overdue are entries of their own, on the day it happened (overdueChanges), not news of a commit.
      const digest = { ...digestPlan(before, after, since, utcDay(step.after.date)), actionsOverdue: [] };
      if (isEmptyDigest(digest)) continue;
      changes.push({ plan: step.plan, hash: step.after.hash, date: step.after.date, kind: step.before ? 'changed' : 'added', digest });
      if (changes.length === limit) break;
    }
  }
  return { changes };
}

const hidden = (data: PlanData, area: string | undefined) => data.status === 'draft'
  || (area === undefined ? data.confidential === true : !(data.audience ?? []).includes(area));

/**
 * Open actions now overdue, one entry per plan per day they fell overdue (the
 * day after their due date). Keyed by that day, so every build gives the same
 * entry: a feed reader shows it once, however often the site is built.
 */
export function overdueChanges(plans: readonly { id: string; actions: readonly (Action & { overdue: boolean })[] }[]): PlanChange[] {
  const out: PlanChange[] = [];
  for (const plan of plans) {
    const byDay = new Map<string, Digest['actionsOverdue']>();
    for (const action of plan.actions) {
      if (!action.overdue) continue;
      const day = addDays(action.due, 1);
      byDay.set(day, [...(byDay.get(day) ?? []), { id: action.id, title: action.title, due: action.due }]);
    }
    for (const [day, actions] of byDay) {
      out.push({ plan: plan.id, hash: `overdue-${day}`, date: `${day}T00:00:00Z`, kind: 'overdue', digest: { ...emptyDigest(), actionsOverdue: actions } });
    }
  }
  return out;
}

const emptyDigest = (): Digest => ({
  goalsAdded: [], goalsRemoved: [], goalStatus: [], actuals: [], risksOpened: [], risksClosed: [],
  risksRescored: [], stakeholders: [], actionsCompleted: [], actionsOverdue: [],
});
