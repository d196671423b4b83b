/**
 * Digests since the last review and `npm run diff`, from a real git
 * repository with two commits of a plan; and what happens without history.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestLines } from '../../src/history/digest.ts';
import { plansHistory } from '../../src/history/since-review.ts';
import { planSchema } from '../../src/schema/plan.ts';
import { loadFile } from '../../src/validate/load.ts';

const REPO = join(import.meta.dirname, '../..');
const TODAY = '2026-11-25';
const PERSPECTIVES = ['financial', 'client', 'sales', 'people', 'management'];

/** The plan as it stood at its September review. */
const september = `---
account: Acme Bank
summary: The plan as it stood at the September review.
status: active
tier: key
owner: jane-doe
period: { start: 2026-01-01, end: 2027-12-31 }
review: { cadence: quarterly, last: 2026-09-15, next: 2026-12-15 }
goals:
  - { id: grow, title: Grow online sales, due: 2026-12-31, owner: jane-doe, status: on-track }
  - { id: retire-fax, title: Retire the fax line, due: 2026-10-31, owner: jane-doe, status: not-started }
stakeholders:
  - { id: cfo, name: Carla Diaz, title: CFO, role: approver, influence: high, stance: skeptic, owner: jane-doe }
scorecard:
  - { id: nps, perspective: client, measure: Net promoter score, target: 40, actual: 31 }
risks:
  - { id: budget-cut, title: Budget cut in 2027, likelihood: 3, impact: 4, mitigation: Show payback, owner: jane-doe, status: open }
actions:
  - { id: kickoff, title: Kick-off workshop, owner: jane-doe, due: 2026-10-01, status: in-progress }
  - { id: report, title: Quarterly value report, owner: jane-doe, due: 2026-11-20, status: planned }
---

Body.
`;

/** The plan now: one goal at risk, one gone, one new; NPS up; the risk re-scored; the CFO won over. */
const november = september
  .replace('summary: The plan as it stood at the September review.', 'summary: The plan today.')
  .replace('status: on-track }', 'status: at-risk }')
  .replace('  - { id: retire-fax, title: Retire the fax line, due: 2026-10-31, owner: jane-doe, status: not-started }\n',
    '  - { id: open-api, title: Open the payments API, due: 2027-06-30, owner: raj-patel, status: not-started }\n')
  .replace('stance: skeptic, owner: jane-doe', 'stance: supporter, owner: raj-patel')
  .replace('target: 40, actual: 31', 'target: 40, actual: 38')
  .replace('likelihood: 3, impact: 4', 'likelihood: 4, impact: 5')
  .replace('due: 2026-10-01, status: in-progress', 'due: 2026-10-01, status: done');

