/**
 * Content-collection loaders for plans and people. They store what the
 * integration's check already parsed and validated: nothing is parsed or
 * checked twice, and a file that failed the check is left out (in dev, the
 * log says why; a build stops before it gets here).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CheckResult } from '../src/validate/check.ts';
import { getContentState } from './state.ts';

type Kind = 'plans' | 'people';

export function keyplanLoader(kind: Kind): Loader {
  return {
    name: `keyplan-${kind}`,
    load: async (context: LoaderContext) => {
      const state = getContentState();
      sync(kind, state.result, context);
      context.watcher?.on('all', (_event, path) => {
        if (!path.replaceAll('\\', '/').includes(`/content/${kind}/`)) return;
        sync(kind, state.refresh(), context);
      });
    },
  };
}

function sync(kind: Kind, result: CheckResult, { store }: LoaderContext): void {
  const entries = kind === 'plans' ? result.plans : result.people;
  const keep = new Set<string>();
  for (const entry of entries) {
    if (!entry.data) continue;
    keep.add(entry.id);
    if (store.get(entry.id)?.digest === entry.source.hash) continue;
    store.set({
      id: entry.id,
      data: entry.data as Record<string, unknown>,
      filePath: entry.source.file,
      digest: entry.source.hash,
      // Plans are MDX: Astro compiles the body when a page renders it.
      ...(kind === 'plans' ? { deferredRender: true } : {}),
    });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}
