/**
 * The diagram stage of a build or check: the ```mermaid blocks of every plan
 * body gathered once, rendered through one renderer, and mermaid's errors
 * turned into located messages. (Stakeholder maps are drawn in Node by
 * src/diagrams/org-chart.ts and never come here.)
 */
import type { CheckResult } from '../../validate/check.ts';
import type { Issue } from '../../validate/issue.ts';
import { levelOf, type RuleOverrides } from '../../validate/rule-registry.ts';
import { diagramHash, type Outcome } from './renderer.ts';

export interface DiagramJob {
  plan: string;
  file: string;
  source: string;
  /** For a body block: the file line of its opening fence. */
  fence?: number;
}

/** Every ```mermaid block in the bodies of the plans in `plans`. */
export function collectDiagrams(result: CheckResult, plans: ReadonlySet<string>): DiagramJob[] {
  const jobs: DiagramJob[] = [];
  for (const plan of result.plans) {
    if (!plan.data || !plans.has(plan.id)) continue;
    for (const block of plan.outline?.diagrams ?? []) {
      jobs.push({ plan: plan.id, file: plan.source.file, source: block.source, fence: block.line });
    }
  }
  return jobs;
}

/** mermaid's error in a body block, at the line mermaid names (else the fence). */
export function diagramIssues(jobs: readonly DiagramJob[], results: ReadonlyMap<string, Outcome | { error: string; line?: number } | { ok: true }>,
  rules?: RuleOverrides): Issue[] {
  const severity = levelOf('keyplan/mermaid', rules);
  if (severity === 'off') return [];
  const issues: Issue[] = [];
  for (const job of jobs) {
    if (job.fence === undefined) continue;
    const result = results.get(diagramHash(job.source));
    if (!result || !('error' in result)) continue;
    const lines = job.source.replace(/\n$/, '').split('\n').length;
    // mermaid counts from the block's first line; at end of input it may name a line past the last.
    const line = result.line ? job.fence + Math.min(result.line, lines) : job.fence;
    issues.push({ file: job.file, line, column: 1, severity, rule: 'keyplan/mermaid', field: 'body', message: `mermaid: ${oneLine(result.error)}` });
  }
  return issues;
}

/** mermaid's message without its ASCII-art pointer: "Parse error on line 3: Expecting 'X', got 'Y' (near "…")". */
function oneLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length >= 4 && /^-*\^$/.test(lines[2])) {
    return `${lines[0]} ${lines.slice(3).join(' ')} (near "${lines[1].replace(/^\.\.\./, '')}")`;
  }
  return lines.join(' ');
}
