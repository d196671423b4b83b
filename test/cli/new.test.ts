/** `npm run new`: a plan that passes the checker, and never a lost file. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';

const REPO = join(import.meta.dirname, '../..');
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'keyplan-new-'));
  mkdirSync(join(root, 'content/plans'), { recursive: true });
  cpSync(join(REPO, 'content/people'), join(root, 'content/people'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [join(REPO, 'src/cli/new.ts'), ...args, '--root', root],
  { encoding: 'utf8', env: { ...process.env, KEYPLAN_TODAY: '2026-11-25' } });

describe('npm run new', () => {
  it('writes a draft plan with every section stubbed that passes the checker', () => {
    const result = run('acme-bank', '--account', 'Acme "Bank" & Co', '--owner', 'priya-raman', '--tier', 'strategic');
    expect(result.stdout).toContain('wrote content/plans/acme-bank.mdx');
    expect(result.status).toBe(0);
    const check = checkContent({ root, today: '2026-11-25' });
    expect(check.issues).toEqual([]);
    const plan = check.plans.find((p) => p.id === 'acme-bank')!.data!;
    expect(plan).toMatchObject({ account: 'Acme "Bank" & Co', status: 'draft', tier: 'strategic', owner: 'priya-raman',
      period: { start: '2026-11-25', end: '2029-11-25' }, review: { cadence: 'quarterly', next: '2027-02-25' } });
    for (const section of ['goals', 'stakeholders', 'scorecard', 'risks', 'actions', 'opportunities', 'competitors', 'changes', 'swot', 'team', 'profile']) {
      expect(plan, section).toHaveProperty(section);
    }
    const text = readFileSync(join(root, 'content/plans/acme-bank.mdx'), 'utf8');
    expect(text).toContain('# selection:');
    expect(text).toContain('## Where we stand');
    // Two components in use, checked like the rest.
    expect(check.plans.find((p) => p.id === 'acme-bank')!.outline!.components.map((c) => [c.name, c.props])).toEqual([
      ['Goal', { id: 'first-goal' }], ['Actions', { goal: 'first-goal' }]]);
  });

  it('warns when the plan is made active with the template summary still in it', () => {
    expect(run('acme-bank', '--account', 'Acme Bank', '--owner', 'priya-raman').status).toBe(0);
    const file = join(root, 'content/plans/acme-bank.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: draft/m, 'status: active'));
    const check = checkContent({ root, today: '2026-11-25' });
    expect(check.issues.map((i) => `${i.severity} ${i.field}: ${i.message.split(':')[0]}`)).toContain('warning summary: placeholder summary');
  });

  it('refuses to overwrite an existing plan, and leaves it as it was', () => {
    writeFileSync(join(root, 'content/plans/acme-bank.mdx'), 'my work');
    const result = run('acme-bank', '--account', 'Acme', '--owner', 'priya-raman');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('content/plans/acme-bank.mdx already exists; nothing was written. Choose another id or edit that file.');
    expect(readFileSync(join(root, 'content/plans/acme-bank.mdx'), 'utf8')).toBe('my work');
  });

  it('refuses an invalid id, suggesting a valid one, and an unknown owner', () => {
    const bad = run('Acme Bank!', '--account', 'Acme', '--owner', 'priya-raman');
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('"Acme Bank!" is not a valid plan id: use lower-case letters, digits and single hyphens, e.g. "acme-bank"');
    const owner = run('acme', '--account', 'Acme', '--owner', 'priya-rama');
    expect(owner.status).toBe(1);
    expect(owner.stderr.trim()).toBe('unknown person "priya-rama" (did you mean "priya-raman"?)');
    expect(existsSync(join(root, 'content/plans/acme.mdx'))).toBe(false);
  });

  it('explains its usage when arguments are missing', () => {
    const result = run('acme');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run new -- <plan-id> --account "Client name" --owner <person-id>');
  });
});
