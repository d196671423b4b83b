/** A measure's trend: the series, the change since the previous value, the sparkline geometry and its words. */
import { describe, expect, it } from 'vitest';
import { changeSincePrevious, sparkline, trendSeries } from '../../src/model/trend.ts';
import { changeText, trendLabel } from '../../src/site/trend-words.ts';

describe('trend series', () => {
  it('is the history oldest first, then the actual', () => {
    const series = trendSeries({
      actual: 33.5, asOf: '2026-10-31',
      history: [{ date: '2026-09-30', value: 33 }, { date: '2026-03-31', value: 30.1 }, { date: '2026-06-30', value: 32.4 }],
    });
    expect(series).toEqual([
      { date: '2026-03-31', value: 30.1, actual: false },
      { date: '2026-06-30', value: 32.4, actual: false },
      { date: '2026-09-30', value: 33, actual: false },
      { date: '2026-10-31', value: 33.5, actual: true },
    ]);
  });
  it('keeps the written order of values with the same date', () => {
    const series = trendSeries({ history: [{ date: '2026-05-01', value: 2 }, { date: '2026-04-30', value: 1 }, { date: '2026-05-01', value: 3 }] });
    expect(series.map((p) => p.value)).toEqual([1, 2, 3]);
  });
  it('puts the actual last even when a history date is after asOf, since the actual is the latest value', () => {
    const series = trendSeries({ actual: 31, asOf: '2026-10-31', history: [{ date: '2026-11-30', value: 33 }] });
    expect(series.map((p) => p.value)).toEqual([33, 31]);
  });
  it('is the history alone without an actual, and the actual alone without history', () => {
    expect(trendSeries({ history: [{ date: '2026-01-31', value: 5 }] })).toEqual([{ date: '2026-01-31', value: 5, actual: false }]);
    expect(trendSeries({ actual: 7 })).toEqual([{ date: undefined, value: 7, actual: true }]);
    expect(trendSeries({})).toEqual([]);
  });
});

describe('change since the previous value', () => {
  const point = (value: number, actual = false) => ({ date: '2026-01-01', value, actual });
  it('is better when the value rises and higher is better', () => {
    // 33.5 − 33 = +0.5
    expect(changeSincePrevious([point(30.1), point(33), point(33.5, true)])).toMatchObject({ delta: 0.5, verdict: 'better' });
  });
  it('is worse when the value rises and lower is better', () => {
    // Sign-off days 10 → 11: +1, lower is better.
    expect(changeSincePrevious([point(10), point(11, true)], 'lower')).toMatchObject({ delta: 1, verdict: 'worse' });
    // Overrun 12 → 9: −3, lower is better.
    expect(changeSincePrevious([point(12), point(9, true)], 'lower')).toMatchObject({ delta: -3, verdict: 'better' });
  });
  it('is unchanged for equal values, including a float difference of rounding size', () => {
    expect(changeSincePrevious([point(0), point(0, true)], 'lower')?.verdict).toBe('unchanged');
    // 0.1 + 0.2 = 0.30000000000000004 against 0.3.
    expect(changeSincePrevious([point(0.3), point(0.1 + 0.2)])?.verdict).toBe('unchanged');
  });
  it('needs two values', () => {
    expect(changeSincePrevious([point(1, true)])).toBeUndefined();
    expect(changeSincePrevious([])).toBeUndefined();
  });
});

