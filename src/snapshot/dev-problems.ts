/** What the dev banner says: the errors of the content, by file, and what the site does with each file. */
import { formatIssue } from '../validate/issue.ts';
import type { Snapshot } from './snapshot.ts';

export interface DevProblems {
  /** Why the last refresh failed, if it did. */
  failure?: string;
  files: { file: string; leftOut: boolean; lines: string[] }[];
  count: number;
}

export function devProblems(snapshot: Snapshot): DevProblems {
  const leftOut = new Set(snapshot.result.plans.filter((p) => snapshot.visibility.hidden.has(p.id)).map((p) => p.source.file));
  const byFile = new Map<string, string[]>();
  for (const issue of snapshot.errors) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), formatIssue(issue)]);
  return {
    failure: snapshot.failure,
    files: [...byFile].map(([file, lines]) => ({ file, leftOut: leftOut.has(file), lines })),
    count: snapshot.errors.length,
  };
}
