import { describe, expect, it } from 'vitest';
import { healthBand, measureStatus, perspectiveScore, planHealth } from '../../src/model/scorecard.ts';

const P = ['financial', 'client', 'sales', 'people', 'management'];

describe('measure status', () => {
  it('is green when the actual meets the target, higher being better', () => {
    expect(measureStatus({ perspective: 'sales', target: 100, actual: 100 })).toBe('green');
    expect(measureStatus({ perspective: 'sales', target: 100, actual: 120 })).toBe('green');
  });
  it('is amber within tolerance × |target| of the target (default tolerance 0.1), inclusive', () => {
    expect(measureStatus({ perspective: 'sales', target: 100, actual: 90 })).toBe('amber');
    expect(measureStatus({ perspective: 'sales', target: 100, actual: 89.9 })).toBe('red');
    expect(measureStatus({ perspective: 'sales', target: 0.7, actual: 0.63 })).toBe('amber');
  });
  it('turns the comparison round for lower-is-better measures', () => {
    const m = { perspective: 'client', target: 5, direction: 'lower' as const, tolerance: 0.2 };
    expect(measureStatus({ ...m, actual: 4 })).toBe('green');
    expect(measureStatus({ ...m, actual: 6 })).toBe('amber');
    expect(measureStatus({ ...m, actual: 6.01 })).toBe('red');
  });
  it('with a zero target there is no amber band: met is green, missed is red', () => {
    const m = { perspective: 'management', target: 0, direction: 'lower' as const, tolerance: 0.5 };
    expect(measureStatus({ ...m, actual: 0 })).toBe('green');
    expect(measureStatus({ ...m, actual: 1 })).toBe('red');
  });
  it('with tolerance 0 any miss is red', () => {
    expect(measureStatus({ perspective: 'sales', target: 50, actual: 49.99, tolerance: 0 })).toBe('red');
  });
  it('uses |target| for a negative target', () => {
    // Target -10 (e.g. a margin change), tolerance 0.1: amber down to -11.
    expect(measureStatus({ perspective: 'financial', target: -10, actual: -11 })).toBe('amber');
    expect(measureStatus({ perspective: 'financial', target: -10, actual: -11.5 })).toBe('red');
  });
  it('is unknown without an actual', () => {
    expect(measureStatus({ perspective: 'sales', target: 10 })).toBe('unknown');
  });
});

describe('perspective score and plan health', () => {
  const measures = [
    { perspective: 'financial', target: 100, actual: 100, weight: 3 }, // green
    { perspective: 'financial', target: 100, actual: 50, weight: 1 }, // red
    { perspective: 'client', target: 8, actual: 7.5 }, // amber
    { perspective: 'client', target: 8 }, // unknown
    { perspective: 'sales', target: 10 }, // unknown only
  ];
  it('is the weighted mean of green 1, amber 0.5, red 0, leaving unknowns out and counting them', () => {
    expect(perspectiveScore('financial', measures)).toMatchObject({ score: 0.75, band: 'amber', measures: 2, unknown: 0 });
    expect(perspectiveScore('client', measures)).toMatchObject({ score: 0.5, band: 'amber', measures: 2, unknown: 1 });
  });
  it('has no score for a perspective with only unknown measures or none at all', () => {
    expect(perspectiveScore('sales', measures)).toMatchObject({ score: undefined, band: 'unknown', unknown: 1 });
    expect(perspectiveScore('people', measures)).toMatchObject({ score: undefined, measures: 0 });
  });
  it('health is the mean over perspectives with a known measure', () => {
    const health = planHealth(P, measures);
    expect(health.score).toBeCloseTo((0.75 + 0.5) / 2, 12);
    expect(health.band).toBe('amber');
    expect(health.unknownMeasures).toBe(2);
  });
  it('health is unknown when no measure has an actual', () => {
    expect(planHealth(P, [{ perspective: 'sales', target: 1 }])).toMatchObject({ score: undefined, band: 'unknown' });
  });
  it('bands at exactly 0.8 and 0.5', () => {
    expect(healthBand(0.8)).toBe('green');
    expect(healthBand(0.7999)).toBe('amber');
    expect(healthBand(0.5)).toBe('amber');
    expect(healthBand(0.4999)).toBe('red');
    // 4 of 5 green: 0.8 even with floating-point sums.
    const fourOfFive = [1, 1, 1, 1, 0].map((ok) => ({ perspective: 'sales', target: 1, actual: ok }));
    expect(perspectiveScore('sales', fourOfFive).band).toBe('green');
  });
});
