/** Stakeholders: the client's people, their roles and how they see us. */
import { z } from 'zod';
import { calendarDate, id, text } from './primitives.ts';

export const ROLES = ['decision-maker', 'approver', 'evaluator', 'influencer', 'user', 'gatekeeper', 'coach'] as const;
export const INFLUENCES = ['low', 'medium', 'high', 'decisive'] as const;
export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker'] as const;
export const RELATIONSHIPS = ['none', 'vendor', 'credible', 'problem-solver', 'trusted-advisor'] as const;
export const CONTACT_CADENCES = ['weekly', 'monthly', 'quarterly'] as const;

export const stakeholderSchema = z.strictObject({
  id: id('stakeholder').describe('Item id, unique in the plan'),
  name: text().describe('Full name'),
  title: text().describe('Job title'),
  unit: text().optional().describe('Business unit or department'),
  reportsTo: id('stakeholder').optional().describe('Stakeholder id of their manager (org chart)'),
  role: z.enum(ROLES).describe('Role in the client\'s decisions'),
  influence: z.enum(INFLUENCES).describe('How much their view counts'),
  stance: z.enum(STANCES).describe('Attitude to us'),
  owner: id('person').optional().describe('Our person who holds the relationship'),
  relationship: z.enum(RELATIONSHIPS).optional().describe('Depth of our relationship'),
  influences: z.array(id('stakeholder')).optional().describe('Informal influence lines'),
  lastContact: calendarDate().optional().describe('Date of the last contact'),
  contactEvery: z.enum(CONTACT_CADENCES).optional().describe('Agreed contact cadence'),
});

export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type Influence = (typeof INFLUENCES)[number];
export type Stance = (typeof STANCES)[number];
export type ContactCadence = (typeof CONTACT_CADENCES)[number];
