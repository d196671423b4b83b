/**
 * A YAML syntax error as a writer needs it: js-yaml reports where it gave up,
 * which for an unclosed quote or bracket is a later line and a misleading
 * "deficient indentation". This points at the cause instead.
 */

export interface YamlProblem {
  /** 1-based, within the YAML text. */
  line: number;
  column: number;
  message: string;
}

/** Where js-yaml stopped: 0-based line and column, and the character offset. */
export interface YamlMark {
  line: number;
  column: number;
  position: number;
}

export function describeYamlError(yaml: string, reason: string, mark: YamlMark | undefined): YamlProblem {
  const line = (mark?.line ?? 0) + 1;
  const column = (mark?.column ?? 0) + 1;
  const text = yaml.split('\n')[line - 1] ?? '';

  if (mark && /deficient indentation|end of the stream|flow collection/.test(reason)) {
    const opener = findUnclosed(yaml.slice(0, mark.position));
    if (opener) {
      const what = opener.char === '[' ? 'the list opened with "[" here is not closed: add "]" after its last entry'
        : opener.char === '{' ? 'the mapping opened with "{" here is not closed: add "}" after its last field'
          : `the text opened with ${opener.char} here is not closed: add the closing ${opener.char} at its end`;
      return { line: opener.line, column: opener.column, message: `broken YAML: ${what}` };
    }
  }
  if (reason.startsWith('duplicated mapping key')) {
    const key = /^\s*(?:-\s+)?(["']?)([^"':#]+?)\1\s*:/.exec(text)?.[2];
    const field = key ? `the field "${key}"` : 'a field';
    return { line, column, message: `broken YAML: ${field} is written twice in the same object; keep one` };
  }
  if (reason.startsWith('bad indentation of a mapping entry')) {
    // `title: Head of Sales: EMEA`: a second ": " on a line that already has a key.
    const value = /^(\s*(?:-\s+)?[^\s"'#][^:#]*):\s+(.*)$/.exec(text);
    if (value && value[1].length + 1 < column && !/^["'[{]/.test(value[2])) {
      const q = value[2].includes('"') ? "'" : '"';
      return { line, column, message: `broken YAML: the value contains ": "; put it in quotes: ${value[1].trim()}: ${q}${value[2].trim()}${q}` };
    }
  }
  if (reason.startsWith('tab characters')) {
    return { line, column, message: `broken YAML: ${reason}; indent with spaces` };
  }
  if (reason.includes('indentation')) {
    // Point at the misplaced field, not at the colon after it.
    const indent = text.length - text.trimStart().length;
    return { line, column: indent < column ? indent + 1 : column,
      message: `broken YAML: ${reason} (check that the lines of this entry line up under each other)` };
  }
  return { line, column, message: `broken YAML: ${reason}` };
}

export interface Opener {
  line: number;
  column: number;
  char: '"' | "'" | '[' | '{';
}

/**
 * The quote or bracket still open at the end of `text`: an open quote, else
 * the outermost open bracket.
 * A light scan, not a parser: it knows value starts, comments and block
 * scalars, enough to tell `Bob's plan` (plain text) from `'Bob's plan`.
 */
export function findUnclosed(text: string): Opener | undefined {
  let quote: Opener | undefined;
  const flow: Opener[] = [];
  let blockIndent = -1;
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l].replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    let atValueStart = true;
    for (let c = 0; c < line.length; c++) {
      const ch = line[c];
      const next = line[c + 1];
      if (quote) {
        if (quote.char === '"' && ch === '\\') c++;
        else if (quote.char === "'" && ch === "'" && next === "'") c++;
        else if (ch === quote.char) { quote = undefined; atValueStart = false; }
        continue;
      }
      if (ch === ' ' || ch === '\t') continue;
      if (ch === '#' && (c === 0 || line[c - 1] === ' ' || line[c - 1] === '\t')) break;
      const endsToken = next === undefined || next === ' ' || next === '\t' || (flow.length > 0 && /[,\]}]/.test(next));
      if (atValueStart && (ch === '"' || ch === "'")) {
        quote = { line: l + 1, column: c + 1, char: ch };
      } else if ((atValueStart || flow.length > 0) && (ch === '[' || ch === '{')) {
        flow.push({ line: l + 1, column: c + 1, char: ch });
        atValueStart = true;
      } else if (flow.length > 0 && (ch === ']' || ch === '}')) {
        flow.pop();
        atValueStart = false;
      } else if (flow.length > 0 && ch === ',') {
        atValueStart = true;
      } else if (ch === ':' && endsToken) {
        atValueStart = true;
      } else if ((ch === '-' || ch === '?') && atValueStart && endsToken) {
        atValueStart = true;
      } else if ((ch === '|' || ch === '>') && atValueStart && flow.length === 0) {
        blockIndent = indent;
        break;
      } else {
        atValueStart = false;
      }
    }
  }
  // Inside an open quote every later bracket is text, so the quote is the culprit.
  return quote ?? flow[0];
}
