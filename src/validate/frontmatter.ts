/** Splits a plan file into its YAML frontmatter and its MDX body, keeping line numbers. */

export interface SplitPlan {
  /** The YAML between the fences. */
  yaml: string;
  /** File line (1-based) of the first YAML line: 2 when the file opens with `---`. */
  yamlLine: number;
  body: string;
  /** File line of the first body line. */
  bodyLine: number;
}

export interface SplitProblem {
  line: number;
  message: string;
  rule: 'keyplan/empty-file' | 'keyplan/frontmatter';
}

const FENCE = /^---[ \t]*$/;

export function splitFrontmatter(source: string): SplitPlan | SplitProblem {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (text.trim() === '') {
    return { line: 1, rule: 'keyplan/empty-file', message: 'the file is empty: a plan starts with a line "---", its fields (account, summary, status, ...), and a closing "---"' };
  }
  const lines = text.split('\n');
  // Blank lines may stand before the opening fence.
  let open = 0;
  while (open < lines.length && lines[open].trim() === '') open++;
  if (!FENCE.test(lines[open].replace(/\r$/, ''))) {
    return { line: open + 1, rule: 'keyplan/frontmatter', message: 'no frontmatter: a plan starts with a line "---", then its fields, then a closing "---" before the body' };
  }
  let close = open + 1;
  while (close < lines.length && !FENCE.test(lines[close].replace(/\r$/, ''))) close++;
  if (close >= lines.length) {
    return { line: open + 1, rule: 'keyplan/frontmatter', message: 'the frontmatter is not closed: add a line "---" after the last field, before the body' };
  }
  return {
    yaml: lines.slice(open + 1, close).join('\n'),
    yamlLine: open + 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

export function isSplitProblem(value: SplitPlan | SplitProblem): value is SplitProblem {
  return 'message' in value;
}
