/** One of our own people: `content/people/<person-id>.yaml`. */
import { z } from 'zod';
import { id, text } from './primitives.ts';

export const personSchema = z.strictObject({
  /** Display name. @example "Jane Doe" */
  name: text().describe('Display name'),
  /** Job title. @example "Account Director" */
  title: text().describe('Job title'),
  /** Our team or department. */
  team: text().optional().describe('Our team or department'),
  /** Contact address. */
  email: z.email({ error: (i) => `"${String(i.input)}" is not an email address` }).optional().describe('Contact address'),
  /** Reporting line inside our company. */
  manager: id('person').optional().describe('Person id of their manager'),
});

export type Person = z.infer<typeof personSchema>;
