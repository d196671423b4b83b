/** A problem found in the content, and the two ways of printing it. */

import type { RuleId, Severity } from './rule-registry.ts';

export type { Severity };
export type FieldPath = readonly (string | number)[];

/** Which part of a YAML node a message points at. */
export type Anchor = 'value' | 'key' | 'object';

export interface Issue {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** The stable id of the kind of problem, e.g. `keyplan/unknown-person`. */
  rule: RuleId;
  /** `goals[1].owner`; empty for a problem with the whole file. */
  field: string;
  message: string;
  /** Where the problem ends, when known. */
  endLine?: number;
  endColumn?: number;
}

/** `goals[1].owner` from `['goals', 1, 'owner']`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

export function formatIssue(issue: Issue): string {
  const field = issue.field ? ` ${issue.field}:` : '';
  return `${issue.file}:${issue.line}:${issue.column} ${issue.severity}${field} ${issue.message} [${issue.rule}]`;
}

/** A GitHub Actions workflow command, shown as an annotation on the pull request. */
export function formatGithub(issue: Issue): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = issue.severity === 'error' ? 'error' : 'warning';
  // The rule id is the title, so a reviewer (or a tool reading the log) sees the kind of problem first.
  const message = issue.field ? `${issue.field}: ${issue.message}` : issue.message;
  return `::${command} file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column},title=${escapeProperty(issue.rule)}::${escapeData(message)}`;
}

/** Files in path order, then lines, then columns: the order a writer reads. */
export function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
}
