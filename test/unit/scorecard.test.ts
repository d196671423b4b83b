import { describe, expect, it } from 'vitest';
import { amberLimit, healthBand, measureStatus, perspectiveScore, planHealth } from '../../src/model/scorecard.ts';

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
  it('with a zero target and higher better, anything below zero is red and zero or more green', () => {
    // Slack = 0.1 × |0| = 0: no amber band whatever the tolerance.
    expect(measureStatus({ perspective: 'financial', target: 0, actual: -0.01 })).toBe('red');
    expect(measureStatus({ perspective: 'financial', target: 0, actual: 0 })).toBe('green');
    expect(measureStatus({ perspective: 'financial', target: 0, actual: 3 })).toBe('green');
  });
  it('with tolerance 0, meeting the target exactly is green in either direction', () => {
    expect(measureStatus({ perspective: 'sales', target: 50, actual: 50, tolerance: 0 })).toBe('green');
    expect(measureStatus({ perspective: 'people', target: 2, actual: 2, tolerance: 0, direction: 'lower' })).toBe('green');
    expect(measureStatus({ perspective: 'people', target: 2, actual: 2.01, tolerance: 0, direction: 'lower' })).toBe('red');
  });
  it('lower is better: beating the target by any margin is green, and the amber band lies above it', () => {
    // Target 10 days, tolerance 0.2: slack 0.2 × 10 = 2, amber up to 12 inclusive.
    const m = { perspective: 'management', target: 10, direction: 'lower' as const, tolerance: 0.2 };
    expect(measureStatus({ ...m, actual: 0 })).toBe('green');
    expect(measureStatus({ ...m, actual: 11 })).toBe('amber');
    expect(measureStatus({ ...m, actual: 12 })).toBe('amber');
    expect(measureStatus({ ...m, actual: 12.1 })).toBe('red');
  });
});

describe('amber limit', () => {
  it('is target − tolerance × |target| when higher is better, + when lower is', () => {
    // 4,200,000 − 0.1 × 4,200,000 = 3,780,000
    expect(amberLimit({ target: 4_200_000 })).toBe(3_780_000);
    // 10 + 0.2 × 10 = 12
    expect(amberLimit({ target: 10, direction: 'lower', tolerance: 0.2 })).toBe(12);
    // -10 − 0.1 × |-10| = -11
    expect(amberLimit({ target: -10 })).toBe(-11);
  });
  it('does not exist with tolerance 0 or a zero target', () => {
    expect(amberLimit({ target: 50, tolerance: 0 })).toBeUndefined();
    expect(amberLimit({ target: 0, direction: 'lower', tolerance: 0.5 })).toBeUndefined();
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
  it('reports the weighted points and weights it divided', () => {
    // financial: 3 × 1 (green) + 1 × 0 (red) = 3 points over weight 3 + 1 = 4.
    expect(perspectiveScore('financial', measures)).toMatchObject({ points: 3, weight: 4 });
    // client: 1 × 0.5 (amber) over weight 1; the unknown measure adds to neither.
    expect(perspectiveScore('client', measures)).toMatchObject({ points: 0.5, weight: 1 });
    expect(perspectiveScore('people', measures)).toMatchObject({ points: 0, weight: 0 });
  });
  it('weights an amber heavier than a green: (2 × 0.5 + 1 × 1) / 3 = 2/3', () => {
    const score = perspectiveScore('financial', [
      { perspective: 'financial', target: 100, actual: 95, weight: 2 }, // amber
      { perspective: 'financial', target: 30, actual: 31 }, // green, weight 1
    ]);
    expect(score.score).toBeCloseTo(2 / 3, 12);
    expect(score.band).toBe('amber');
  });
  it('leaves a perspective with no measures out of the health mean rather than counting it as 0', () => {
    // Only sales is measured, and green: health 1 / 1, not 1 / 5.
    expect(planHealth(P, [{ perspective: 'sales', target: 1, actual: 1 }])).toMatchObject({ score: 1, band: 'green' });
  });
  it('scores a perspective whose measures are in different units by status alone', () => {
    // GBP 3.95m against 4.2m (amber), 33.5% against 32% (green), 11 days against 10, lower better, tolerance 0.2 (amber).
    // Adding the raw values (3,950,044.5) would be meaningless; the score is (0.5 + 1 + 0.5) / 3 = 2/3 whatever the units.
    const mixed = [
      { perspective: 'financial', target: 4_200_000, actual: 3_950_000, unit: 'GBP' },
      { perspective: 'financial', target: 32, actual: 33.5, unit: '%' },
      { perspective: 'financial', target: 10, actual: 11, direction: 'lower' as const, tolerance: 0.2, unit: 'days' },
    ];
    expect(perspectiveScore('financial', mixed)).toMatchObject({ points: 2, weight: 3, band: 'amber' });
    // The same statuses in one unit score the same.
    const sameUnit = [{ perspective: 'financial', target: 100, actual: 95 }, { perspective: 'financial', target: 100, actual: 100 },
      { perspective: 'financial', target: 100, actual: 91 }];
    expect(perspectiveScore('financial', sameUnit).score).toBe(perspectiveScore('financial', mixed).score);
  });
  it('computes the sample Aldermoor Bank plan as its comment says: 0.7333, amber', () => {
    // content/plans/aldermoor-bank.mdx (actuals as written there):
    const aldermoor = [
      { perspective: 'financial', target: 4_200_000, actual: 3_950_000, weight: 2 }, // short by 250,000 ≤ 420,000: amber
      { perspective: 'financial', target: 32, actual: 33.5 }, // green
      { perspective: 'client', target: 8, actual: 8.3, weight: 2 }, // green
      { perspective: 'client', target: 18, actual: 16.5 }, // short by 1.5 ≤ 1.8: amber
      { perspective: 'sales', target: 2_500_000, actual: 1_600_000 }, // short by 900,000 > 250,000: red
      { perspective: 'sales', target: 50, actual: 60 }, // green
      { perspective: 'people', target: 90, actual: 92 }, // green
      { perspective: 'people', target: 12 }, // unknown
      { perspective: 'management', target: 10, actual: 11, direction: 'lower' as const, tolerance: 0.2, weight: 2 }, // amber
      { perspective: 'management', target: 0, actual: 0, direction: 'lower' as const, tolerance: 0 }, // green
    ];
    const health = planHealth(P, aldermoor);
    // financial (2 × 0.5 + 1) / 3 = 2/3; client (2 × 1 + 0.5) / 3 = 5/6; sales (0 + 1) / 2 = 1/2;
    // people 1 / 1 = 1; management (2 × 0.5 + 1) / 3 = 2/3.
    expect(health.perspectives.map((p) => [p.points, p.weight])).toEqual([[2, 3], [2.5, 3], [1, 2], [1, 1], [2, 3]]);
    expect(health.perspectives.map((p) => p.band)).toEqual(['amber', 'green', 'amber', 'green', 'amber']);
    // (2/3 + 5/6 + 1/2 + 1 + 2/3) / 5 = (22/6) / 5 = 0.7333…
    expect(health.score).toBeCloseTo(22 / 30, 12);
    expect(health.band).toBe('amber');
    expect(health.unknownMeasures).toBe(1);
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