describe('sparkline geometry', () => {
  it('spaces values evenly and scales the lowest to the bottom padding and the highest to the top', () => {
    // 120 × 32 with padding 4: inner 112 × 24. Values 30.1, 32.4, 33, 33.5 and target 32: range 30.1–33.5 = 3.4.
    // x = 4 + i × 112 / 3: 4, 41.33, 78.67, 116.
    // y = 4 + (33.5 − v) × 24 / 3.4: 30.1 → 4 + 24 = 28; 32.4 → 4 + 1.1 × 7.0588 = 11.76;
    // 33 → 4 + 0.5 × 7.0588 = 7.53; 33.5 → 4; target 32 → 4 + 1.5 × 7.0588 = 14.59.
    const g = sparkline([30.1, 32.4, 33, 33.5], { width: 120, height: 32, padding: 4, target: 32 });
    expect(g.points).toEqual([{ x: 4, y: 28 }, { x: 41.33, y: 11.76 }, { x: 78.67, y: 7.53 }, { x: 116, y: 4 }]);
    expect(g.path).toBe('M4 28 L41.33 11.76 L78.67 7.53 L116 4');
    expect(g.targetY).toBe(14.59);
  });
  it('widens the scale to take in a target beyond every value', () => {
    // Values 0, 5 and target 10, 100 × 20 without padding: range 0–10.
    // x: 0, 100; y = 20 × (10 − v) / 10: 0 → 20, 5 → 10; target → 0.
    const g = sparkline([0, 5], { width: 100, height: 20, padding: 0, target: 10 });
    expect(g.points).toEqual([{ x: 0, y: 20 }, { x: 100, y: 10 }]);
    expect(g.targetY).toBe(0);
  });
  it('draws a flat series, target included, through the middle', () => {
    // Promotion breaches: 0, 0, 0, 0 against a target of 0. Middle of 32 = 16.
    const g = sparkline([0, 0, 0, 0], { width: 120, height: 32, padding: 4, target: 0 });
    expect(g.points.map((p) => p.y)).toEqual([16, 16, 16, 16]);
    expect(g.targetY).toBe(16);
  });
  it('puts a single value at the right edge, the place of the latest, with no line', () => {
    const g = sparkline([8], { width: 120, height: 32, padding: 4, target: 10 });
    // x = 120 − 4 = 116; y = 4 + (10 − 8) × 24 / 2 = 28.
    expect(g.points).toEqual([{ x: 116, y: 28 }]);
    expect(g.path).toBe('');
  });
  it('leaves the target line out when no target is given', () => {
    expect(sparkline([1, 2], { width: 10, height: 10, padding: 0 }).targetY).toBeUndefined();
  });
});

describe('trend in words', () => {
  const series = trendSeries({ actual: 33.5, asOf: '2026-10-31', history: [{ date: '2026-09-30', value: 33 }, { date: '2026-06-30', value: 32.4 }] });
  it('names every value the sparkline draws, in order, with the target', () => {
    expect(trendLabel('Account gross margin', series, '%', 32)).toBe(
      'Account gross margin, oldest first: 32.4% on 30 Jun 2026, 33% on 30 Sept 2026, 33.5% on 31 Oct 2026 (actual). Target 32%.');
    expect(trendLabel('Planner days', [], 'days', 12)).toBe('Planner days: no values yet. Target 12 days.');
    expect(trendLabel('Pipeline', trendSeries({ actual: 1_600_000 }), 'GBP', 2_500_000)).toBe(
      'Pipeline, oldest first: 1,600,000 GBP (actual, undated). Target 2,500,000 GBP.');
  });
  it('gives a change in a % measure in percentage points, with the direction and the verdict apart', () => {
    expect(changeText(changeSincePrevious(series)!, '%')).toEqual({ symbol: '▲', amount: '+0.5 pts', verdict: 'better' });
    const days = trendSeries({ actual: 11, history: [{ date: '2026-09-30', value: 10 }] });
    expect(changeText(changeSincePrevious(days, 'lower')!, 'days')).toEqual({ symbol: '▲', amount: '+1 day', verdict: 'worse' });
    const pipeline = trendSeries({ actual: 0, history: [{ date: '2026-06-30', value: 900_000 }] });
    expect(changeText(changeSincePrevious(pipeline)!, 'EUR')).toEqual({ symbol: '▼', amount: '−900,000 EUR', verdict: 'worse' });
    const flat = trendSeries({ actual: 0, history: [{ date: '2026-09-30', value: 0 }] });
    expect(changeText(changeSincePrevious(flat, 'lower')!, 'count')).toEqual({ symbol: '=', amount: 'no change', verdict: '' });
  });
});
