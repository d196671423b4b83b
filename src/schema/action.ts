/** Action plans with owners and dependencies. */
import { z } from 'zod';
import { calendarDate, id, itemRef, money, text } from './primitives.ts';

export const ACTION_STATUSES = ['planned', 'in-progress', 'blocked', 'done', 'obsolete'] as const;
export const REPEATS = ['once', 'daily', 'weekly', 'monthly'] as const;

export const actionSchema = z.strictObject({
  id: id('action').describe('Item id, unique in the plan'),
  title: text().describe('What is to be done'),
  goal: id('goal').optional().describe('The goal it serves'),
  risk: id('risk').optional().describe('The risk it mitigates'),
  owner: id('person').describe('Person id of the action owner'),
  start: calendarDate().optional(),
  due: calendarDate(),
  status: z.enum(ACTION_STATUSES).describe('Logged until done or obsolete'),
  dependsOn: z.array(itemRef()).optional().describe('"action-id" or "plan-id#action-id"'),
  effort: z.number().nonnegative({ error: 'must not be negative' }).optional().describe('Person-days'),
  budget: money().optional(),
  buffer: z.number().nonnegative({ error: 'must not be negative' }).optional().describe('Contingency days in the schedule'),
  repeats: z.enum(REPEATS).default('once'),
});

export type Action = z.infer<typeof actionSchema>;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
