/**
 * Property-based: mutate valid plans every way a writer might (delete,
 * retype, duplicate and truncate fields, lines and files) and the checker
 * always answers with located messages, and never throws.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/validate/check.ts';
import { loadFile, type SourceFile } from '../../src/validate/load.ts';
import { splitFrontmatter, type SplitPlan } from '../../src/validate/frontmatter.ts';

const REPO = join(import.meta.dirname, '../..');
const plans = readdirSync(join(REPO, 'content/plans')).map((name) => ({ name, text: readFileSync(join(REPO, 'content/plans', name), 'utf8') }));
const people: SourceFile[] = readdirSync(join(REPO, 'content/people'))
  .map((name) => loadFile(`content/people/${name}`, 'person', readFileSync(join(REPO, 'content/people', name), 'utf8')));

type Path = (string | number)[];

/** Every path into a YAML value, so a mutation can aim anywhere. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

const strange = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant(''), fc.constant('2026-02-30'),
  fc.constant('<script>alert(1)</script>'), fc.constant('{ x }'), fc.constant([]), fc.constant({}), fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string(), { maxKeys: 3 }), fc.constant('plan:nowhere#nothing'),
);

type Mutation = { kind: 'delete' | 'retype' | 'duplicate'; at: number; value: unknown } | { kind: 'truncate' | 'drop-line' | 'repeat-line'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'retype' as const, 'duplicate' as const), at: fc.nat(), value: strange }),
  fc.record({ kind: fc.constantFrom('truncate' as const, 'drop-line' as const, 'repeat-line' as const), at: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const split = splitFrontmatter(text) as SplitPlan;
  if (m.kind === 'truncate') return text.slice(0, m.at % (text.length + 1));
  const lines = text.split('\n');
  if (m.kind === 'drop-line') return lines.filter((_, i) => i !== m.at % lines.length).join('\n');
  if (m.kind === 'repeat-line') {
    const i = m.at % lines.length;
    return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
  }
  const data = jsYaml.load(split.yaml, { schema: jsYaml.CORE_SCHEMA }) as Record<string, unknown>;
  const all = paths(data).filter((p) => p.length > 0);
  const path = all[m.at % all.length];
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, data);
  const key = path[path.length - 1];
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) (parent as unknown[]).splice(key as number, 1);
    else delete parent[key];
  } else if (m.kind === 'retype') {
    parent[key] = m.value;
  } else if (Array.isArray(parent)) {
    (parent as unknown[]).splice(key as number, 0, structuredClone(parent[key]));
  } else {
    parent[`${String(key)}-copy`] = parent[key];
  }
  return `---\n${jsYaml.dump(data, { schema: jsYaml.CORE_SCHEMA, lineWidth: -1 })}---\n${split.body}`;
}

describe('the checker under mutation', () => {
  it('always returns located messages and never throws', () => {
    fc.assert(fc.property(fc.nat(plans.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
      const plan = plans[which];
      let text = plan.text;
      for (const m of mutations) {
        try {
          text = mutate(text, m);
        } catch {
          // A mutation that cannot apply to what earlier ones left (no frontmatter any more): keep the text.
        }
      }
      // The plan the others point at most, so cross-plan references resolve as well as dangle.
      const others = plans.filter((p) => p !== plan && p.name === 'castellan-group.mdx').map((p) => loadFile(`content/plans/${p.name}`, 'plan', p.text));
      const result = checkFiles([loadFile(`content/plans/${plan.name}`, 'plan', text), ...others, ...people], { today: '2026-11-25' });
      const lineCount = text.split('\n').length;
      for (const issue of result.issues) {
        expect(issue.file).toMatch(/^content\/(plans|people)\/[^/]+\.(mdx|yaml)$/);
        expect(issue.line).toBeGreaterThanOrEqual(1);
        if (issue.file === `content/plans/${plan.name}`) expect(issue.line).toBeLessThanOrEqual(lineCount + 1);
        expect(issue.column).toBeGreaterThanOrEqual(1);
        expect(issue.message.length).toBeGreaterThan(5);
        expect(issue.message).not.toMatch(/\bat \S+ \(|TypeError|undefined is not|Cannot read prop/);
      }
      expect(result.errors + result.warnings).toBe(result.issues.length);
    }), { numRuns: 3000, seed: 20261125 });
  }, 240_000);
});
