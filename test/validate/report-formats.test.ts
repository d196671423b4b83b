/**
 * Findings for tools: SARIF that validates against the official 2.1.0 schema,
 * JSON that reads back to the same findings, and per-rule severities from the
 * options, applied by `npm run check` the way a CI pipeline runs it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import type { Issue } from '../../src/validate/issue.ts';
import { findingsFromJson, renderFindings } from '../../src/validate/report-formats.ts';
import { RULES } from '../../src/validate/rule-registry.ts';

const TODAY = '2026-11-25';
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const INVALID = join(REPO, 'test/fixtures/invalid');
const CASES = readdirSync(INVALID, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const TOOL = { version: '0.1.0' };

/** Every finding of the bad-input corpus, each file named under its case folder. */
function corpusIssues(): Issue[] {
  return CASES.flatMap((name) => checkContent({ root: join(INVALID, name), today: TODAY }).issues
    .map((i) => ({ ...i, file: `test/fixtures/invalid/${name}/${i.file}` })));
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

describe('--format sarif', () => {
  const issues = corpusIssues();
  const log = JSON.parse(renderFindings(issues, 'sarif', TOOL));

  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(REPO, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
    // The official schema's `language` pattern has a stray "]", valid only without the u flag.
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }));
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    // The schema does bite: a level SARIF does not know is refused.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('has one result per finding, with its rule, level and region', () => {
    const results = log.runs[0].results;
    expect(results).toHaveLength(issues.length);
    expect(issues.length).toBeGreaterThan(50);
    const rules = log.runs[0].tool.driver.rules;
    for (const [i, result] of results.entries()) {
      expect(result.ruleId).toBe(issues[i].rule);
      expect(rules[result.ruleIndex].id).toBe(issues[i].rule);
      expect(result.level).toBe(issues[i].severity);
      expect(result.locations[0].physicalLocation.region).toEqual({ startLine: issues[i].line, startColumn: issues[i].column });
    }
    // "Acme Bank.mdx": a path with a space is still a URI reference.
    expect(results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.locations[0].physicalLocation.artifactLocation.uri)).toContain('test/fixtures/invalid/bad-file-name/content/plans/Acme%20Bank.mdx');
  });

  it('lists every rule with its help text and default level', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const stale = rules.find((r: { id: string }) => r.id === 'keyplan/stale-actual');
    expect(stale.defaultConfiguration.level).toBe('warning');
    expect(stale.help.text).toContain('Update actual and asOf.');
    expect(stale.help.text).toContain('asOf: 2026-11-30');
  });
});

describe('--format json', () => {
  it('round-trips: reading it back gives the same findings', () => {
    const issues = corpusIssues();
    const text = renderFindings(issues, 'json', TOOL);
    expect(findingsFromJson(text)).toEqual(issues);
    const first = JSON.parse(text)[0];
    expect(Object.keys(first)).toEqual(['file', 'line', 'column', 'severity', 'field', 'rule', 'message', 'suggestion']);
  });
});

describe('severity per rule', () => {
  const root = join(INVALID, 'warn-stale-actual');

  it('a warning made an error counts as an error; off removes it', () => {
    expect(checkContent({ root, today: TODAY }).warnings).toBe(1);
    const escalated = checkContent({ root, today: TODAY, rules: { 'keyplan/stale-actual': 'error' } });
    expect(escalated.issues.map((i) => [i.rule, i.severity])).toEqual([['keyplan/stale-actual', 'error']]);
    expect(escalated.errors).toBe(1);
    const off = checkContent({ root, today: TODAY, rules: { 'keyplan/stale-actual': 'off' } });
    expect(off.issues).toEqual([]);
  });

  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  /** `npm run check` on a copy of a fixture whose astro.config.mjs sets `rules`. */
  function checkWith(fixture: string, rules: Record<string, string>, ...args: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'keyplan-rules-'));
    temps.push(dir);
    cpSync(fixture, dir, { recursive: true });
    const integration = pathToFileURL(join(REPO, 'plugins/keyplan.ts')).href;
    writeFileSync(join(dir, 'astro.config.mjs'),
      `import keyplan from '${integration}';\nexport default { integrations: [keyplan({ rules: ${JSON.stringify(rules)} })] };\n`);
    const run = spawnSync(process.execPath, ['src/cli/check.ts', '--root', dir, ...args], {
      cwd: REPO, encoding: 'utf8', env: { ...process.env, KEYPLAN_TODAY: TODAY },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, dir };
  }

  it('npm run check exits 1 when the options make a warning an error', () => {
    const run = checkWith(root, { 'keyplan/stale-actual': 'error' });
    expect(run.stdout).toMatch(/^content\/plans\/acme\.mdx:20:11 error scorecard\[0\]\.asOf: stale actual: .* \[keyplan\/stale-actual\]\n$/);
    expect(run.status).toBe(1);
  }, 60_000);

  it('npm run check drops a rule turned off, and exits 0', () => {
    const run = checkWith(root, { 'keyplan/stale-actual': 'off' });
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/0 errors, 0 warnings/);
    expect(run.status).toBe(0);
  }, 60_000);

  it('an unknown rule in the options is an error with did-you-mean', () => {
    const run = checkWith(root, { 'keyplan/stale-actuals': 'error' });
    expect(run.stderr).toContain('keyplan({ rules.keyplan/stale-actuals }): unknown rule "keyplan/stale-actuals" (did you mean "keyplan/stale-actual"?)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // A mistake in the options, like any other option: exit code 2 (content errors are 1).
    expect(run.status).toBe(2);
  }, 60_000);

  it('--format sarif --output writes the SARIF file; an unknown format is refused', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'keyplan-sarif-')), 'findings.sarif');
    temps.push(join(out, '..'));
    const run = checkWith(root, {}, '--format', 'sarif', '--output', out);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([['keyplan/stale-actual', 'warning']]);

    const bad = checkWith(root, {}, '--format', 'xml');
    expect(bad.stderr).toContain('unknown format "xml": use one of text, github, json, sarif');
    expect(bad.status).toBe(2);
  }, 60_000);
});
