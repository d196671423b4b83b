/**
 * What the portfolio dashboard counts, each count with the list behind it, so
 * the number a reviewer clicks is always the length of the list they land on.
 * Its plans are a view's own (the public portfolio's): restricted plans count in their areas only.
 */
import type { ActionView, MeasureView, PlanView, RiskView } from './portfolio.ts';
import type { HealthBand } from './scorecard.ts';
import { BAND_ORDER, byAccount, worstFirst } from './scorecard-matrix.ts';
import { TIERS, type Tier } from '../schema/plan.ts';

export interface PlanItem<T> {
  plan: PlanView;
  item: T;
}

export interface TierHealth {
  tier: Tier;
  /** Every plan of the tier, worst first. */
  plans: PlanView[];
  /** The same plans by health band; every band present, empty or not. */
  bands: Record<HealthBand, PlanView[]>;
}

export interface Dashboard {
  /** Plans counted. */
  plans: number;
  /** Every tier, in tier order, including tiers with no plan. */
  tiers: TierHealth[];
  reviews: {
    /** The planning meeting is past: longest overdue first. */
    overdue: PlanView[];
    /** Due today or within the next 30 days: soonest first. */
    dueSoon: PlanView[];
  };
  /** Longest overdue first. */
  overdueActions: PlanItem<ActionView>[];
  /** Open or mitigating only (a closed risk needs no attention, one that occurred is an issue, not a risk); highest score first. */
  risks: { critical: PlanItem<RiskView>[]; high: PlanItem<RiskView>[] };
  /** Oldest measurement first. */
  staleMeasures: PlanItem<MeasureView>[];
}

export function buildDashboard(all: readonly PlanView[]): Dashboard {
  const plans = [...all].sort(byAccount);
  const items = <T>(list: (p: PlanView) => T[], keep: (x: T) => boolean) =>
    plans.flatMap((plan) => list(plan).filter(keep).map((item) => ({ plan, item })));

  const tiers = TIERS.map((tier): TierHealth => {
    const inTier = worstFirst(plans.filter((p) => p.data.tier === tier));
    const bands = Object.fromEntries(BAND_ORDER.map((band) => [band, inTier.filter((p) => p.health.band === band)]));
    return { tier, plans: inTier, bands: bands as Record<HealthBand, PlanView[]> };
  });

  const live = (r: RiskView) => r.status === 'open' || r.status === 'mitigating';
  const byScore = (a: PlanItem<RiskView>, b: PlanItem<RiskView>) => b.item.score - a.item.score;
  const nextReview = (a: PlanView, b: PlanView) => a.data.review.next.localeCompare(b.data.review.next);

  return {
    plans: plans.length,
    tiers,
    reviews: {
      overdue: plans.filter((p) => p.review === 'overdue').sort(nextReview),
      dueSoon: plans.filter((p) => p.review === 'due-soon').sort(nextReview),
    },
    overdueActions: items((p) => p.actions, (a) => a.overdue).sort((a, b) => a.item.due.localeCompare(b.item.due)),
    risks: {
      critical: items((p) => p.risks, (r) => live(r) && r.band === 'critical').sort(byScore),
      high: items((p) => p.risks, (r) => live(r) && r.band === 'high').sort(byScore),
    },
    staleMeasures: items((p) => p.measures, (m) => m.stale).sort((a, b) => a.item.asOf!.localeCompare(b.item.asOf!)),
  };
}
