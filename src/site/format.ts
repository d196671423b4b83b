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
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}
