/** Opportunities (whitespace) and competitors. */
import { z } from 'zod';
import { calendarDate, id, money, numberBetween, text } from './primitives.ts';

export const WHITESPACE_STATUSES = ['deployed', 'open', 'competitor', 'not-applicable'] as const;
export const STAGES = ['identified', 'qualified', 'proposed', 'won', 'lost'] as const;
export const POSITIONS = ['incumbent', 'challenger', 'niche'] as const;

export const opportunitySchema = z.strictObject({
  id: id('opportunity').describe('Item id, unique in the plan'),
  title: text(),
  unit: text().describe('The client unit (whitespace row)'),
  offering: text().describe('Our offering (whitespace column)'),
  status: z.enum(WHITESPACE_STATUSES).describe('The whitespace cell'),
  value: money().optional(),
  stage: z.enum(STAGES).optional(),
  close: calendarDate().optional().describe('Expected close date'),
});

export const competitorSchema = z.strictObject({
  id: id('competitor').describe('Item id, unique in the plan'),
  name: text(),
  position: z.enum(POSITIONS),
  share: numberBetween(0, 100).optional().describe('Share of the client\'s spend, %'),
  strengths: z.array(text()).optional(),
  weaknesses: z.array(text()).optional(),
});

export type Opportunity = z.infer<typeof opportunitySchema>;
export type Competitor = z.infer<typeof competitorSchema>;
