/** Timelines of one plan (goals by horizon) and of the portfolio (goals by plan). */
import { HORIZONS } from '../schema/goal.ts';
import type { PlanView } from '../model/portfolio.ts';
import { HORIZON_LABELS } from '../model/horizon.ts';
import { layoutTimeline, type TimelineEvent, type TimelineGoal, type TimelineLayout } from './timeline.ts';
import type { IsoDate } from '../model/dates.ts';

function goalsOf(plan: PlanView, href: (goal: string) => string): TimelineGoal[] {
  const local = new Set(plan.goals.map((g) => g.id));
  return plan.goals.map((g) => ({
    id: `${plan.id}#${g.id}`,
    title: g.title,
    start: g.start,
    due: g.due,
    status: g.status,
    overdue: g.overdue,
    horizon: g.horizon,
    // Only arrows the timeline can draw: dependencies inside the same plan.
    dependsOn: (g.dependsOn ?? []).filter((d) => local.has(d)).map((d) => `${plan.id}#${d}`),
    href: href(g.id),
  }));
}

/** `href`: where a goal's bar links; by default its row on the same page. */
export function planTimeline(plan: PlanView, today: IsoDate, href = (goal: string) => `#${goal}`): TimelineLayout {
  const goals = goalsOf(plan, href);
  const groups = HORIZONS.map((h) => ({ title: HORIZON_LABELS[h], goals: goals.filter((g) => g.horizon === h) }));
  const events: TimelineEvent[] = [];
  if (plan.data.review.last) events.push({ date: plan.data.review.last, label: `Last review, ${plan.data.review.last}`, kind: 'review' });
  events.push({ date: plan.data.review.next, label: `Next review, ${plan.data.review.next}`, kind: 'review' });
  for (const change of plan.data.changes ?? []) {
    events.push({ date: change.date, label: `Re-planned (${change.trigger}), ${change.date}: ${change.summary}`, kind: 'change' });
  }
  // A label column wide enough for a 36-character title at the 16 units it prints at (8 pt, site.css).
  return layoutTimeline(plan.data.period.start, plan.data.period.end, groups, today, events, { labelWidth: 345 });
}

/** Every plan's goals on one axis, a group per plan with goals. */
export function portfolioTimeline(plans: readonly PlanView[], today: IsoDate, planHref: (plan: string, goal?: string) => string): TimelineLayout {
  const open = plans.filter((p) => p.goals.length > 0);
  const start = open.reduce((min, p) => (p.data.period.start < min ? p.data.period.start : min), open[0]?.data.period.start ?? today);
  const end = open.reduce((max, p) => (p.data.period.end > max ? p.data.period.end : max), open[0]?.data.period.end ?? today);
  const groups = open.map((p) => ({ title: p.data.account, href: planHref(p.id), goals: goalsOf(p, (id) => planHref(p.id, id)) }));
  return layoutTimeline(start, end, groups, today, [], { labelWidth: 330, horizonMarks: false });
}
