/**
 * The data export of a view: its published plans with their computed values
 * (JSON), and their actions (CSV). The public export holds nothing of a
 * restricted plan, not even its id in another plan's references; an area's
 * holds the area's plans, with their references to public plans.
 */
import { toAmount } from './money.ts';
import type { PlanView, Portfolio } from './portfolio.ts';

export const EXPORT_VERSION = 1;

function exported(portfolio: Portfolio): PlanView[] {
  return portfolio.plans.filter((p) => portfolio.view.exported.has(p.id));
}

/** The plans an export may name in a reference: its own, and the public export's. */
function nameable(portfolio: Portfolio): Set<string> {
  return new Set([...portfolio.view.exported, ...portfolio.visibility.exported]);
}

export function exportPlans(portfolio: Portfolio) {
  const plans = exported(portfolio);
  const ids = nameable(portfolio);
  // A reference to a plan outside the export would name what must stay unnamed.
  const keepRef = (ref: string) => !ref.includes('#') || ids.has(ref.slice(0, ref.indexOf('#')));
  return {
    version: EXPORT_VERSION,
    today: portfolio.today,
    plans: plans.map((p) => ({
      ...p.data,
      id: p.id,
      parent: p.parent && ids.has(p.parent) ? p.parent : undefined,
      related: p.related.filter((r) => ids.has(r)),
      goals: p.goals.map(({ blocks: _blocks, dependencies: _deps, ...g }) => ({ ...g, dependsOn: g.dependsOn?.filter(keepRef) })),
      actions: p.actions.map(({ blocks: _blocks, dependencies: _deps, ...a }) => ({ ...a, dependsOn: a.dependsOn?.filter(keepRef) })),
      stakeholders: p.stakeholders,
      scorecard: p.measures,
      risks: p.risks,
      computed: {
        health: p.health,
        attractiveness: p.attractiveness,
        review: p.review,
        openActions: p.openActions,
        overdueActions: p.overdueActions,
        overdueGoals: p.overdueGoals,
        /** Spec v2 "Computed signals": share 0–1, absent when unknown (no high- or decisive-influence stakeholder). */
        coverage: { share: p.coverage.share, key: p.coverage.key, covered: p.coverage.covered,
          uncovered: p.coverage.gaps.map((g) => ({ stakeholder: g.id, reason: g.reason })), lacks: p.coverage.lacks },
        /** Absent for plans that are not active or under review. */
        completeness: p.completeness && { share: p.completeness.share,
          missing: p.completeness.parts.filter((x) => !x.present).map((x) => x.key) },
        children: p.children.filter((c) => ids.has(c)),
      },
    })),
  };
}

const COLUMNS = ['plan', 'account', 'id', 'title', 'owner', 'status', 'overdue', 'start', 'due', 'goal', 'risk',
  'effort_days', 'budget', 'currency', 'buffer_days', 'repeats', 'depends_on', 'goal_overdue', 'plan_coverage', 'plan_completeness'] as const;

export function actionsCsv(portfolio: Portfolio, defaultCurrency: string): string {
  const plans = exported(portfolio);
  const ids = nameable(portfolio);
  const rows: string[][] = [[...COLUMNS]];
  for (const plan of plans) {
    for (const a of plan.actions) {
      const budget = a.budget === undefined ? undefined : toAmount(a.budget, defaultCurrency);
      rows.push([plan.id, plan.data.account, a.id, a.title, a.owner, a.status, a.overdue ? 'yes' : 'no', a.start ?? '', a.due,
        a.goal ?? '', a.risk ?? '', num(a.effort), num(budget?.amount), budget?.currency ?? '', num(a.buffer), a.repeats,
        (a.dependsOn ?? []).filter((r) => !r.includes('#') || ids.has(r.slice(0, r.indexOf('#')))).join(' '),
        a.goal === undefined ? '' : plan.goals.find((g) => g.id === a.goal)?.overdue ? 'yes' : 'no',
        share(plan.coverage.share), share(plan.completeness?.share)]);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const num = (n: number | undefined) => (n === undefined ? '' : String(n));
/** A share as a fraction with up to 4 decimals (0.6667), empty when unknown. */
const share = (n: number | undefined) => (n === undefined ? '' : String(Math.round(n * 10_000) / 10_000));

/**
 * RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @)
 * is prefixed with an apostrophe, so exported text stays text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The JSON export as the site serves it. */
export function plansJson(portfolio: Portfolio): Response {
  return new Response(`${JSON.stringify(exportPlans(portfolio), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}

/** The actions CSV as the site serves it. */
export function actionsCsvResponse(portfolio: Portfolio, defaultCurrency: string): Response {
  return new Response(actionsCsv(portfolio, defaultCurrency), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
