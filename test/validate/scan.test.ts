/**
 * The line scanner must point exactly where the YAML parser with positions
 * does, or defer to it: checked on every path of every sample plan, and on
 * shapes the scanner has to give up on.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter, type SplitPlan } from '../../src/validate/frontmatter.ts';
import type { Anchor, FieldPath } from '../../src/validate/issue.ts';
import { Locator } from '../../src/validate/locate.ts';
import { scanPath } from '../../src/validate/scan.ts';
import { generatePortfolio } from '../../bench/generate.ts';

const REPO = join(import.meta.dirname, '../..');

function* paths(data: unknown, path: FieldPath = []): Generator<[FieldPath, Anchor]> {
  yield [path, 'value'];
  if (typeof path.at(-1) === 'string') yield [path, 'key'];
  if (data && typeof data === 'object') {
    if (!Array.isArray(data)) yield [path, 'object'];
    for (const [k, v] of Object.entries(data)) yield* paths(v, [...path, Array.isArray(data) ? Number(k) : k]);
  }
}

/** Every path of the plan, located by the scanner and by the parser; how many paths the scanner answered itself. */
function agree(text: string): { paths: number; scanned: number } {
  const split = splitFrontmatter(text) as SplitPlan;
  const locator = new Locator(split.yaml, split.yamlLine);
  const lines = split.yaml.split('\n');
  const data = jsYaml.load(split.yaml, { schema: jsYaml.CORE_SCHEMA });
  let count = 0;
  let scanned = 0;
  for (const [path, anchor] of paths(data)) {
    expect(locator.locate(path, anchor), `${path.join('.')} (${anchor})`).toEqual(locator.parsed(path, anchor));
    count++;
    if (scanPath(lines, path, anchor)) scanned++;
  }
  return { paths: count, scanned };
}

describe('line scanner', () => {
  const dir = join(REPO, 'content/plans');
  for (const name of readdirSync(dir)) {
    it(`agrees with the parser on every field of ${name}`, () => {
      expect(agree(readFileSync(join(dir, name), 'utf8')).paths).toBeGreaterThan(100);
    });
  }

  it('agrees with the parser on plans written in flow style, one item a line, and needs it for none of their paths', () => {
    const root = mkdtempSync(join(tmpdir(), 'keyplan-scan-'));
    try {
      generatePortfolio(root, 3, 7);
      for (const name of readdirSync(join(root, 'content/plans'))) {
        const { paths: count, scanned } = agree(readFileSync(join(root, 'content/plans', name), 'utf8'));
        expect(count).toBeGreaterThan(500);
        expect(scanned, name).toBe(count);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads a flow collection on one line: keys, values, items, quotes and commas inside them', () => {
    const lines = ['goals:', '  - { id: g1, title: "Win, then keep", due: 2026-04-01, dependsOn: [g0, \'it\'\'s\'] } # first', 'period: {start: 2026-01-01, end: 2027-01-01}'];
    expect(scanPath(lines, ['goals', 0, 'due'], 'value')).toEqual({ line: 1, column: lines[1].indexOf('2026') });
    expect(scanPath(lines, ['goals', 0, 'due'], 'key')).toEqual({ line: 1, column: lines[1].indexOf('due') });
    expect(scanPath(lines, ['goals', 0, 'dependsOn', 1], 'value')).toEqual({ line: 1, column: lines[1].indexOf("'it") });
    expect(scanPath(lines, ['goals', 0], 'object')).toEqual({ line: 1, column: 4 });
    expect(scanPath(lines, ['period', 'end'], 'value')).toEqual({ line: 2, column: lines[2].indexOf('2027') });
    const locator = new Locator(lines.join('\n'), 1);
    for (const [path, anchor] of [[['goals', 0, 'due'], 'value'], [['goals', 0, 'dependsOn', 1], 'value'], [['period', 'end'], 'key']] as [FieldPath, Anchor][]) {
      expect(locator.locate(path, anchor)).toEqual(locator.parsed(path, anchor));
    }
  });

  it('finds keys, list items and values in block YAML', () => {
    const lines = ['account: Acme', 'goals:', '  - id: grow', '    owner: jdoe', '  -', '    id: keep', 'tags:', '- a', '- b'];
    expect(scanPath(lines, ['goals', 0, 'owner'], 'value')).toEqual({ line: 3, column: 11 });
    expect(scanPath(lines, ['goals', 0, 'owner'], 'key')).toEqual({ line: 3, column: 4 });
    expect(scanPath(lines, ['goals', 1], 'object')).toEqual({ line: 5, column: 4 });
    expect(scanPath(lines, ['tags', 1], 'value')).toEqual({ line: 8, column: 2 });
  });

  it('gives up on flow collections over several lines and quoted keys, and the parser answers instead', () => {
    const yaml = 'period: { start: 2026-01-01,\n  end: 2025-01-01 }\n"owner": jdoe\n';
    expect(scanPath(yaml.split('\n'), ['period', 'end'], 'value')).toBeUndefined();
    expect(scanPath(yaml.split('\n'), ['owner'], 'value')).toBeUndefined();
    const locator = new Locator(yaml, 2);
    expect(locator.locate(['period', 'end'], 'value')).toEqual({ line: 3, column: 8 });
    expect(locator.locate(['owner'], 'value')).toEqual({ line: 4, column: 10 });
  });
});
