/** The snapshot and a plan page's data, from checked content and options: no build, no Astro. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config/site.ts';
import { checkContent, checkFiles } from '../../src/validate/check.ts';
import { loadContent, loadFile } from '../../src/validate/load.ts';
import { buildSnapshot, indexedPaths, prepare, type Rendered } from '../../src/snapshot/snapshot.ts';
import { planPageData } from '../../src/snapshot/plan-page.ts';
import { devProblems } from '../../src/snapshot/dev-problems.ts';
import { PLAN_SECTIONS } from '../../src/site/plan-sections.ts';

const REPO = join(import.meta.dirname, '../..');
const TODAY = '2026-11-25';
const nothingRendered: Rendered = { diagrams: new Map(), diagramsOf: new Map(), bodies: new Map(), history: new Map(), changes: new Map(), issues: [] };

function snapshotOf(options: { dev?: boolean; excludeConfidential?: boolean; sourceUrl?: string } = {}) {
  const config = resolveSiteConfig({ sourceUrl: options.sourceUrl, excludeConfidential: options.excludeConfidential },
    { KEYPLAN_TODAY: TODAY }, { dev: options.dev ?? false, root: REPO });
  return buildSnapshot(prepare(config, checkContent({ root: REPO, today: TODAY })), nothingRendered);
}

describe('the snapshot of the sample', () => {
  const production = snapshotOf();

  it('decides once which plans are shown, indexed and exported, and every part follows it', () => {
    const { visibility, portfolio, links } = production;
    const draft = production.result.plans.find((p) => p.data?.status === 'draft')!;
    const secret = production.result.plans.find((p) => p.data?.confidential)!;
    expect(visibility.hidden.has(draft.id)).toBe(true);
    expect(portfolio.plan.has(draft.id)).toBe(false);
    expect(links.hidden.has(draft.id)).toBe(true);
    expect(visibility.shown).toContain(secret.id);
    expect(visibility.open.has(secret.id)).toBe(false);
    const indexed = indexedPaths(production);
    expect(indexed.get('')).not.toContain(`/plans/${secret.id}/`);
    expect(indexed.get('')!.filter((path) => path.includes('restricted'))).toEqual([]);
    expect(indexed.get('restricted/confidential/')).toEqual(['/restricted/confidential/', '/restricted/confidential/plans/project-juniper/']);
    expect(portfolio.plans.map((p) => p.id)).toEqual([...visibility.open].sort((a, b) =>
      portfolio.plan.get(a)!.data.account.localeCompare(portfolio.plan.get(b)!.data.account, 'en')));
  });

  it('has a portfolio per restricted area, each with the plans of its group, and public links rendered for the public site', () => {
    const { areas, portfolio, links } = production;
    expect(Object.fromEntries([...areas].map(([group, p]) => [group, p.plans.map((x) => x.id)]))).toEqual({
      leadership: ['halvard-capital'], finance: ['halvard-capital'], confidential: ['project-juniper'],
    });
    expect(portfolio.plan.has('halvard-capital')).toBe(false);
    expect(links.restricted).toEqual(new Set(['halvard-capital', 'project-juniper']));
    expect(areas.get('finance')!.plan.get('halvard-capital')!.home).toBe('restricted/finance/plans/halvard-capital/');
    // Each area's plans link to the public plans, where they are.
    expect(areas.get('finance')!.plan.get('castellan-asset')!.home).toBe('plans/castellan-asset/');
    expect(areas.get('finance')!.plan.get('castellan-asset')!.goals.find((g) => g.id === 'reporting-managed-service')!.dependencies)
      .toContainEqual({ plan: 'halvard-capital', item: 'rate-card-2027', label: 'Agree the 2027 rate card with a margin of at least 18%' });
  });

  it('shows drafts in dev, and leaves confidential plans out entirely when asked', () => {
    const draft = production.result.plans.find((p) => p.data?.status === 'draft')!;
    expect(snapshotOf({ dev: true }).portfolio.plan.has(draft.id)).toBe(true);
    const excluded = snapshotOf({ excludeConfidential: true });
    const secret = production.result.plans.find((p) => p.data?.confidential)!;
    expect(excluded.visibility.hidden.has(secret.id)).toBe(true);
    expect(excluded.links.hidden.has(secret.id)).toBe(true);
    expect(excluded.areas.size).toBe(0);
  });

  it('is frozen: a dev refresh builds a new one instead of changing this one', () => {
    expect(Object.isFrozen(production)).toBe(true);
    expect(() => { (production as { version: number }).version = 0; }).toThrow();
  });
});

describe('planPageData', () => {
  const snapshot = snapshotOf({ sourceUrl: 'https://git.example/plans/{path}' });

  it('gives the sections the plan has, in registry order, titled the same in the contents and the page', () => {
    const page = planPageData(snapshot, snapshot.portfolio, 'aldermoor-bank')!;
    const order = PLAN_SECTIONS.map((s) => s.id);
    expect(page.sections.map((s) => s.id)).toEqual(order.filter((id) => page.sections.some((s) => s.id === id)));
    expect(page.sections.find((s) => s.id === 'selection')?.title).toBe('Key-account selection');
    expect(page.sections.every((s) => s.anchor === `section_${s.id}`)).toBe(true);
    // The meeting pack: what changed, then the open actions, then goals to risks; the narrative stays on the site.
    expect(page.sections.filter((s) => s.print === 1 || s.print === 2).map((s) => s.id)).toEqual(['glance', 'digest', 'actions']);
    expect(page.sections.find((s) => s.id === 'narrative')?.print).toBe(false);
  });

  it('leaves out a section the plan has nothing for', () => {
    const page = planPageData(snapshot, snapshot.portfolio, 'aldermoor-bank')!;
    const plan = page.plan;
    for (const section of PLAN_SECTIONS) {
      expect(page.sections.some((s) => s.id === section.id)).toBe(section.present(plan));
    }
  });

  it('links the source file with the sourceUrl option; a restricted plan has its page in its areas only', () => {
    const page = planPageData(snapshot, snapshot.portfolio, 'aldermoor-bank')!;
    expect(page.file).toBe('content/plans/aldermoor-bank.mdx');
    expect(page.sourceHref).toBe('https://git.example/plans/content/plans/aldermoor-bank.mdx');
    const secret = snapshot.result.plans.find((p) => p.id === 'project-juniper')!;
    expect(planPageData(snapshot, snapshot.portfolio, secret.id)).toBeUndefined();
    const area = snapshot.areas.get('confidential')!;
    expect(planPageData(snapshot, area, secret.id)).toMatchObject({ audience: ['confidential'], file: `content/plans/${secret.id}.mdx` });
    // The area's portfolio holds the public plans its pages link to, but their pages are public.
    expect(planPageData(snapshot, area, 'aldermoor-bank')).toBeUndefined();
    expect(planPageData(snapshot, snapshot.portfolio, 'no-such-plan')).toBeUndefined();
  });
});

describe('a plan with an error in dev', () => {
  it('is left out, and the banner says so for its file', () => {
    const files = loadContent(REPO).map((f) => (f.file === 'content/plans/aldermoor-bank.mdx'
      ? loadFile(f.file, 'plan', f.yaml.length ? `---\n${f.yaml.replace(/^owner: .*$/m, 'owner: nobody-here')}\n---\n${f.body}` : '') : f));
    const result = checkFiles(files, { today: TODAY });
    const config = resolveSiteConfig({}, { KEYPLAN_TODAY: TODAY }, { dev: true, root: REPO });
    const snapshot = buildSnapshot(prepare(config, result), nothingRendered);
    expect(snapshot.portfolio.plan.has('aldermoor-bank')).toBe(false);
    const banner = devProblems(snapshot);
    expect(banner.files).toEqual([expect.objectContaining({ file: 'content/plans/aldermoor-bank.mdx', leftOut: true })]);
    expect(banner.files[0].lines[0]).toMatch(/^content\/plans\/aldermoor-bank\.mdx:\d+:\d+ error owner: unknown person "nobody-here"/);
  });
});