function gitIn(cwd: string, args: string[], date?: string): string {
  return execFileSync('git', args, {
    cwd, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'keyplan-history-'));
  mkdirSync(join(root, 'content/plans'), { recursive: true });
  mkdirSync(join(root, 'content/people'), { recursive: true });
  writeFileSync(join(root, 'content/people/jane-doe.yaml'), 'name: Jane Doe\ntitle: Account Director\n');
  writeFileSync(join(root, 'content/people/raj-patel.yaml'), 'name: Raj Patel\ntitle: Architect\n');
  gitIn(root, ['init', '-q', '-b', 'main']);
  writeFileSync(join(root, 'content/plans/acme.mdx'), september);
  gitIn(root, ['add', '.']);
  gitIn(root, ['commit', '-q', '-m', 'September'], '2026-09-10T12:00:00Z');
  writeFileSync(join(root, 'content/plans/acme.mdx'), november);
  gitIn(root, ['commit', '-q', '-am', 'November'], '2026-11-20T12:00:00Z');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const data = (text: string) => planSchema().parse(loadFile('content/plans/acme.mdx', 'plan', text).data);
const names = (id: string) => ({ 'jane-doe': 'Jane Doe', 'raj-patel': 'Raj Patel' })[id] ?? id;

describe('since the last review', () => {
  it('compares the plan now with the version committed on or before review.last', () => {
    const history = plansHistory(root, [{ id: 'acme', file: 'content/plans/acme.mdx', data: data(november) }], TODAY, PERSPECTIVES).get('acme')!;
    expect(history.lastChanged).toEqual({ date: '2026-11-20', uncommitted: false });
    if (!('digest' in history.digest)) throw new Error(history.digest.unavailable);
    expect(history.digest.since).toBe('2026-09-15');
    expect(history.digest.baseline?.date).toBe('2026-09-10');
    expect(digestLines(history.digest.digest, names)).toEqual([
      { section: 'Goals', lines: ['Added: Open the payments API', 'Removed: Retire the fax line', 'Grow online sales: on track → at risk'] },
      { section: 'Scorecard', lines: ['Net promoter score: 31 → 38'] },
      { section: 'Risks', lines: ['Re-scored: Budget cut in 2027: 12 → 20'] },
      { section: 'Stakeholders', lines: ['Carla Diaz: skeptic → supporter', 'Carla Diaz: owner Jane Doe → Raj Patel'] },
      { section: 'Actions', lines: ['Completed: Kick-off workshop', 'Now overdue: Quarterly value report (due 2026-11-20)'] },
    ]);
  });

  it('says so, and does not fail, in a folder without git', () => {
    const plain = mkdtempSync(join(tmpdir(), 'keyplan-nogit-'));
    const history = plansHistory(plain, [{ id: 'acme', file: 'content/plans/acme.mdx', data: data(november) }], TODAY, PERSPECTIVES).get('acme')!;
    expect(history.digest).toEqual({ since: '2026-09-15', unavailable: 'this folder is not a git repository, so there is no history to compare with' });
    rmSync(plain, { recursive: true, force: true });
  });

  it('says so, and does not fail, in a shallow clone without the commits it needs', () => {
    const shallow = mkdtempSync(join(tmpdir(), 'keyplan-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${root}`, shallow]);
    const history = plansHistory(shallow, [{ id: 'acme', file: 'content/plans/acme.mdx', data: data(november) }], TODAY, PERSPECTIVES).get('acme')!;
    expect(history.digest).toEqual({ since: '2026-09-15', unavailable: 'the history before 2026-09-15 is not in this clone (it is shallow); fetch it with git fetch --unshallow' });
    rmSync(shallow, { recursive: true, force: true });
  });
});

describe('npm run diff', () => {
  it('prints the changes between a ref and the working tree as Markdown, line by line', () => {
    // An uncommitted edit on top: the working tree is what is compared.
    writeFileSync(join(root, 'content/plans/acme.mdx'), november.replace('target: 40, actual: 38', 'target: 40, actual: 41'));
    const run = spawnSync(process.execPath, [join(REPO, 'src/cli/diff.ts'), 'HEAD~1', '--root', root], { encoding: 'utf8', env: { ...process.env, KEYPLAN_TODAY: TODAY } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '## Account plan changes since `HEAD~1`',
      '',
      '### Acme Bank',
      '',
      '`content/plans/acme.mdx`',
      '',
      '**Goals**',
      '',
      '- Added: Open the payments API',
      '- Removed: Retire the fax line',
      '- Grow online sales: on track → at risk',
      '',
      '**Scorecard**',
      '',
      '- Net promoter score: 31 → 41',
      '',
      '**Risks**',
      '',
      '- Re-scored: Budget cut in 2027: 12 → 20',
      '',
      '**Stakeholders**',
      '',
      '- Carla Diaz: skeptic → supporter',
      '- Carla Diaz: owner Jane Doe → Raj Patel',
      '',
      '**Actions**',
      '',
      '- Completed: Kick-off workshop',
      '- Now overdue: Quarterly value report (due 2026-11-20)',
      '',
    ]);
  });

  it('reports new and removed plans, and says when nothing changed', () => {
    gitIn(root, ['commit', '-q', '-am', 'Later'], '2026-11-22T12:00:00Z');
    const diff = (ref: string) => spawnSync(process.execPath, [join(REPO, 'src/cli/diff.ts'), ref, '--root', root], { encoding: 'utf8', env: { ...process.env, KEYPLAN_TODAY: TODAY } }).stdout;
    expect(diff('HEAD')).toBe('## Account plan changes since `HEAD`\n\nNo plan changed.\n');
    writeFileSync(join(root, 'content/plans/globex.mdx'), september.replace('account: Acme Bank', 'account: Globex'));
    rmSync(join(root, 'content/plans/acme.mdx'));
    const out = diff('HEAD');
    expect(out).toContain('### Removed: Acme Bank\n\n`content/plans/acme.mdx` was deleted.');
    expect(out).toContain('### New plan: Globex\n\n`content/plans/globex.mdx`\n\n**Goals**\n\n- Added: Grow online sales\n- Added: Retire the fax line');
  });
});
