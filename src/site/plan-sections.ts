/**
 * The sections of a plan page, in page order (the order of a review): the table of contents, the
 * page, the printed meeting pack and the search index all come from this
 * list. Adding a section is one entry here and one component in
 * src/components/plan/sections/ (named in its index.ts).
 */
import type { PlanView } from '../model/portfolio.ts';

export interface PlanSection {
  id: string;
  /** The heading, and the entry in the table of contents. */
  title: string;
  /** Whether this plan has anything for the section. */
  present(plan: PlanView): boolean;
  /**
   * In the printed meeting pack: 1 and 2 come first (what changed, the open
   * actions), 3 follows in page order, false is left out (it stays on the site).
   */
  print: 1 | 2 | 3 | false;
  /** False: keep the section out of the search index (its items are indexed where they live). */
  indexed?: boolean;
}

const always = () => true;

export const PLAN_SECTIONS = [
  // A review's order: what changed, then goals and stakeholders, the numbers, what to do; then the story and the rest.
  { id: 'glance', title: 'At a glance', present: always, print: 1, indexed: false },
  { id: 'digest', title: 'Since the last review', present: always, print: 1 },
  { id: 'goals', title: 'Goals', present: (p) => p.goals.length > 0, print: 3 },
  { id: 'stakeholders', title: 'Stakeholders', present: (p) => p.stakeholders.length > 0, print: 3 },
  { id: 'scorecard', title: 'Scorecard', present: always, print: 3 },
  { id: 'risks', title: 'Risks', present: (p) => p.risks.length > 0, print: 3 },
  { id: 'actions', title: 'Actions', present: (p) => p.actions.length > 0, print: 2 },
  { id: 'narrative', title: 'Narrative', present: always, print: false },
  { id: 'mission', title: 'Mission', present: (p) => Boolean(p.data.mission), print: false },
  { id: 'strategy', title: 'Strategy', present: (p) => Boolean(p.data.strategy), print: false },
  { id: 'profile', title: 'Client profile', present: (p) => Boolean(p.data.profile), print: false },
  { id: 'team', title: 'Our team', present: (p) => Boolean(p.data.team?.length), print: false },
  { id: 'selection', title: 'Key-account selection', present: (p) => Boolean(p.data.selection), print: false },
  { id: 'opportunities', title: 'Whitespace and opportunities', present: (p) => Boolean(p.data.opportunities?.length), print: false },
  { id: 'competitors', title: 'Competitors', present: (p) => Boolean(p.data.competitors?.length), print: false },
  { id: 'swot', title: 'SWOT', present: (p) => Boolean(p.data.swot), print: false },
  { id: 'changes', title: 'Changes to the plan', present: (p) => Boolean(p.data.changes?.length), print: false },
  { id: 'references', title: 'Referenced by', present: always, print: false },
] as const satisfies readonly PlanSection[];

export type SectionId = (typeof PLAN_SECTIONS)[number]['id'];

/** The id of a section's element: the target of its table-of-contents entry. */
export const sectionAnchor = (id: SectionId) => `section_${id}`;

/** The sections this plan shows, in page order. */
export function planSections(plan: PlanView): readonly (PlanSection & { id: SectionId })[] {
  return PLAN_SECTIONS.filter((s) => s.present(plan));
}
