/**
 * The content collections exist for editors only. Pages read the checked
 * content from the integration (src/snapshot/); Astro's store would hold
 * every plan a second time and serialise all of it on every edit. What the
 * editor needs is each collection's schema (Astro writes it to
 * `.astro/collections/<name>.schema.json`) and which file belongs to which
 * collection (`.astro/collections/collections.json`, with
 * `experimental.contentIntellisense`): so an entry here is a file path only.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { snapshot } from '../snapshot/current.ts';

export type FilesKind = 'plans' | 'people';

export const filesLoaderName = (kind: FilesKind) => `keyplan-files-${kind}`;

export function filesLoader(kind: FilesKind): Loader {
  return {
    name: filesLoaderName(kind),
    load: async ({ store }: LoaderContext) => {
      const { result } = snapshot();
      const files = kind === 'plans' ? result.plans : result.people;
      const keep = new Set<string>();
      for (const { id, source } of files) {
        keep.add(id);
        if (store.get(id)?.filePath !== source.file) store.set({ id, data: {}, filePath: source.file, digest: source.file });
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    },
  };
}
