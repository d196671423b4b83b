/**
 * A measure's trend: its history and its actual as one series, oldest first;
 * the change since the previous value, judged in the measure's direction; and
 * the geometry of a sparkline drawn from them at build time.
 *
 * Every value in a series is in the measure's own unit (history has no unit of
 * its own), so the series and its target share one scale.
 */
import type { Direction } from '../schema/measure.ts';
import type { IsoDate } from './dates.ts';

export interface TrendPoint {
  /** Undefined only for an actual without `asOf`. */
  date?: IsoDate;
  value: number;
  /** True for the measure's actual; false for a history value. */
  actual: boolean;
}

export interface TrendInput {
  actual?: number;
  asOf?: IsoDate;
  history?: readonly { date: IsoDate; value: number }[];
}

/**
 * History sorted by date (writers may list it in any order; the checker warns),
 * keeping the written order for equal dates, then the actual. The actual is the
 * latest value by definition, so it comes last even if a history date is after
 * `asOf` (the checker warns about that too).
 */
export function trendSeries(m: TrendInput): TrendPoint[] {
  const history = [...(m.history ?? [])]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((h): TrendPoint => ({ date: h.date, value: h.value, actual: false }));
  return m.actual === undefined ? history : [...history, { date: m.asOf, value: m.actual, actual: true }];
}

export type Verdict = 'better' | 'worse' | 'unchanged';

export interface Change {
  from: TrendPoint;
  to: TrendPoint;
  /** `to.value − from.value`, in the measure's unit. */
  delta: number;
  verdict: Verdict;
}

/** The last value against the one before it; undefined with fewer than two values. */
export function changeSincePrevious(series: readonly TrendPoint[], direction: Direction = 'higher'): Change | undefined {
  if (series.length < 2) return undefined;
  const from = series[series.length - 2];
  const to = series[series.length - 1];
  const delta = to.value - from.value;
  // Same slack as the status: 33.5 − 33.4 is not a change of 0.0999999.
  const unchanged = Math.abs(delta) <= 1e-9 * Math.max(1, Math.abs(from.value));
  const better = direction === 'higher' ? delta > 0 : delta < 0;
  return { from, to, delta, verdict: unchanged ? 'unchanged' : better ? 'better' : 'worse' };
}

export interface SparklineOptions {
  width: number;
  height: number;
  /** Room kept free on every side, so dots at the extremes are not clipped. */
  padding: number;
  /** Drawn as a reference line, and kept inside the scale. */
  target?: number;
}

export interface SparklineGeometry {
  width: number;
  height: number;
  /** One point per value, in series order; coordinates rounded to 0.01. */
  points: { x: number; y: number }[];
  /** `M x y L x y …` through the points; empty for fewer than two. */
  path: string;
  /** Where the target line runs, when a target was given. */
  targetY?: number;
}

export const SPARKLINE: SparklineOptions = { width: 120, height: 32, padding: 4 };

/**
 * Values evenly spaced left to right, the latest at the right edge, scaled so
 * the lowest of the values and the target touches the bottom padding and the
 * highest the top. Even spacing, not time-proportional: an actual may have no
 * date, and a sparkline shows the run of readings, not a calendar. A flat
 * series (all equal, target included) runs through the middle.
 */
export function sparkline(values: readonly number[], options: SparklineOptions = SPARKLINE): SparklineGeometry {
  const { width, height, padding, target } = options;
  const domain = target === undefined ? values : [...values, target];
  const lo = Math.min(...domain);
  const hi = Math.max(...domain);
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  const x = (i: number) => (values.length === 1 ? width - padding : padding + (i * innerWidth) / (values.length - 1));
  const y = (v: number) => (hi === lo ? height / 2 : padding + ((hi - v) * innerHeight) / (hi - lo));
  const points = values.map((v, i) => ({ x: round(x(i)), y: round(y(v)) }));
  const path = points.length < 2 ? '' : points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { width, height, points, path, targetY: target === undefined ? undefined : round(y(target)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
