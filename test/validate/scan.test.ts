/**
 * The line scanner must point exactly where the YAML parser with positions
 * does, or defer to it: checked on every path of every sample plan, and on
 * shapes the scanner has to give up on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter, type SplitPlan } from '../../src/validate/frontmatter.ts';
import type { Anchor, FieldPath } from '../../src/validate/issue.ts';
import { Locator } from '../../src/validate/locate.ts';
import { scanPath } from '../../src/validate/scan.ts';

const REPO = join(import.meta.dirname, '../..');

function* paths(data: unknown, path: FieldPath = []): Generator<[FieldPath, Anchor]> {
  yield [path, 'value'];
  if (typeof path.at(-1) === 'string') yield [path, 'key'];
  if (data && typeof data === 'object') {
    if (!Array.isArray(data)) yield [path, 'object'];
    for (const [k, v] of Object.entries(data)) yield* paths(v, [...path, Array.isArray(data) ? Number(k) : k]);
  }
}

describe('line scanner', () => {
  const dir = join(REPO, 'content/plans');
  for (const name of readdirSync(dir)) {
    it(`agrees with the parser on every field of ${name}`, () => {
      const split = splitFrontmatter(readFileSync(join(dir, name), 'utf8')) as SplitPlan;
      const locator = new Locator(split.yaml, split.yamlLine);
      const data = jsYaml.load(split.yaml, { schema: jsYaml.CORE_SCHEMA });
      let count = 0;
      for (const [path, anchor] of paths(data)) {
        expect(locator.locate(path, anchor), `${path.join('.')} (${anchor})`).toEqual(locator.parsed(path, anchor));
        count++;
      }
      expect(count).toBeGreaterThan(100);
    });
  }

  it('finds keys, list items and values in block YAML', () => {
    const lines = ['account: Acme', 'goals:', '  - id: grow', '    owner: jdoe', '  -', '    id: keep', 'tags:', '- a', '- b'];
    expect(scanPath(lines, ['goals', 0, 'owner'], 'value')).toEqual({ line: 3, column: 11 });
    expect(scanPath(lines, ['goals', 0, 'owner'], 'key')).toEqual({ line: 3, column: 4 });
    expect(scanPath(lines, ['goals', 1], 'object')).toEqual({ line: 5, column: 4 });
    expect(scanPath(lines, ['tags', 1], 'value')).toEqual({ line: 8, column: 2 });
  });

  it('gives up on flow collections and quoted keys, and the parser answers instead', () => {
    const yaml = 'period: { start: 2026-01-01, end: 2025-01-01 }\n"owner": jdoe\n';
    expect(scanPath(yaml.split('\n'), ['period', 'end'], 'value')).toBeUndefined();
    expect(scanPath(yaml.split('\n'), ['owner'], 'value')).toBeUndefined();
    const locator = new Locator(yaml, 2);
    expect(locator.locate(['period', 'end'], 'value')).toEqual({ line: 2, column: 35 });
    expect(locator.locate(['owner'], 'value')).toEqual({ line: 3, column: 10 });
  });
});
