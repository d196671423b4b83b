/**
 * Each plan's digest since its last review, from the plan file's git history:
 * the file as last committed on or before `review.last`, compared with the
 * file as it is now (uncommitted edits included). Also when each plan file
 * last changed.
 */
import type { PlanData } from '../schema/plan.ts';
import type { IsoDate } from '../model/dates.ts';
import { digestPlan, type Digest } from './digest.ts';
import { git, readHistory, type HistoryResult } from './git.ts';
import { committedPlans } from './versions.ts';

export type PlanDigest =
  | { since: IsoDate; digest: Digest; /** The committed version compared with, if any. */ baseline?: { hash: string; date: string } }
  | { since?: IsoDate; unavailable: string };

export interface PlanHistory {
  digest: PlanDigest;
  /** When the file was last committed, and whether it has uncommitted changes. */
  lastChanged?: { date: IsoDate; uncommitted: boolean };
}

export interface HistoryInput {
  id: string;
  /** Project-relative path, e.g. content/plans/acme.mdx. */
  file: string;
  data: PlanData;
}

const utcDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/** `read`: the plans' git history, when the caller has it already (a build reads it once for this and the change feed). */
export function plansHistory(root: string, plans: readonly HistoryInput[], today: IsoDate, perspectives: readonly string[],
  read: HistoryResult = readHistory(root, 'content/plans')): Map<string, PlanHistory> {
  const out = new Map<string, PlanHistory>();
  if ('unavailable' in read) {
    for (const p of plans) out.set(p.id, { digest: { since: p.data.review.last, unavailable: read.unavailable } });
    return out;
  }
  const { history } = read;
  const dirty = uncommitted(root, history.prefix);
  // Old versions to read, all through one git process.
  const wanted: { plan: HistoryInput; hash: string; date: string; lastChanged?: PlanHistory['lastChanged'] }[] = [];
  for (const plan of plans) {
    const commits = history.commits.get(history.prefix + plan.file) ?? [];
    const lastChanged = commits[0] ? { date: utcDay(commits[0].date), uncommitted: dirty.has(plan.file) } : undefined;
    const since = plan.data.review.last;
    if (!since) {
      out.set(plan.id, { lastChanged, digest: { unavailable: 'no last review is recorded (review.last), so there is nothing to compare with' } });
      continue;
    }
    const baseline = commits.find((c) => utcDay(c.date) <= since);
    if (baseline) {
      wanted.push({ plan, hash: baseline.hash, date: baseline.date, lastChanged });
    } else if (history.shallow) {
      out.set(plan.id, { lastChanged, digest: { since, unavailable: `the history before ${since} is not in this clone (it is shallow); fetch it with git fetch --unshallow` } });
    } else {
      // First committed after the review, or not committed yet: all of it is new since.
      out.set(plan.id, { lastChanged, digest: { since, digest: digestPlan(undefined, plan.data, since, today) } });
    }
  }
  const committed = committedPlans(history.top, wanted.map((w) => ({ hash: w.hash, path: history.prefix + w.plan.file })), perspectives);
  wanted.forEach((w, i) => {
    const since = w.plan.data.review.last!;
    const before = committed[i];
    out.set(w.plan.id, {
      lastChanged: w.lastChanged,
      digest: before
        ? { since, digest: digestPlan(before, w.plan.data, since, today), baseline: { hash: w.hash, date: utcDay(w.date) } }
        : { since, unavailable: `the version committed on ${utcDay(w.date)} could not be read` },
    });
  });
  return out;
}

/** Plan files with changes not yet committed, relative to the project root. */
function uncommitted(root: string, prefix: string): Set<string> {
  const status = git(root, ['status', '--porcelain', '--', 'content/plans']);
  return new Set((status ?? '').split('\n').filter(Boolean).map((line) => line.slice(3).trim().replace(prefix, '')));
}
