/**
 * Plan files as they were committed, read from git and checked against the
 * plan schema. A commit's file never changes, so each version is read and
 * parsed once per process: a dev save reads from git only the versions it has
 * not seen (none, unless HEAD moved). The cache is named and pruned to the
 * versions the last pass over the content asked for.
 */
import { planSchema, type PlanData } from '../schema/plan.ts';
import { loadFile } from '../validate/load.ts';
import { ContentCache } from '../cache/content-cache.ts';
import { readVersions } from './git.ts';

/** A plan file's text as checked data, or undefined when it does not pass the schema. */
export function parsePlan(file: string, text: string | undefined, schema = planSchema()): PlanData | undefined {
  if (text === undefined) return undefined;
  const source = loadFile(file, 'plan', text);
  if (source.data === undefined) return undefined;
  const result = schema.safeParse(source.data);
  return result.success ? result.data : undefined;
}

const versions = new ContentCache<{ data?: PlanData }>('committed plans');

/**
 * Each wanted version (a commit and a path from the repository root, `top`)
 * as checked data, or undefined where it is missing or fails the schema.
 * Only versions not already held are read, all through one git process.
 */
export function committedPlans(top: string, wanted: readonly { hash: string; path: string }[],
  perspectives: readonly string[]): (PlanData | undefined)[] {
  const keyOf = (w: { hash: string; path: string }) => `${top}\0${w.hash}:${w.path}\0${perspectives.join(',')}`;
  const missing = [...new Map(wanted.filter((w) => !versions.has(keyOf(w))).map((w) => [keyOf(w), w])).values()];
  if (missing.length > 0) {
    const texts = readVersions(top, missing);
    const schema = planSchema(perspectives);
    missing.forEach((w, i) => versions.set(keyOf(w), { data: parsePlan(w.path, texts[i], schema) }));
  }
  return wanted.map((w) => versions.get(keyOf(w))?.data);
}

/** After a pass over the content (a dev refresh): only the versions it asked for stay. */
export function pruneCommittedPlans(): void {
  versions.prune();
}
