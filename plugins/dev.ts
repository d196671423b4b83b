/**
 * `astro dev`: every save under content/ checks and renders again, builds a
 * new snapshot and swaps it in; then open pages reload. Saves are handled one
 * at a time (saves arriving while a refresh waits to start join it), and a
 * refresh that fails never stops the next one: its message is shown on every
 * page until a save fixes it.
 */
import type { AstroIntegrationLogger } from 'astro';
import { setSnapshot, snapshot } from '../src/snapshot/current.ts';
import { withFailure } from '../src/snapshot/snapshot.ts';
import type { ContentPipeline } from './content.ts';
import { report } from './log.ts';

interface DevServer {
  watcher: { on(event: 'all', listener: (event: string, path: string) => void): unknown };
  hot: { send(payload: { type: 'full-reload'; path: string }): void };
}

const CONTENT_FILE = /[\\/]content[\\/](plans|people)[\\/]/;

export function watchContent(server: DevServer, pipeline: ContentPipeline, logger: AstroIntegrationLogger,
  onFilesChanged: () => Promise<void>): void {
  // A refresh checks the whole tree, so saves that arrive while one waits to start are one refresh.
  let pending: { filesChanged: boolean } | undefined;
  let queue = Promise.resolve();
  server.watcher.on('all', (event, path) => {
    if (!CONTENT_FILE.test(path)) return;
    const filesChanged = event === 'add' || event === 'unlink';
    if (pending) {
      pending.filesChanged ||= filesChanged;
      return;
    }
    const next = (pending = { filesChanged });
    queue = queue.then(async () => {
      // An editor's save is often two events (the file emptied, then written): wait for the second.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      pending = undefined;
      await refresh(server, pipeline, logger, next.filesChanged ? onFilesChanged : undefined);
    });
  });
}

/** How long a refresh waits for more events of the same save. */
const SETTLE_MS = 30;

async function refresh(server: DevServer, pipeline: ContentPipeline, logger: AstroIntegrationLogger,
  onFilesChanged: (() => Promise<void>) | undefined): Promise<void> {
  const started = performance.now();
  try {
    const { result } = pipeline.check();
    const next = await pipeline.snapshot(result);
    setSnapshot(next);
    report(next.result, logger);
    logger.info(`checked and rendered again in ${Math.round(performance.now() - started)} ms`);
    // A file added or removed: the editor's map of files to schemas follows.
    await onFilesChanged?.();
  } catch (error) {
    const message = describe(error);
    logger.error(`the content could not be rendered again: ${message}`);
    setSnapshot(withFailure(snapshot(), message));
  }
  server.hot.send({ type: 'full-reload', path: '*' });
}

/** One line for a writer: a located message where the error has a position, never a stack. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const at = error as Error & { line?: number; column?: number; file?: string };
  const where = at.file ? `${at.file}${at.line ? `:${at.line}${at.column ? `:${at.column}` : ''}` : ''}: ` : '';
  return `${where}${error.message}`;
}
