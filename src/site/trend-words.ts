/** A measure's trend in words: the sparkline's accessible name, and the change since the previous value. */
import type { Change, TrendPoint } from '../model/trend.ts';
import { date, number } from './format.ts';

/**
 * "Account gross margin, oldest first: 30.1% on 31 Mar 2026, …, 33.5% on
 * 31 Oct 2026 (actual). Target 32%." Every value a sighted reader can see in
 * the line, in the order the line draws them.
 */
export function trendLabel(measure: string, series: readonly TrendPoint[], unit: string | undefined, target: number): string {
  const goal = `Target ${number(target, unit)}.`;
  if (series.length === 0) return `${measure}: no values yet. ${goal}`;
  const values = series.map((p) => {
    const when = p.date ? ` on ${date(p.date)}` : '';
    return `${number(p.value, unit)}${when}${p.actual ? (p.date ? ' (actual)' : ' (actual, undated)') : ''}`;
  });
  return `${measure}, oldest first: ${values.join(', ')}. ${goal}`;
}

export interface ChangeText {
  /** ▲ up, ▼ down, = unchanged: the direction of the value, not whether that is good. */
  symbol: '▲' | '▼' | '=';
  /** `+0.5 pts`, `−1 days`, `no change`. */
  amount: string;
  /** `better`, `worse`, or empty when unchanged. */
  verdict: string;
}

/** A change in a `%` measure is in percentage points: 30% to 33% is 3 points, not 3%. */
export function changeText(change: Change, unit: string | undefined): ChangeText {
  if (change.verdict === 'unchanged') return { symbol: '=', amount: 'no change', verdict: '' };
  const up = change.delta > 0;
  return {
    symbol: up ? '▲' : '▼',
    amount: `${up ? '+' : '−'}${number(Math.abs(change.delta), unit === '%' ? 'pts' : unit)}`,
    verdict: change.verdict,
  };
}
