/**
 * Content-collection loaders for plans and people. They store what the
 * integration's check already parsed and validated: nothing is parsed or
 * checked twice, and a file that failed the check is left out (in dev, the
 * log says why; a build stops before it gets here).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CheckResult } from '../src/validate/check.ts';
import { getContentState } from './state.ts';

/** Plans, people, and the outlines (headings and links) of plan bodies. */
type Kind = 'plans' | 'people' | 'outlines';

export function keyplanLoader(kind: Kind): Loader {
  return {
    name: `keyplan-${kind}`,
    load: async (context: LoaderContext) => {
      const state = getContentState();
      sync(kind, state.result, context);
      context.watcher?.on('all', (_event, path) => {
        if (!path.replaceAll('\\', '/').includes(`/content/${kind === 'people' ? 'people' : 'plans'}/`)) return;
        sync(kind, state.refresh(), context);
      });
    },
  };
}

function sync(kind: Kind, result: CheckResult, { store }: LoaderContext): void {
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
      // Plans are MDX: Astro compiles the body when a page renders it.
      ...(kind === 'outlines' ? {} : { filePath: entry.source.file }),
      ...(kind === 'plans' ? { deferredRender: true } : {}),
    });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}
