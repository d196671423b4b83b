/** A problem found in the content, and the two ways of printing it. */

export type Severity = 'error' | 'warning';
export type FieldPath = readonly (string | number)[];

/** Which part of a YAML node a message points at. */
export type Anchor = 'value' | 'key' | 'object';

export interface Issue {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** `goals[1].owner`; empty for a problem with the whole file. */
  field: string;
  message: string;
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
  return `${issue.file}:${issue.line}:${issue.column} ${issue.severity}${field} ${issue.message}`;
}

/** A GitHub Actions workflow command, shown as an annotation on the pull request. */
export function formatGithub(issue: Issue): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = issue.severity === 'error' ? 'error' : 'warning';
  const title = issue.field ? `Keyplan: ${issue.field}` : 'Keyplan';
  return `::${command} file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column},title=${escapeProperty(title)}::${escapeData(issue.message)}`;
}

/** Files in path order, then lines, then columns: the order a writer reads. */
export function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
}
