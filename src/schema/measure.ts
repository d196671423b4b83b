/** Scorecard measures: the balanced scorecard an account is judged by. */
import { z } from 'zod';
import { calendarDate, id, numberBetween, text } from './primitives.ts';

export const DEFAULT_PERSPECTIVES = ['financial', 'client', 'sales', 'people', 'management'] as const;
export const DIRECTIONS = ['higher', 'lower'] as const;

export const measureSchema = (perspective: z.ZodType<string>) => z.strictObject({
  id: id('measure').describe('Item id, unique in the plan'),
  perspective: perspective.describe('Scorecard perspective'),
  measure: text().describe('What is measured'),
  unit: text().optional().describe('%, EUR, days, ...'),
  target: z.number().describe('The target value'),
  actual: z.number().optional().describe('The latest value; missing means status unknown'),
  direction: z.enum(DIRECTIONS).default('higher').describe('Which way is better'),
  tolerance: numberBetween(0, 1).default(0.1).describe('Within this fraction of the target is amber'),
  weight: z.number().positive({ error: 'must be greater than 0' }).default(1).describe('Weight inside its perspective'),
  asOf: calendarDate().optional().describe('When the actual was measured'),
  history: z.array(z.strictObject({
    date: calendarDate(),
    value: z.number(),
  })).optional().describe('Earlier values, for trends'),
});

export type Measure = z.infer<ReturnType<typeof measureSchema>>;
export type Direction = (typeof DIRECTIONS)[number];
