/**
 * Plan completeness (spec v2, "Computed signals"): which recommended parts an
 * `active` or `under-review` plan has, by tier, as a share with the missing
 * parts named.
 */
import type { PlanData } from '../schema/plan.ts';

export interface CompletenessPart {
  /** Stable key, for the export and for tests. */
  key: string;
  /** What a writer adds, in words. */
  label: string;
  present: boolean;
}

export interface Completeness {
  parts: CompletenessPart[];
  /** Present parts / all parts, 0 to 1. */
  share: number;
  /** Labels of the parts that are missing, in the spec's order. */
  missing: string[];
}

type Part = { key: string; label: string; test: (d: PlanData, perspectives: readonly string[]) => boolean };

const atLeast = (n: number, list: unknown[] | undefined) => (list?.length ?? 0) >= n;

const FULL: Part[] = [
  { key: 'mission', label: 'a mission', test: (d) => !!d.mission },
  { key: 'strategy', label: 'a strategy', test: (d) => !!d.strategy },
  { key: 'profile', label: 'a client profile', test: (d) => d.profile !== undefined },
  { key: 'team', label: 'a team', test: (d) => atLeast(1, d.team) },
  { key: 'goals', label: 'at least 3 goals', test: (d) => atLeast(3, d.goals) },
  { key: 'stakeholders', label: 'at least 3 stakeholders', test: (d) => atLeast(3, d.stakeholders) },
  { key: 'scorecard', label: 'scorecard measures in every perspective',
    test: (d, perspectives) => perspectives.every((p) => (d.scorecard ?? []).some((m) => m.perspective === p)) },
  { key: 'risks', label: 'at least 1 risk', test: (d) => atLeast(1, d.risks) },
  { key: 'actions', label: 'at least 1 action', test: (d) => atLeast(1, d.actions) },
  { key: 'competitors', label: 'competitors', test: (d) => atLeast(1, d.competitors) },
  { key: 'swot', label: 'a SWOT', test: (d) => d.swot !== undefined },
];

const BASIC: Part[] = [
  { key: 'goals', label: 'at least 1 goal', test: (d) => atLeast(1, d.goals) },
  { key: 'stakeholders', label: 'at least 1 stakeholder', test: (d) => atLeast(1, d.stakeholders) },
  { key: 'actions', label: 'at least 1 action', test: (d) => atLeast(1, d.actions) },
];

/** Undefined for a plan completeness does not apply to (draft, suspended, discontinued). */
export function planCompleteness(data: PlanData, perspectives: readonly string[]): Completeness | undefined {
  if (data.status !== 'active' && data.status !== 'under-review') return undefined;
  const list = data.tier === 'strategic' || data.tier === 'key' ? FULL : BASIC;
  const parts = list.map((p) => ({ key: p.key, label: p.label, present: p.test(data, perspectives) }));
  const present = parts.filter((p) => p.present).length;
  return { parts, share: present / parts.length, missing: parts.filter((p) => !p.present).map((p) => p.label) };
}
