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
  const { results, stats } = await renderer.renderAll(jobs.map((j) => j.source));
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
  const issues = diagramIssues(jobs, results);
  const missing = jobs.length - files.size - issues.length;
  log.info(`rendered ${plural(stats.rendered, 'diagram')} (${stats.cached} cached) in ${(stats.ms / 1000).toFixed(1)}s`
    + (missing > 0 ? `; ${missing} left to render in the reader's browser` : ''));
  return { files, of, issues };
}
