/** The editor schemas: generated from zod, current, accepting the sample content and rejecting mistakes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { schemaFiles, SCHEMA_DIR } from '../../src/cli/schemas.ts';
import { EDITOR_TYPES_FILE, editorTypes } from '../../src/body/editor-types.ts';
import { DEFAULT_PERSPECTIVES } from '../../src/schema/measure.ts';
import { loadFile } from '../../src/validate/load.ts';

const REPO = join(import.meta.dirname, '../..');
const files = schemaFiles();
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/);
const plan = ajv.compile(JSON.parse(files['plan.schema.json']));
const person = ajv.compile(JSON.parse(files['person.schema.json']));

const frontmatter = (path: string) => loadFile(path, 'plan', readFileSync(join(REPO, path), 'utf8')).data;

describe('JSON Schemas for editors', () => {
  it('are the ones committed in public/schemas (run npm run schemas after changing a schema)', () => {
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(REPO, SCHEMA_DIR, name), 'utf8'), name).toBe(text);
  });

  it('and the body components\' types for the MDX extension are the ones committed, included for the plan files', () => {
    expect(readFileSync(join(REPO, EDITOR_TYPES_FILE), 'utf8')).toBe(editorTypes(DEFAULT_PERSPECTIVES));
    const types = editorTypes(DEFAULT_PERSPECTIVES);
    for (const name of ['GoalTimeline', 'StakeholderMap', 'Scorecard', 'RiskMatrix', 'Actions', 'Whitespace', 'Swot', 'Goal', 'Measure', 'Risk', 'Callout']) {
      expect(types).toContain(`    ${name}: (props: `);
    }
    expect(types).toContain(`horizon?: 'short' | 'medium' | 'long';`);
    expect(types).toMatch(/Goal: \(props: \{\n.*\n\s+id: string;/);
    const tsconfig = JSON.parse(readFileSync(join(REPO, 'content/tsconfig.json'), 'utf8')) as { include: string[] };
    expect(tsconfig.include).toEqual(['plans/*.mdx', `../${EDITOR_TYPES_FILE}`]);
  });

  it('accept every sample plan and person', () => {
    for (const name of readdirSync(join(REPO, 'content/plans'))) {
      expect(plan(frontmatter(`content/plans/${name}`)), `${name}: ${ajv.errorsText(plan.errors)}`).toBe(true);
    }
    for (const name of readdirSync(join(REPO, 'content/people'))) {
      const data = loadFile(`content/people/${name}`, 'person', readFileSync(join(REPO, 'content/people', name), 'utf8')).data;
      expect(person(data), name).toBe(true);
    }
  });

  it('reject a mistyped field, a wrong enum, a bad date and a missing field', () => {
    const good = frontmatter('content/plans/osterby-dental.mdx') as Record<string, unknown>;
    expect(plan({ ...good, ownr: 'x' })).toBe(false);
    expect(plan.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'ownr' } });
    expect(plan({ ...good, status: 'actve' })).toBe(false);
    expect(plan({ ...good, period: { start: '1 Jan 2026', end: '2027-12-31' } })).toBe(false);
    const { owner: _owner, ...noOwner } = good;
    expect(plan(noOwner)).toBe(false);
    expect(plan.errors?.[0]).toMatchObject({ keyword: 'required', params: { missingProperty: 'owner' } });
    expect(person({ name: 'Jane', title: 'AD', manger: 'x' })).toBe(false);
  });
});
