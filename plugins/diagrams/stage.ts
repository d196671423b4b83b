/**
 * The diagram stage of a build or check: every diagram of every plan (the
 * generated stakeholder diagrams and the ```mermaid blocks of bodies) gathered
 * once, rendered through one renderer, and mermaid's errors in bodies turned
 * into located messages.
 */
import { stakeholderDiagram } from '../../src/diagrams/stakeholders.ts';
import type { CheckResult } from '../../src/validate/check.ts';
import type { Issue } from '../../src/validate/issue.ts';
import { levelOf, type RuleOverrides } from '../../src/validate/rule-registry.ts';
import { diagramHash, type Outcome } from './renderer.ts';

export interface DiagramJob {
  plan: string;
  file: string;
  source: string;
  /** For a body block: the file line of its opening fence. */
  fence?: number;
}

/** Every diagram the plans in `plans` need; with `bodiesOnly`, the ```mermaid blocks writers wrote, not the generated maps. */
export function collectDiagrams(result: CheckResult, plans: ReadonlySet<string>, { bodiesOnly = false } = {}): DiagramJob[] {
  const names = new Map(result.people.map((p) => [p.id, p.data?.name]));
  const jobs: DiagramJob[] = [];
  for (const plan of result.plans) {
    if (!plan.data || !plans.has(plan.id)) continue;
    const generated = bodiesOnly ? undefined : generatedSource(plan, names);
    if (generated) jobs.push({ plan: plan.id, file: plan.source.file, source: generated });
    for (const block of plan.outline?.diagrams ?? []) {
      jobs.push({ plan: plan.id, file: plan.source.file, source: block.source, fence: block.line });
    }
  }
  return jobs;
}

/** Stakeholder diagram sources by plan content and the owner names they show: a dev edit makes one, not all. */
const generated = new Map<string, { names: string; source: string | undefined }>();

function generatedSource(plan: CheckResult['plans'][number], names: ReadonlyMap<string, string | undefined>): string | undefined {
  const stakeholders = plan.data!.stakeholders ?? [];
  const owners = stakeholders.map((s) => (s.owner ? `${s.owner}=${names.get(s.owner) ?? ''}` : '')).join('\n');
  const key = `${plan.source.file}:${plan.source.hash}`;
  const known = generated.get(key);
  if (known && known.names === owners) return known.source;
  const source = stakeholderDiagram(plan.data!.account, stakeholders, (id) => names.get(id))?.source;
  generated.set(key, { names: owners, source });
  return source;
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
