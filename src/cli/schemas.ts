/**
 * `npm run schemas`: writes public/schemas/plan.schema.json and
 * person.schema.json from the zod schemas and the site's perspectives, and
 * the body components' types for the MDX editor extension
 * (src/body/editor-types.ts). Run it after changing `perspectives` in astro.config.mjs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { editorTypes, EDITOR_TYPES_FILE } from '../body/editor-types.ts';
import { DEFAULT_PERSPECTIVES } from '../schema/measure.ts';
import { jsonSchemas } from '../schema/json-schema.ts';
import { commandSiteConfig } from './options.ts';

export const SCHEMA_DIR = 'public/schemas';

export function schemaFiles(perspectives?: readonly string[]): Record<string, string> {
  const { plan, person } = jsonSchemas(perspectives);
  return {
    'plan.schema.json': `${JSON.stringify(plan, null, 2)}\n`,
    'person.schema.json': `${JSON.stringify(person, null, 2)}\n`,
  };
}

if (import.meta.main) {
  const root = resolve('.');
  const site = await commandSiteConfig(root);
  if (!site) process.exit(2);
  mkdirSync(join(root, SCHEMA_DIR), { recursive: true });
  for (const [name, text] of Object.entries(schemaFiles(site.perspectives))) writeFileSync(join(root, SCHEMA_DIR, name), text);
  writeFileSync(join(root, EDITOR_TYPES_FILE), editorTypes(site.perspectives ?? DEFAULT_PERSPECTIVES));
  console.log(`wrote ${SCHEMA_DIR}/plan.schema.json, ${SCHEMA_DIR}/person.schema.json and ${EDITOR_TYPES_FILE}`);
}
