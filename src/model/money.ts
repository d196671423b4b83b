/** Money as written (`1200000` or `{ amount, currency }`), formatted for reading. */
import type { Money } from '../schema/primitives.ts';

export interface Amount {
  amount: number;
  currency: string;
}

export function toAmount(money: Money, defaultCurrency: string): Amount {
  return typeof money === 'number' ? { amount: money, currency: defaultCurrency } : money;
}

const formats = new Map<string, Intl.NumberFormat>();

/** `€1.2M`, `£450K`, `$980`: compact, with the currency's own symbol. */
export function formatMoney(money: Money, defaultCurrency: string): string {
  const { amount, currency } = toAmount(money, defaultCurrency);
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
    formats.set(currency, format);
  }
  return format.format(amount);
}
