/**
 * Building blocks shared by the plan and person schemas: ids, item references,
 * calendar dates, money and non-empty text.
 */
import { z } from 'zod';

/** Lower-case kebab-case: plan ids, person ids and item ids. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An item in this plan (`grow-online`) or in another (`acme#grow-online`). */
export const ITEM_REF_PATTERN = /^([a-z0-9]+(-[a-z0-9]+)*#)?[a-z0-9]+(-[a-z0-9]+)*$/;
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** Days in a calendar month; `month` counts from 1. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `value` is not a real calendar date `YYYY-MM-DD`, or undefined when it is one. */
export function calendarDateProblem(value: string): string | undefined {
  const match = DATE_PATTERN.exec(value);
  if (!match) return `"${value}" is not a date; write it as YYYY-MM-DD`;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12) return `"${value}" is not a date: there is no month ${month}`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `"${value}" is not a date: ${MONTHS[month - 1]} ${year} has ${last} days`;
  }
  return undefined;
}

/** Non-empty text. */
export const text = () => z.string({ error: expectedText }).min(1, { error: 'must not be empty' });

function expectedText(issue: { input?: unknown }): string {
  return `expected text, got ${describeValue(issue.input)}`;
}

/** A short, human description of a YAML value, for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? value.slice(0, 37) + '...' : value}"`;
  return `${typeof value} ${String(value)}`;
}

export const id = (what: string) =>
  z.string({ error: (i) => `expected a ${what} id, got ${describeValue(i.input)}` })
    .regex(ID_PATTERN, { error: (i) => `"${String(i.input)}" is not a valid ${what} id: use lower-case letters, digits and single hyphens (e.g. "${suggestId(String(i.input))}")` });

/** The id a writer probably meant: `Grow Online!` becomes `grow-online`. */
export function suggestId(value: string): string {
  const slug = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'my-id';
}

export const itemRef = () =>
  z.string({ error: (i) => `expected an item id, got ${describeValue(i.input)}` })
    .regex(ITEM_REF_PATTERN, { error: (i) => `"${String(i.input)}" is not an item reference: write "item-id" or "plan-id#item-id"` });

/** A calendar date `YYYY-MM-DD`, kept as a string and checked for real (no 2026-02-30). */
export const calendarDate = () =>
  z.string({ error: (i) => `expected a date YYYY-MM-DD, got ${describeValue(i.input)}` })
    .check((ctx) => {
      const problem = calendarDateProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    })
    // For JSON Schema (editors): the shape; the calendar check stays Keyplan's.
    .meta({ format: 'date', pattern: DATE_PATTERN.source });

/** `{ amount, currency }`, or a bare amount in the site's default currency. */
export const money = () =>
  z.union([
    z.number(),
    z.strictObject({
      /** The amount, in units of the currency. */
      amount: z.number(),
      /** ISO 4217 code. @example "EUR" */
      currency: z.string().regex(/^[A-Z]{3}$/, { error: (i) => currencyProblem(String(i.input)) }),
    }),
  ], { error: (i) => `expected an amount or { amount, currency }, got ${describeValue(i.input)}` })
    .describe('A bare amount in the default currency, or { amount, currency }');

export type Money = z.infer<ReturnType<typeof money>>;

function currencyProblem(value: string): string {
  const upper = value.toUpperCase();
  return /^[A-Z]{3}$/.test(upper)
    ? `"${value}" is not a currency code: write "${upper}" (ISO 4217 codes are three upper-case letters)`
    : `"${value}" is not a currency code: use three upper-case letters (ISO 4217), e.g. "EUR"`;
}

/** An integer in [min, max]. */
export const intBetween = (min: number, max: number) =>
  z.number({ error: (i) => `expected a whole number from ${min} to ${max}, got ${describeValue(i.input)}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be from ${min} to ${max}` })
    .max(max, { error: `must be from ${min} to ${max}` });

export const numberBetween = (min: number, max: number) =>
  z.number({ error: (i) => `expected a number from ${min} to ${max}, got ${describeValue(i.input)}` })
    .min(min, { error: `must be from ${min} to ${max}` })
    .max(max, { error: `must be from ${min} to ${max}` });
