/**
 * Which plans this build shows, and where: decided here, once, for every
 * page, the search index, the export, link resolution, diagrams and bodies.
 * Nobody else filters plans by status, confidentiality or audience.
 */
import { CONFIDENTIAL_GROUP, type PlanData } from '../schema/plan.ts';

export interface VisibilityOptions {
  /** Draft plans are shown (dev) or left out (production). */
  showDrafts: boolean;
  /** Leave every restricted plan (confidential or with an audience) out entirely, and every pointer to them. */
  excludeConfidential: boolean;
}

export interface Visibility {
  /** Plans with pages in this build (in file order). */
  shown: readonly string[];
  /** Plans left out of this build: drafts outside dev, excluded confidential plans, plans that could not be read. */
  hidden: ReadonlySet<string>;
  /** Shown plans whose content other pages, the search index and the export may show: not restricted. */
  open: ReadonlySet<string>;
  /** Shown plans in the data export: open and not drafts. */
  exported: ReadonlySet<string>;
  /** Each shown restricted plan (one with an audience, or confidential) and the groups who may read it. */
  restricted: ReadonlyMap<string, readonly string[]>;
  /** One area per group, `restricted/<group>/`: the shown plans it may read, in file order; groups in order of first use. */
  areas: ReadonlyMap<string, readonly string[]>;
}

export function decideVisibility(plans: readonly { id: string; data?: Pick<PlanData, 'status' | 'confidential' | 'audience'> }[],
  options: VisibilityOptions, unreadable: ReadonlySet<string> = new Set()): Visibility {
  const shown: string[] = [];
  const hidden = new Set<string>();
  const open = new Set<string>();
  const exported = new Set<string>();
  const restricted = new Map<string, readonly string[]>();
  const areas = new Map<string, string[]>();
  for (const { id, data } of plans) {
    const leftOut = !data || unreadable.has(id) || (!options.showDrafts && data.status === 'draft')
      || (options.excludeConfidential && audienceOf(data).length > 0);
    if (leftOut) {
      hidden.add(id);
      continue;
    }
    shown.push(id);
    const groups = audienceOf(data);
    if (groups.length > 0) {
      restricted.set(id, groups);
      for (const group of groups) areas.set(group, [...(areas.get(group) ?? []), id]);
      continue;
    }
    open.add(id);
    if (data.status !== 'draft') exported.add(id);
  }
  return { shown, hidden, open, exported, restricted, areas };
}

/** The groups who may read a plan; none for a public plan. The schema already folds `confidential: true` into the audience. */
function audienceOf(data: Pick<PlanData, 'confidential' | 'audience'>): readonly string[] {
  if (data.audience && data.audience.length > 0) return data.audience;
  return data.confidential ? [CONFIDENTIAL_GROUP] : [];
}
