/**
 * /attention/ in the built sample: every kind of warning `npm run check` gives
 * about the published, non-confidential plans is listed, one row per warned
 * item, each row linking to an element that exists; and the dashboard's
 * counts are the lengths of those lists.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTENTION_KINDS, ATTENTION_ORDER, type AttentionKind } from '../../src/model/attention.ts';
import { checkContent } from '../../src/validate/check.ts';
import { buildSite, readPage, REPO, text, TODAY, type BuildResult } from './build-site.ts';

const outDir = join(REPO, 'test/.tmp/site-attention');
let build: BuildResult;

/** The checker's warnings by the words they start with (rule ids are coming with issue 20). */
const KIND_OF: [RegExp, AttentionKind][] = [
  [/^review overdue:/, 'review-overdue'], [/^overdue goal:/, 'goal-overdue'], [/^overdue action:/, 'action-overdue'],
  [/^contact overdue:/, 'contact-overdue'], [/influence (skeptic|blocker) with no owner/, 'opponent-unowned'],
  [/is allocated .* in total across plans/, 'over-allocated'], [/^stale actual:/, 'stale-actual'],
  [/^history (out of date order|after asOf):/, 'history-dates'], [/^horizon ".*" contradicts the dates/, 'horizon-contradiction'],
  [/before ".*" that it depends on/, 'due-before-dependency'],
];

const content = checkContent({ root: REPO, today: TODAY });
const listed = new Set(content.plans.filter((p) => p.data && p.data.status !== 'draft' && !p.data.confidential).map((p) => p.source.file));
/** Per kind, the distinct things warned about: a plan's item (file and item path) or a person. */
const warned = new Map<AttentionKind, Set<string>>();
for (const issue of content.issues.filter((i) => i.severity === 'warning')) {
  const kind = KIND_OF.find(([re]) => re.test(issue.message))?.[1];
  if (!kind) throw new Error(`a warning /attention/ does not know: ${issue.message}`);
  const person = kind === 'over-allocated' ? issue.message.split(' ')[0] : undefined;
  if (!person && !listed.has(issue.file)) continue;
  const item = person ?? `${issue.file} ${/^[a-z]+(\[\d+\])?/i.exec(issue.field)?.[0]}`;
  warned.set(kind, (warned.get(kind) ?? new Set()).add(item));
}

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  build = buildSite({ outDir });
}, 300_000);

describe('/attention/', () => {
  const page = () => readPage(outDir, 'attention');
  const rows = (kind: AttentionKind) => page().querySelectorAll(`#${ATTENTION_KINDS[kind].section} tbody tr`);

  it('builds', () => expect(build.status, build.output).toBe(0));

  it('lists every kind of warning the checker gives about the sample, one row per warned item', () => {
    expect(warned.size, 'the sample has warnings of several kinds').toBeGreaterThanOrEqual(6);
    for (const kind of ATTENTION_ORDER.filter((k) => k !== 'coverage-gap')) {
      expect(rows(kind).length, kind).toBe(warned.get(kind)?.size ?? 0);
    }
    expect(rows('goal-overdue').map((r) => text(r.querySelector('th')))).toEqual([
      'Run all production orders in Ulm through the MES', 'Name a practice lead for every subsidiary relationship']);
  });

  it('links every row to an element that exists on the page it names', () => {
    const links = page().querySelectorAll('main table a[href*="#"], main table a[href^="/people/"]').map((a) => a.getAttribute('href')!);
    expect(links.length).toBeGreaterThan(20);
    for (const href of links) {
      const [path, anchor] = href.split('#');
      const file = join(outDir, path, 'index.html');
      expect(existsSync(file), href).toBe(true);
      if (anchor) expect(readPage(outDir, path).getElementById(anchor), href).not.toBeNull();
    }
  });

  it('groups the same rows by owner', () => {
    const byKind = ATTENTION_ORDER.reduce((n, k) => n + rows(k).length, 0);
    expect(page().querySelectorAll('#by-owner tbody tr').length).toBe(byKind);
    expect(text(page().querySelector('#by-owner'))).toContain('Jonas Keller');
  });

  it('leaves confidential plans out', () => {
    expect(page().toString()).not.toContain('project-juniper');
    expect(text(page())).not.toContain('Inventory of all transitional services');
  });

  it('has the counts the dashboard shows', () => {
    const dashboard = readPage(outDir, '').querySelector('.dashboard')!;
    for (const kind of ATTENTION_ORDER) {
      const href = `/attention/#${ATTENTION_KINDS[kind].section}`;
      const link = dashboard.querySelectorAll('a').find((a) => a.getAttribute('href') === href);
      const shown = link ? Number(text(link.querySelector('strong'))) : 0;
      expect(shown, kind).toBe(rows(kind).length);
    }
  });
});
