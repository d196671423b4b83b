/** Risks and their mitigation. */
import { z } from 'zod';
import { calendarDate, id, intBetween, text } from './primitives.ts';

export const RISK_CATEGORIES = ['account', 'sales-marketing', 'contract', 'delivery', 'relationship', 'other'] as const;
export const RISK_STATUSES = ['open', 'mitigating', 'closed', 'occurred'] as const;

export const riskSchema = z.strictObject({
  id: id('risk').describe('Item id, unique in the plan'),
  title: text().describe('The risk'),
  category: z.enum(RISK_CATEGORIES).optional(),
  likelihood: intBetween(1, 5).describe('1 (rare) to 5 (almost certain)'),
  impact: intBetween(1, 5).describe('1 (minor) to 5 (severe)'),
  mitigation: text().describe('The planned response'),
  contingency: text().optional().describe('What happens if it occurs anyway'),
  owner: id('person').describe('Person id of the risk owner'),
  status: z.enum(RISK_STATUSES),
  reviewBy: calendarDate().optional(),
});

export type Risk = z.infer<typeof riskSchema>;
