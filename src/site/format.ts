/** Words and numbers as readers see them. */
import { formatDate } from '../model/dates.ts';

/** `under-review` → `Under review`. */
export function label(value: string): string {
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function date(value: string | undefined): string {
  return value ? formatDate(value) : '—';
}

export function percent(score: number | undefined): string {
  return score === undefined ? '—' : `${Math.round(score * 100)}%`;
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function number(value: number | undefined, unit?: string): string {
  if (value === undefined) return '—';
  const text = NUMBER.format(value);
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${value === 1 ? singular(unit) : unit}`;
}

/** "1 subsidiary", not "1 subsidiaries": a unit written as an English plural, made singular for one. */
export function singular(unit: string): string {
  if (!/^[a-z]{3,}s$/i.test(unit) || /ss$/i.test(unit)) return unit;
  return /ies$/i.test(unit) ? `${unit.slice(0, -3)}y` : unit.slice(0, -1);
}

/** A score out of 100, rounded to a whole point like every other score on the site: "69 / 100". */
export function outOf100(value: number | undefined): string {
  return value === undefined ? '—' : `${Math.round(value)} / 100`;
}

/** "1 day", "3 days": a count with its noun. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * An e-mail address in the pieces a line may break between: before "@" and
 * each ".", so a narrow column wraps "li.wei@" / "aldermoor.co.uk" and never mid-word.
 */
export function emailParts(address: string): string[] {
  return address.split(/(?=[@.])/);
}
