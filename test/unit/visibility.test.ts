/** Who may read a plan: `audience` and `confidential` as the checker reads them, and the one visibility decision. */
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/validate/check.ts';
import { formatIssue } from '../../src/validate/issue.ts';
import { loadFile } from '../../src/validate/load.ts';
import { decideVisibility } from '../../src/model/visibility.ts';

const header = (account: string, status: string) => [
  `account: ${account}`,
  `summary: The ${account} plan`,
  `status: ${status}`,
  'tier: key',
  'owner: ana-silva',
  'period: { start: 2026-01-01, end: 2027-12-31 }',
  'review: { cadence: quarterly, next: 2027-01-15 }',
];
const plan = (id: string, ...extra: string[]) => {
  const status = extra.find((line) => line.startsWith('status: '))?.slice(8) ?? 'active';
  const lines = [...header(id.toUpperCase(), status), ...extra.filter((line) => !line.startsWith('status: '))];
  return loadFile(`content/plans/${id}.mdx`, 'plan', ['---', ...lines, '---', ''].join('\n'));
};
const person = loadFile('content/people/ana-silva.yaml', 'person', 'name: Ana Silva\ntitle: Director\n');
const check = (...plans: ReturnType<typeof plan>[]) => checkFiles([...plans, person], { today: '2026-11-25' });
const messages = (...plans: ReturnType<typeof plan>[]) => check(...plans).issues.map(formatIssue);
const options = { showDrafts: false, excludeConfidential: false };

describe('audience', () => {
  it('takes kebab-case group ids, at least one, and says how to fix anything else', () => {
    expect(messages(plan('acme', 'audience: [leadership, key-accounts]'))).toEqual([]);
    expect(messages(plan('acme', 'audience: [Leadership]'))).toEqual([
      'content/plans/acme.mdx:9:12 error audience[0]: "Leadership" is not a valid group id: use lower-case letters, digits and single hyphens (e.g. "leadership") [keyplan/invalid-value]',
    ]);
    expect(messages(plan('acme', 'audience: []'))).toEqual([
      'content/plans/acme.mdx:9:1 error audience: lists no group; name at least one (e.g. [leadership]) or remove "audience" [keyplan/out-of-range]',
    ]);
    expect(messages(plan('acme', 'audience: leadership'))).toEqual([
      'content/plans/acme.mdx:9:11 error audience: expected a list, got text "leadership" [keyplan/wrong-type]',
    ]);
  });

  it('reads confidential: true as audience: [confidential], added to any audience beside it', () => {
    const [secret, both, open] = check(plan('secret', 'confidential: true'), plan('both', 'confidential: true', 'audience: [leadership]'),
      plan('open')).plans;
    expect(secret.data).toMatchObject({ confidential: true, audience: ['confidential'] });
    expect(both.data).toMatchObject({ confidential: true, audience: ['leadership', 'confidential'] });
    expect(open.data).toMatchObject({ confidential: false });
    expect(open.data?.audience).toBeUndefined();
  });

  it('lets a public plan depend on, or report to, a restricted one', () => {
    expect(messages(
      plan('holding', 'audience: [leadership]', 'goals:', '  - { id: merge, title: Merge the units, perspective: financial, due: 2027-06-30, status: on-track, owner: ana-silva }'),
      plan('unit', 'parent: holding', 'related: [holding]',
        'goals:', '  - { id: grow, title: Grow, perspective: financial, due: 2027-09-30, status: on-track, owner: ana-silva, dependsOn: ["holding#merge"] }'),
    )).toEqual([]);
  });
});

describe('decideVisibility', () => {
  const plans = check(
    plan('open'),
    plan('board', 'audience: [leadership, finance]'),
    plan('secret', 'confidential: true'),
    plan('budget', 'audience: [finance]'),
    plan('sketch', 'status: draft', 'audience: [leadership]'),
  ).plans;

  it('names the groups of each restricted plan and one area per group with its plans', () => {
    const v = decideVisibility(plans, options);
    expect([...v.open]).toEqual(['open']);
    expect([...v.exported]).toEqual(['open']);
    expect(v.shown).toEqual(['open', 'board', 'secret', 'budget']);
    expect(Object.fromEntries(v.restricted)).toEqual({ board: ['leadership', 'finance'], secret: ['confidential'], budget: ['finance'] });
    expect(Object.fromEntries(v.areas)).toEqual({ leadership: ['board'], finance: ['board', 'budget'], confidential: ['secret'] });
  });

  it('gives each reader a view: the public site of open plans, and each area its own plans with links to public ones', () => {
    const [open, leadership, finance, confidential] = decideVisibility(plans, options).views;
    expect(open).toMatchObject({ area: undefined, prefix: '', plans: ['open'] });
    expect([...open.restricted].sort()).toEqual(['board', 'budget', 'secret']);
    expect(Object.fromEntries(open.homes)).toEqual({ open: 'plans/open/' });
    expect(leadership).toMatchObject({ area: 'leadership', prefix: 'restricted/leadership/', plans: ['board'] });
    // The area's pages show its own plans and link to public ones; the finance-only plan is not the leadership's to read.
    expect([...leadership.readable].sort()).toEqual(['board', 'open']);
    expect(Object.fromEntries(leadership.homes)).toEqual({ open: 'plans/open/', board: 'restricted/leadership/plans/board/' });
    expect([...leadership.restricted].sort()).toEqual(['budget', 'secret']);
    // A plan in two groups has a page in each area.
    expect(finance.homes.get('board')).toBe('restricted/finance/plans/board/');
    expect([...finance.exported]).toEqual(['board', 'budget']);
    expect(confidential.plans).toEqual(['secret']);
  });

  it('puts a draft in its areas in dev only', () => {
    expect(decideVisibility(plans, options).areas.get('leadership')).toEqual(['board']);
    expect(decideVisibility(plans, { ...options, showDrafts: true }).areas.get('leadership')).toEqual(['board', 'sketch']);
  });

  it('leaves every restricted plan out, with no area, when confidential plans are excluded', () => {
    const v = decideVisibility(plans, { ...options, excludeConfidential: true });
    expect(v.shown).toEqual(['open']);
    expect([...v.hidden].sort()).toEqual(['board', 'budget', 'secret', 'sketch']);
    expect(v.restricted.size).toBe(0);
    expect(v.areas.size).toBe(0);
    expect(v.views.map((view) => view.prefix)).toEqual(['']);
    expect(v.views[0].restricted.size).toBe(0);
  });
});
