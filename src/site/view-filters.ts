/**
 * What a view shows when the body filters it (src/body/components.ts): plain
 * functions of the plan, shared by the plan's sections and the views a body
 * places, so both show the same rows in the same order.
 */
import type { ActionView, MeasureView, PlanView, RiskView, StakeholderView } from '../model/portfolio.ts';

/** Risks as the register lists them and the matrix numbers them: highest score first (R1). */
export function risksByScore(plan: PlanView): RiskView[] {
  return [...plan.risks].sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'en'));
}

/** Actions as the table lists them, open first, then by due date; filtered as the body asks. */
export function actionsShown(plan: PlanView, filter: { goal?: string; risk?: string; status: 'open' | 'all' }): ActionView[] {
  return [...plan.actions]
    .filter((a) => (filter.goal === undefined || a.goal === filter.goal) && (filter.risk === undefined || a.risk === filter.risk)
      && (filter.status === 'all' || a.open))
    .sort((a, b) => Number(b.open) - Number(a.open) || a.due.localeCompare(b.due));
}

/** One unit's people and whoever they report to, up to the top: the part of the org chart about that unit. */
export function stakeholdersOfUnit(stakeholders: readonly StakeholderView[], unit: string): StakeholderView[] {
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const keep = new Set<string>();
  for (const s of stakeholders) {
    if (s.unit !== unit) continue;
    for (let at: StakeholderView | undefined = s; at && !keep.has(at.id); at = at.reportsTo ? byId.get(at.reportsTo) : undefined) keep.add(at.id);
  }
  return stakeholders.filter((s) => keep.has(s.id));
}

export function measuresOf(plan: PlanView, perspective: string | undefined): MeasureView[] {
  return perspective === undefined ? plan.measures : plan.measures.filter((m) => m.perspective === perspective);
}
