/** Goals: what we aim for over 3, 6, 12, 24 and 36 months. */
import { z } from 'zod';
import { calendarDate, id, itemRef, text } from './primitives.ts';

export const GOAL_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'done', 'dropped'] as const;
export const HORIZONS = ['short', 'medium', 'long'] as const;

export const kpiSchema = z.strictObject({
  /** What is measured. @example "Annual revenue" */
  metric: text().describe('What is measured'),
  unit: text().optional().describe('Unit, e.g. %, EUR, days'),
  baseline: z.number().optional().describe('Where we started'),
  target: z.number().describe('Where we aim to be'),
  current: z.number().optional().describe('Where we are now'),
  asOf: calendarDate().optional().describe('When `current` was measured'),
});

export const goalSchema = (perspective: z.ZodType<string>) => z.strictObject({
  id: id('goal').describe('Item id, unique in the plan'),
  title: text().describe('What we aim for'),
  due: calendarDate().describe('When it is due; within the plan period'),
  start: calendarDate().optional().describe('Defaults to period.start; not after due'),
  owner: id('person').describe('Person id of the goal owner'),
  status: z.enum(GOAL_STATUSES).describe('Progress'),
  horizon: z.enum(HORIZONS).optional().describe('Derived from the dates when absent'),
  perspective: perspective.optional().describe('Ties the goal to a scorecard perspective'),
  kpi: kpiSchema.optional().describe('The measure of success'),
  dependsOn: z.array(itemRef()).optional().describe('Goals this one needs first: "goal-id" or "plan-id#goal-id"'),
  description: text().optional(),
});

export type Goal = z.infer<ReturnType<typeof goalSchema>>;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type Horizon = (typeof HORIZONS)[number];
