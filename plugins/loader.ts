/**
 * Content-collection loaders. They store what the integration's check already
 * parsed, validated and rendered: nothing is parsed or checked twice, and a
 * file that failed the check is left out (in dev, the log and a banner say why;
 * a build stops before it gets here). In dev the integration watches content/,
 * checks again and asks Astro to run these loaders again.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CheckResult } from '../src/validate/check.ts';
import { getContentState, type ContentState } from './state.ts';
import { sourceKey } from './diagrams/key.ts';
import type { PlanHistory } from '../src/history/since-review.ts';

/** Plans, people, the outlines (headings and links) of plan bodies, rendered diagrams, and plan history. */
export const LOADER_KINDS = ['plans', 'people', 'outlines', 'diagrams', 'history'] as const;
type Kind = (typeof LOADER_KINDS)[number];

export const loaderName = (kind: Kind) => `keyplan-${kind}`;

export function keyplanLoader(kind: Kind): Loader {
  return {
    name: loaderName(kind),
    load: async (context: LoaderContext) => {
      const state = getContentState();
      if (kind === 'diagrams') syncDiagrams(state.diagrams, context);
      else if (kind === 'history') syncHistory(state.history, context);
      else if (kind === 'plans') await syncPlans(state, context);
      else sync(kind, state.result, context);
    },
  };
}

/** Where each rendered diagram is, by source key: a page finds a diagram by hashing its source. */
function syncDiagrams(diagrams: ReadonlyMap<string, string>, { store }: LoaderContext): void {
  const keep = new Set<string>();
  for (const [source, file] of diagrams) {
    const id = sourceKey(source);
    keep.add(id);
    if (store.get(id)?.data.file !== file) store.set({ id, data: { file } });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}

/** Each plan's digest since its last review and when it last changed, by plan id. */
function syncHistory(history: ReadonlyMap<string, PlanHistory>, { store }: LoaderContext): void {
  store.clear();
  for (const [id, entry] of history) store.set({ id, data: entry as unknown as Record<string, unknown> });
}

/**
 * Plans with their bodies rendered to HTML (see plugins/body.ts). The digest is
 * the body's render key: an entry whose key is unchanged is kept as stored.
 */
async function syncPlans(state: ContentState, { store }: LoaderContext): Promise<void> {
  const keep = new Set<string>();
  const inputs = state.bodyInputs();
  for (const entry of state.result.plans) {
    if (!entry.data) continue;
    keep.add(entry.id);
    const key = state.bodies.key(entry, inputs);
    if (store.get(entry.id)?.digest === key) continue;
    const body = await state.bodies.render(entry, inputs);
    store.set({
      id: entry.id,
      data: entry.data as unknown as Record<string, unknown>,
      digest: key,
      filePath: entry.source.file,
      rendered: { html: body.html, metadata: { headings: body.headings } },
    });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}

function sync(kind: 'people' | 'outlines', result: CheckResult, { store }: LoaderContext): void {
  const entries = kind === 'people' ? result.people : result.plans;
  const keep = new Set<string>();
  for (const entry of entries) {
    const data = kind === 'outlines' ? (entry as CheckResult['plans'][number]).outline : entry.data;
    if (!data || !entry.data) continue;
    keep.add(entry.id);
    if (store.get(entry.id)?.digest === entry.source.hash) continue;
    store.set({
      id: entry.id,
      data: data as unknown as Record<string, unknown>,
      digest: entry.source.hash,
      ...(kind === 'people' ? { filePath: entry.source.file } : {}),
    });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}
