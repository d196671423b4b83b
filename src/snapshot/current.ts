/**
 * The one accessor of the current snapshot. The integration (loaded by Node)
 * builds snapshots and the pages (loaded through Vite, as other module
 * instances) read them, so the reference lives on globalThis, here and
 * nowhere else. A dev refresh swaps it; nothing else is ever written.
 */
import type { Snapshot } from './snapshot.ts';

const KEY = Symbol.for('keyplan.snapshot');
type Holder = { [KEY]?: Snapshot };

export function setSnapshot(snapshot: Snapshot): void {
  (globalThis as Holder)[KEY] = snapshot;
}

export function snapshot(): Snapshot {
  const current = (globalThis as Holder)[KEY];
  if (!current) {
    throw new Error('Keyplan content is not loaded: add keyplan() to the integrations in astro.config.mjs');
  }
  return current;
}

/** Where a build hands the pages it renders for the search index (plugins/search/). */
export interface PageSink {
  /** `path` is from the site root, without the base path. */
  add(path: string, html: string): void;
  /** The site's base path, `/` or `/sub/`. */
  readonly base: string;
}

const SINK = Symbol.for('keyplan.page-sink');
type SinkHolder = { [SINK]?: PageSink };

/** Set for the length of a build; undefined outside one (dev), where pages pass through untouched. */
export function setPageSink(sink: PageSink | undefined): void {
  (globalThis as SinkHolder)[SINK] = sink;
}

export function pageSink(): PageSink | undefined {
  return (globalThis as SinkHolder)[SINK];
}
