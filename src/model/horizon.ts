/** A goal's horizon: short (≤ 6 months from the plan's start), medium (≤ 18), long. */
import type { Horizon } from '../schema/goal.ts';
import { addMonths, type IsoDate } from './dates.ts';

export function deriveHorizon(periodStart: IsoDate, due: IsoDate): Horizon {
  if (due <= addMonths(periodStart, 6)) return 'short';
  if (due <= addMonths(periodStart, 18)) return 'medium';
  return 'long';
}

export const HORIZON_LABELS: Record<Horizon, string> = {
  short: 'Short term (up to 6 months)',
  medium: 'Medium term (6–18 months)',
  long: 'Long term (over 18 months)',
};

/** The derived horizon when a written one contradicts the dates; undefined when none is written or it agrees. */
export function horizonContradiction(periodStart: IsoDate, goal: { due: IsoDate; horizon?: Horizon }): Horizon | undefined {
  if (!goal.horizon) return undefined;
  const derived = deriveHorizon(periodStart, goal.due);
  return derived === goal.horizon ? undefined : derived;
}
