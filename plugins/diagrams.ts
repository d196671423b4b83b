/**
 * The diagrams of the shown plans, rendered through one browser (cached ones
 * cost nothing). The SVGs stay in the render cache on disk: pages read them
 * from there, so thousands of diagrams never pass through a page's data.
 */
import type { AstroIntegrationLogger } from 'astro';
import { collectDiagrams, diagramIssues } from '../src/diagrams/mermaid/stage.ts';
import { diagramHash, type DiagramRenderer } from '../src/diagrams/mermaid/renderer.ts';
import type { Prepared } from '../src/snapshot/snapshot.ts';
import type { Issue } from '../src/validate/issue.ts';
import { INSTALL_HINT } from '../src/diagrams/mermaid/browser.ts';
import { progressLine, type Progress } from './progress.ts';
import { plural } from './log.ts';

export interface RenderedDiagrams {
  /** The render-cache file of each diagram with an SVG, by source. */
  files: Map<string, string>;
  /** Each plan's diagrams: cache files, or `browser:<source>` for one the reader's browser draws. */
  of: Map<string, string[]>;
  /** mermaid's errors in body blocks, located. */
  issues: Issue[];
}

export async function renderDiagrams(prepared: Prepared, renderer: DiagramRenderer, log: AstroIntegrationLogger): Promise<RenderedDiagrams> {
  const jobs = collectDiagrams(prepared.result, new Set(prepared.visibility.shown));
  // A long render says how far it is, in whole log lines (plugins/progress.ts).
  let progress: Progress | undefined;
  const { results, stats } = await renderer.renderAll(jobs.map((j) => j.source), (done, total) => {
    progress ??= progressLine(total, (line) => log.info(line));
    progress(done);
  });
  const files = new Map<string, string>();
  const of = new Map<string, string[]>();
  for (const job of jobs) {
    const result = results.get(diagramHash(job.source));
    const file = result && 'file' in result ? result.file : undefined;
    if (file) files.set(job.source, file);
    const list = of.get(job.plan) ?? [];
    list.push(file ?? `browser:${job.source}`);
    of.set(job.plan, list);
  }
  const issues = diagramIssues(jobs, results, prepared.config.rules);
  // Diagrams with neither an SVG nor an error: no browser drew them (a block used twice counts twice).
  const missing = jobs.filter((job) => !results.has(diagramHash(job.source))).length;
  // Only when something is actually left to the reader's browser: a build served from the cache needs none.
  if (missing > 0 && !renderer.canRender) {
    log.warn(`no Chromium found: ${plural(missing, 'diagram')} will render in the reader's browser from a script shipped with the site. For SVG at build time, ${INSTALL_HINT}.`);
  }
  log.info(`rendered ${plural(stats.rendered, 'diagram')} (${stats.cached} cached) in ${(stats.ms / 1000).toFixed(1)}s`
    + (missing > 0 ? `; ${missing} left to render in the reader's browser` : ''));
  return { files, of, issues };
}
