/**
 * Who may read each plan: hidden from this build, public, or restricted to
 * groups. Decided here once; the public site, the restricted areas and the
 * web server's access rules all follow this one answer.
 */
import type { PlanData } from '../schema/plan.ts';

/** The group `confidential: true` stands for. */
export const CONFIDENTIAL_GROUP = 'confidential';

export interface AudienceOptions {
  /** Draft plans are shown (dev) or left out (production). */
  showDrafts: boolean;
  /** Leave every restricted plan out entirely: no area, no count, no trace. */
  excludeConfidential: boolean;
}

export type PlanAudience =
  | { kind: 'hidden' }
  | { kind: 'public' }
  | { kind: 'restricted'; groups: readonly string[] };

export interface Audiences {
  /** Every plan's answer, in file order. */
  plans: ReadonlyMap<string, PlanAudience>;
  /** Group id → the restricted plans its area holds (file order), groups sorted. */
  areas: ReadonlyMap<string, readonly string[]>;
}

/** The groups a plan is restricted to, from `audience` and `confidential`; empty when it is public. */
export function planGroups(data: Pick<PlanData, 'audience' | 'confidential'>): string[] {
  const groups = new Set(data.audience ?? []);
  if (data.confidential) groups.add(CONFIDENTIAL_GROUP);
  return [...groups].sort();
}

export function decideAudiences(
  plans: readonly { id: string; data?: Pick<PlanData, 'status' | 'confidential' | 'audience'> }[],
  options: AudienceOptions,
): Audiences {
  const decided = new Map<string, PlanAudience>();
  const areas = new Map<string, string[]>();
  for (const { id, data } of plans) {
    if (!data || (!options.showDrafts && data.status === 'draft')) {
      decided.set(id, { kind: 'hidden' });
      continue;
    }
    const groups = planGroups(data);
    if (groups.length === 0) {
      decided.set(id, { kind: 'public' });
      continue;
    }
    if (options.excludeConfidential) {
      decided.set(id, { kind: 'hidden' });
      continue;
    }
    decided.set(id, { kind: 'restricted', groups });
    for (const group of groups) areas.set(group, [...(areas.get(group) ?? []), id]);
  }
  const sorted = new Map([...areas].sort(([a], [b]) => a.localeCompare(b)));
  return { plans: decided, areas: sorted };
}
