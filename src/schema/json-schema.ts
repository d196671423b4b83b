/**
 * JSON Schemas for editors, generated from the zod schemas (never written by
 * hand): plan frontmatter and person files, so VS Code can complete and check
 * fields as a writer types.
 */
import { z } from 'zod';
import { personSchema } from './person.ts';
import { planSchema } from './plan.ts';

export function jsonSchemas(perspectives?: readonly string[]): { plan: object; person: object } {
  const describe = (schema: object, title: string, description: string) => ({ title, description, ...schema });
  return {
    plan: describe(z.toJSONSchema(planSchema(perspectives), { io: 'input', unrepresentable: 'any' }),
      'Keyplan account plan', 'The frontmatter of content/plans/<plan-id>.mdx'),
    person: describe(z.toJSONSchema(personSchema, { io: 'input', unrepresentable: 'any' }),
      'Keyplan person', 'content/people/<person-id>.yaml: one of our own people'),
  };
}
