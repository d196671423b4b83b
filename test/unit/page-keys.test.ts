/**
 * The page keys of a dev refresh: a plan's key follows its file, its body and
 * its history, and the cache behind them holds the plans of the current
 * content only, however many saves came before.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheSizes } from '../../src/cache/content-cache.ts';
import { resolveSiteConfig } from '../../src/config/site.ts';
import { decideVisibility } from '../../src/model/visibility.ts';
import { pageKeys, type PageKeyInput } from '../../src/snapshot/page-keys.ts';
import { checkContent } from '../../src/validate/check.ts';

const REPO = join(import.meta.dirname, '../..');
const TODAY = '2026-11-25';
const config = resolveSiteConfig({}, { KEYPLAN_TODAY: TODAY, KEYPLAN_CHROMIUM: 'none' }, { dev: true, root: REPO });
const result = checkContent({ root: REPO, today: TODAY });
const visibility = decideVisibility(result.plans, config);
// Bodies by page: a public plan's one page, a restricted plan's page in each of its areas.
const page = (id: string) => visibility.views.find((v) => v.plans.includes(id))!.homes.get(id)!;
const bodies = new Map(result.plans.filter((p) => visibility.shown.includes(p.id)).map((p) => [page(p.id), [`<p>${p.id}</p>`]]));
const input = (changes: Partial<PageKeyInput> = {}): PageKeyInput =>
  ({ config, result, history: new Map(), bodies, diagramsOf: new Map(), visibility, ...changes });

describe('page keys over dev saves', () => {
  const [first, second] = result.plans;

  it('hash what a plan page is made from: file, history, body and diagrams', () => {
    const { own } = pageKeys(input({ diagramsOf: new Map([[first.id, ['a.svg']]]) }));
    const expected = createHash('sha256')
      .update(`${first.source.file}:${first.source.hash}\nnull\nplans/${first.id}/\n["<p>${first.id}</p>"]\n\na.svg\n`).digest('hex');
    expect(own.get(first.id)).toBe(expected);
  });

  it('change for the plan whose body or history changed, and only for it', () => {
    const before = pageKeys(input()).own;
    const edited = pageKeys(input({ bodies: new Map([...bodies, [page(first.id), ['<p>Edited.</p>']]]) })).own;
    expect(edited.get(first.id)).not.toBe(before.get(first.id));
    expect(edited.get(second.id)).toBe(before.get(second.id));
    const reviewed = pageKeys(input({ history: new Map([[second.id, { digest: { unavailable: 'no git' } }]]) })).own;
    expect(reviewed.get(second.id)).not.toBe(before.get(second.id));
    expect(pageKeys(input()).own).toEqual(before);
  });

  it('are kept for the current plans only', () => {
    for (let save = 0; save < 20; save++) pageKeys(input({ bodies: new Map([...bodies, [page(first.id), [`<p>Save ${save}</p>`]]]) }));
    expect(cacheSizes()['page keys']).toBe(result.plans.length);
    pageKeys(input({ result: { ...result, plans: result.plans.slice(1) } }));
    expect(cacheSizes()['page keys']).toBe(result.plans.length - 1);
  });
});
