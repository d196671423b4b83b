/**
 * The balanced scorecard, computed exactly as the content model says: a status
 * per measure, a weighted score per perspective, and the plan's health.
 *
 * Units: a measure's actual is only ever compared with its own target (and its
 * own history), in its own unit. Everything above a measure works on status
 * points, never on raw values, so a perspective mixing GBP, % and days scores
 * as readily as one in a single unit, and no page adds values across units.
 */
import type { Direction } from '../schema/measure.ts';

export type MeasureStatus = 'green' | 'amber' | 'red' | 'unknown';
export type HealthBand = 'green' | 'amber' | 'red' | 'unknown';

export interface MeasureInput {
  target: number;
  actual?: number;
  direction?: Direction;
  tolerance?: number;
  weight?: number;
  perspective: string;
}

/** Float slack so that 90 against 100 with tolerance 0.1 is amber, not red by a rounding error. */
const EPSILON = 1e-9;

export function measureStatus(m: MeasureInput): MeasureStatus {
  if (m.actual === undefined) return 'unknown';
  const direction = m.direction ?? 'higher';
  const slack = (m.tolerance ?? 0.1) * Math.abs(m.target);
  // How far the actual falls short of the target in the direction that counts.
  const shortfall = direction === 'higher' ? m.target - m.actual : m.actual - m.target;
  const eps = EPSILON * Math.max(1, Math.abs(m.target));
  if (shortfall <= eps) return 'green';
  if (shortfall <= slack + eps) return 'amber';
  return 'red';
}

/**
 * The value at which amber turns red: target − tolerance × |target| when
 * higher is better, + when lower is. Undefined when there is no amber band
 * (tolerance 0, or a zero target), where any miss is red.
 */
export function amberLimit(m: Pick<MeasureInput, 'target' | 'direction' | 'tolerance'>): number | undefined {
  const slack = (m.tolerance ?? 0.1) * Math.abs(m.target);
  if (slack === 0) return undefined;
  return (m.direction ?? 'higher') === 'higher' ? m.target - slack : m.target + slack;
}

const STATUS_SCORE: Record<Exclude<MeasureStatus, 'unknown'>, number> = { green: 1, amber: 0.5, red: 0 };

export interface PerspectiveScore {
  perspective: string;
  /** Weighted mean of the known measures' scores; undefined when none is known. */
  score: number | undefined;
  band: HealthBand;
  measures: number;
  unknown: number;
  /** Σ weight × status points of the known measures: the score's numerator. */
  points: number;
  /** Σ weight of the known measures: the score's denominator. */
  weight: number;
}

/** Status points only: measures in different units are never added together (see the module comment). */
export function perspectiveScore(perspective: string, measures: readonly MeasureInput[]): PerspectiveScore {
  let weighted = 0;
  let weights = 0;
  let unknown = 0;
  let count = 0;
  for (const m of measures) {
    if (m.perspective !== perspective) continue;
    count++;
    const status = measureStatus(m);
    if (status === 'unknown') {
      unknown++;
      continue;
    }
    const weight = m.weight ?? 1;
    weighted += weight * STATUS_SCORE[status];
    weights += weight;
  }
  const score = weights > 0 ? weighted / weights : undefined;
  return { perspective, score, band: healthBand(score), measures: count, unknown, points: weighted, weight: weights };
}

export interface Health {
  score: number | undefined;
  band: HealthBand;
  perspectives: PerspectiveScore[];
  unknownMeasures: number;
}

/** Mean of the scores of the perspectives with at least one known measure. */
export function planHealth(perspectives: readonly string[], measures: readonly MeasureInput[]): Health {
  const scores = perspectives.map((p) => perspectiveScore(p, measures));
  const known = scores.filter((s) => s.score !== undefined);
  const score = known.length ? known.reduce((sum, s) => sum + s.score!, 0) / known.length : undefined;
  return {
    score,
    band: healthBand(score),
    perspectives: scores,
    unknownMeasures: scores.reduce((sum, s) => sum + s.unknown, 0),
  };
}

/** green ≥ 0.8, amber ≥ 0.5, red below. */
export function healthBand(score: number | undefined): HealthBand {
  if (score === undefined) return 'unknown';
  if (score >= 0.8 - EPSILON) return 'green';
  if (score >= 0.5 - EPSILON) return 'amber';
  return 'red';
}
