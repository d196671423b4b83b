/** A problem before it has a line and column: where in which file, and what. */
import type { Anchor, FieldPath } from './issue.ts';
import type { RuleId } from './rule-registry.ts';

export interface Finding {
  file: string;
  /** The kind of problem; its severity comes from the rule registry and the `rules` option. */
  rule: RuleId;
  path: FieldPath;
  /** Which part of the node at `path` to point at. */
  anchor?: Anchor;
  /** Field shown in the message when it differs from `path` (a missing field). */
  field?: FieldPath;
  message: string;
  /** Already known (YAML syntax errors, body positions): skips locating. */
  at?: { line: number; column: number; endLine?: number; endColumn?: number };
}
