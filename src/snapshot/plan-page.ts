/** What a plan's page shows, as a pure function of the snapshot: tested without a build. */
import type { PlanView, Portfolio } from '../model/portfolio.ts';
import { bodyOnPage, type BodyOnPage } from '../site/placed-views.ts';
import { planSections, sectionAnchor, type PlanSection, type SectionId } from '../site/plan-sections.ts';
import type { Snapshot } from './snapshot.ts';

export interface PlanPageData {
  plan: PlanView;
  parent?: PlanView;
  children: PlanView[];
  related: PlanView[];
  /** The sections this plan has, in page order, each with its element id. */
  sections: (PlanSection & { id: SectionId; anchor: string })[];
  /** The plan's file, from the project root. */
  file: string;
  /** Where the file can be seen, with the sourceUrl option. */
  sourceHref?: string;
  /** The groups the plan is restricted to; empty for a public plan. */
  audience: readonly string[];
  /** The body, with the views it places and which of them stand in for their sections. */
  body: BodyOnPage;
}

/**
 * The page of plan `id` in the view of `portfolio` (the public one, or an
 * area's). Undefined for a plan that view has no page of (in dev: one left
 * out for its errors since the page list was made).
 */
export function planPageData(snapshot: Snapshot, portfolio: Portfolio, id: string): PlanPageData | undefined {
  const { config } = snapshot;
  const plan = portfolio.plan.get(id);
  // An area's portfolio also holds the public plans its pages link to: their pages are public.
  if (!plan || !plan.home.startsWith(portfolio.view.prefix)) return undefined;
  const file = snapshot.result.plans.find((p) => p.id === id)!.source.file;
  return {
    plan,
    parent: plan.parent ? portfolio.plan.get(plan.parent) : undefined,
    children: plan.children.map((c) => portfolio.plan.get(c)!),
    related: plan.related.map((r) => portfolio.plan.get(r)!),
    sections: planSections(plan).map((s) => ({ ...s, anchor: sectionAnchor(s.id) })),
    file,
    sourceHref: config.sourceUrl?.replace('{path}', file),
    audience: snapshot.visibility.restricted.get(id) ?? [],
    // The body as rendered for this view (its links differ by view).
    body: bodyOnPage(snapshot.bodies.get(plan.home) ?? []),
  };
}
