/**
 * Which plans this build shows, and where: decided here, once, for every
 * page, the search index, the export, link resolution, diagrams and bodies.
 * Nobody else filters plans by status or confidentiality.
 */
import type { PlanData } from '../schema/plan.ts';

export interface VisibilityOptions {
  /** Draft plans are shown (dev) or left out (production). */
  showDrafts: boolean;
  /** Leave confidential plans out entirely, and every pointer to them. */
  excludeConfidential: boolean;
}

export interface Visibility {
  /** Plans with pages in this build (in file order). */
  shown: readonly string[];
  /** Plans left out of this build: drafts outside dev, excluded confidential plans, plans that could not be read. */
  hidden: ReadonlySet<string>;
  /** Shown plans whose content other pages, the search index and the export may show: not confidential. */
  open: ReadonlySet<string>;
  /** Shown plans in the data export: open and not drafts. */
  exported: ReadonlySet<string>;
}

export function decideVisibility(plans: readonly { id: string; data?: Pick<PlanData, 'status' | 'confidential'> }[],
  options: VisibilityOptions, unreadable: ReadonlySet<string> = new Set()): Visibility {
  const shown: string[] = [];
  const hidden = new Set<string>();
  const open = new Set<string>();
  const exported = new Set<string>();
  for (const { id, data } of plans) {
    const leftOut = !data || unreadable.has(id) || (!options.showDrafts && data.status === 'draft')
      || (options.excludeConfidential && data.confidential === true);
    if (leftOut) {
      hidden.add(id);
      continue;
    }
    shown.push(id);
    if (data.confidential) continue;
    open.add(id);
    if (data.status !== 'draft') exported.add(id);
  }
  return { shown, hidden, open, exported };
}
