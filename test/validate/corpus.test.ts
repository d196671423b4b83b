/**
 * The bad-input corpus: one folder per mistake under test/fixtures/invalid,
 * each a small content tree with the exact lines the checker must print in
 * its expected.txt. A writer reads these lines, so every word is asserted.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import { formatIssue } from '../../src/validate/issue.ts';
import { ruleById } from '../../src/validate/rule-registry.ts';

const TODAY = '2026-11-25';
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const INVALID = join(REPO, 'test/fixtures/invalid');
const VALID = join(REPO, 'test/fixtures/valid');
const CASES: string[] = readdirSync(INVALID, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

/** `path:line:column severity ...`: the severity of a printed line (file names may hold spaces). */
const SEVERITY = /^.+?:\d+:\d+ (error|warning) /;
/** `... message [keyplan/rule-id]`: the rule a printed line names. */
const RULE = / \[(keyplan\/[a-z-]+)\]$/;

function expectedLines(dir: string): string[] {
  return readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter((line) => line !== '');
}

function check(root: string) {
  const result = checkContent({ root, today: TODAY });
  return { result, lines: result.issues.map(formatIssue) };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyplan-corpus-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('bad-input corpus', () => {
  it('has at least 30 cases, each with an expected.txt', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const name of CASES) expect(existsSync(join(INVALID, name, 'expected.txt')), name).toBe(true);
  });

  it.each(CASES)('%s', (name) => {
    const root = join(INVALID, name);
    const expected = expectedLines(root);
    expect(expected.length, 'a case expects at least one line').toBeGreaterThan(0);

    const { result, lines } = check(root);
    expect(lines).toEqual(expected);

    const severities = expected.map((line) => SEVERITY.exec(line)?.[1]);
    expect(severities, 'every expected line names its severity').not.toContain(undefined);
    // Every finding carries the rule the corpus expects, and is reported with that rule's default severity.
    const rules = expected.map((line) => RULE.exec(line)?.[1]);
    expect(result.issues.map((i) => i.rule)).toEqual(rules);
    for (const [i, rule] of rules.entries()) {
      expect(ruleById(rule!), `${rule} is in the registry`).toBeDefined();
      expect(severities[i], expected[i]).toBe(ruleById(rule!)!.severity);
    }
    const errors = severities.filter((s) => s === 'error').length;
    expect(result.errors).toBe(errors);
    expect(result.warnings).toBe(expected.length - errors);
    if (errors > 0) expect(result.errors).toBeGreaterThan(0);
    // A content mistake never shows as a crash or a half-built message.
    expect(lines.join('\n')).not.toMatch(/\n\s+at |TypeError|undefined|\[object Object\]|NaN/);
  });

  it('a valid portfolio has no issues at all', () => {
    for (const name of readdirSync(VALID)) {
      expect(check(join(VALID, name)).lines, name).toEqual([]);
    }
  });

  it('warns about a 1 MB body and keeps every line number right around it', () => {
    const root = tempDir();
    mkdirSync(join(root, 'content/plans'), { recursive: true });
    mkdirSync(join(root, 'content/people'), { recursive: true });
    writeFileSync(join(root, 'content/people/ana-silva.yaml'), 'name: Ana Silva\ntitle: Account Director\n');
    // Accented text and horizontal rules: bytes are not characters, and "---" in the body is not a fence.
    const paragraph = 'Relatório de reunião: a equipa de tesouraria pediu mais detalhe.\n\n---\n\n';
    const body = paragraph.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(paragraph)));
    writeFileSync(join(root, 'content/plans/acme.mdx'), [
      '---',
      'account: Acme Bank',
      'summary: Grow payments and treasury services with Acme Bank.',
      'status: active',
      'tier: key',
      'owner: ana-silva',
      'period:',
      '  start: 2026-01-01',
      '  end: 2027-12-31',
      'review:',
      '  cadence: quarterly',
      '  next: 2027-01-15',
      'goals:',
      '  - id: win-treasury',
      '    title: Win the treasury platform tender',
      '    due: 2027-06-30',
      '    owner: ana-silv',
      '    status: on-track',
      '---',
      '',
      body,
    ].join('\n'));
    // A file read after the big one: its positions must not drift.
    writeFileSync(join(root, 'content/plans/zeta.mdx'), [
      '---',
      'account: Zeta Insurance',
      'summary: Keep the claims platform contract.',
      'status: actve',
      'tier: maintain',
      'owner: ana-silva',
      'period: { start: 2026-01-01, end: 2027-12-31 }',
      'review: { cadence: yearly, next: 2027-01-15 }',
      '---',
      '',
    ].join('\n'));

    expect(check(root).lines).toEqual([
      'content/plans/acme.mdx:17:12 error goals[0].owner: unknown person "ana-silv" (did you mean "ana-silva"?) [keyplan/unknown-person]',
      'content/plans/acme.mdx:20:1 warning body: the body is 1.0 MB; a plan\'s narrative over 256 KB slows every build: link long documents instead of pasting them [keyplan/large-body]',
      'content/plans/zeta.mdx:4:9 error status: "actve" is not allowed; use one of draft, active, under-review, suspended, discontinued (did you mean "active"?) [keyplan/not-allowed]',
    ]);
  });
});

describe('npm run check', () => {
  /** Runs the CLI on a copy of a fixture, so its cache folder is not written into the fixture. */
  function cli(fixture: string, ...args: string[]) {
    const root = tempDir();
    cpSync(fixture, root, { recursive: true });
    const run = spawnSync(process.execPath, ['src/cli/check.ts', '--root', root, ...args], {
      cwd: REPO, encoding: 'utf8', env: { ...process.env, KEYPLAN_TODAY: TODAY },
    });
    return { status: run.status, stdout: run.stdout.split('\n').filter(Boolean), stderr: run.stderr };
  }

  it('prints every problem in every file and exits 1', () => {
    const fixture = join(INVALID, 'many-files-many-mistakes');
    const run = cli(fixture);
    expect(run.stdout).toEqual(expectedLines(fixture));
    expect(run.stderr).toMatch(/3 plans, 2 people checked in \d+ ms \(today is 2026-11-25\): 6 errors in 4 files, 1 warning/);
    expect(run.status).toBe(1);
  }, 60_000);

  it('exits 0 and prints nothing on stdout for valid content', () => {
    const run = cli(join(VALID, 'small-portfolio'));
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toMatch(/: 0 errors, 0 warnings/);
    expect(run.status).toBe(0);
  }, 60_000);

  it('exits 0 when there are only warnings', () => {
    const run = cli(join(INVALID, 'warn-review-overdue'));
    expect(run.stdout).toEqual(expectedLines(join(INVALID, 'warn-review-overdue')));
    expect(run.status).toBe(0);
  }, 60_000);

  it('--format github prints one annotation per problem', () => {
    const run = cli(join(INVALID, 'many-files-many-mistakes'), '--format', 'github');
    expect(run.stdout).toHaveLength(7);
    for (const line of run.stdout) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=keyplan\/[a-z-]+::\S/);
    expect(run.stdout).toContain('::error file=content/plans/acme.mdx,line=4,col=9,title=keyplan/not-allowed::status: '
      + '"activ" is not allowed; use one of draft, active, under-review, suspended, discontinued (did you mean "active"?)');
    expect(run.stdout).toContain('::warning file=content/plans/initech.mdx,line=12,col=9,title=keyplan/review-overdue::review.next: '
      + 'review overdue: the planning meeting was due on 2026-10-10; hold it and set review.next to the next date');
    expect(run.status).toBe(1);
  }, 60_000);
});
