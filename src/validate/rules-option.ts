/** The `rules` option of keyplan({...}): a severity per rule id, checked against the registry. */
import { z } from 'zod';
import { unknownRuleMessage } from './rule-registry.ts';

export const rulesOption = z.record(z.string(), z.enum(['off', 'warning', 'error'], {
  error: (issue) => `${JSON.stringify(issue.input)} is not a rule setting; use "off", "warning" or "error"`,
})).superRefine((rules, ctx) => {
  for (const id of Object.keys(rules)) {
    const message = unknownRuleMessage(id);
    if (message) ctx.addIssue({ code: 'custom', path: [id], message });
  }
}).default({});
