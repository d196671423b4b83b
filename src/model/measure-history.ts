/** Mistakes in a measure's history that still draw a trend, but are often a mistyped date. */
import type { IsoDate } from './dates.ts';

/** The index of the first value dated before the one above it; -1 when in order. */
export function historyOutOfOrder(history: readonly { date: IsoDate }[] | undefined): number {
  return (history ?? []).findIndex((h, j, all) => j > 0 && h.date < all[j - 1].date);
}

/** The indexes of the values dated after the measure's actual (`asOf`). */
export function historyAfterAsOf(m: { asOf?: IsoDate; history?: readonly { date: IsoDate }[] }): number[] {
  if (m.asOf === undefined) return [];
  return (m.history ?? []).flatMap((h, j) => (h.date > m.asOf! ? [j] : []));
}
