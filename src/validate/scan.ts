/**
 * Finds where a field path is written in block-style YAML by scanning lines and
 * indentation: no parse, so locating a message costs microseconds instead of a
 * full parse with positions. A flow collection written on one line
 * (`- { id: g1, due: 2026-04-01 }`, `tags: [a, b]`) is read token by token.
 * Returns undefined for anything it does not understand (flow collections over
 * several lines, quoted or complex keys, anchors, a path that is not written),
 * and the caller falls back to the real parser.
 */
import type { Anchor, FieldPath } from './issue.ts';

export interface LinePosition {
  /** 0-based line within the YAML text. */
  line: number;
  /** 0-based column. */
  column: number;
}

/** A block node: where its content starts, and the lines it spans. */
interface Block {
  line: number;
  column: number;
  /** First line after the block. */
  end: number;
}

interface Found {
  key?: LinePosition;
  value: Block;
}

const KEY = /^([A-Za-z0-9_-]+):(?=\s|$)/;

export function scanPath(lines: readonly string[], path: FieldPath, anchor: Anchor): LinePosition | undefined {
  let block: Block = { line: firstContentLine(lines, 0, lines.length), column: 0, end: lines.length };
  let found: Found | undefined;
  for (const [i, part] of path.entries()) {
    const opening = lines[block.line]?.[block.column];
    if (opening === '{' || opening === '[') return flowPath(lines[block.line], block, path.slice(i), anchor);
    found = typeof part === 'number' ? item(lines, block, part) : key(lines, block, part);
    if (!found) return undefined;
    block = found.value;
  }
  if (anchor === 'key' && found?.key) return found.key;
  return { line: block.line, column: block.column };
}

/** A node of a flow collection on one line: where it starts, and what it holds. */
type FlowNode =
  | { kind: 'map'; column: number; entries: { key: string; column: number; value: FlowNode }[] }
  | { kind: 'seq'; column: number; items: FlowNode[] }
  | { kind: 'scalar'; column: number };

/** `path` inside the flow collection that starts at `block`. */
function flowPath(line: string, block: Block, path: FieldPath, anchor: Anchor): LinePosition | undefined {
  const parsed = flowNode(line, block.column);
  // The collection must close on its line, with nothing after it but a comment.
  if (!parsed || !/^\s*(#.*)?$/.test(line.slice(parsed.end))) return undefined;
  let node = parsed.node;
  let keyColumn: number | undefined;
  for (const part of path) {
    if (node.kind === 'map' && typeof part === 'string') {
      const entry = node.entries.find((e) => e.key === part);
      if (!entry) return undefined;
      keyColumn = entry.column;
      node = entry.value;
    } else if (node.kind === 'seq' && typeof part === 'number' && node.items[part]) {
      keyColumn = undefined;
      node = node.items[part];
    } else {
      return undefined;
    }
  }
  return { line: block.line, column: anchor === 'key' && keyColumn !== undefined ? keyColumn : node.column };
}

function skipSpaces(line: string, at: number): number {
  while (line[at] === ' ' || line[at] === '\t') at++;
  return at;
}

/** The flow node at `at` and the index after it, or undefined for what this reader does not take on. */
function flowNode(line: string, at: number): { node: FlowNode; end: number } | undefined {
  const start = skipSpaces(line, at);
  const c = line[start];
  if (c === '{' || c === '[') {
    const close = c === '{' ? '}' : ']';
    const entries: { key: string; column: number; value: FlowNode }[] = [];
    const items: FlowNode[] = [];
    let i = skipSpaces(line, start + 1);
    if (line[i] === close) return { node: c === '{' ? { kind: 'map', column: start, entries } : { kind: 'seq', column: start, items }, end: i + 1 };
    for (;;) {
      if (c === '{') {
        const key = flowKey(line, i);
        if (!key) return undefined;
        const value = flowNode(line, key.end);
        // An empty value (`{ a: }`) is left to the parser.
        if (!value) return undefined;
        entries.push({ key: key.text, column: key.column, value: value.node });
        i = value.end;
      } else {
        const value = flowNode(line, i);
        if (!value) return undefined;
        items.push(value.node);
        i = value.end;
      }
      i = skipSpaces(line, i);
      if (line[i] === ',') {
        i = skipSpaces(line, i + 1);
        if (line[i] === close) return undefined;
        continue;
      }
      if (line[i] === close) break;
      return undefined;
    }
    return { node: c === '{' ? { kind: 'map', column: start, entries } : { kind: 'seq', column: start, items }, end: i + 1 };
  }
  const scalar = flowScalar(line, start);
  return scalar && { node: { kind: 'scalar', column: start }, end: scalar.end };
}

/** A plain key and its colon (`due: `); quoted keys are left to the parser. */
function flowKey(line: string, at: number): { text: string; column: number; end: number } | undefined {
  const match = /^([A-Za-z0-9_-]+):(?=[ \t])/.exec(line.slice(at));
  return match ? { text: match[1], column: at, end: at + match[0].length } : undefined;
}

/** A scalar inside a flow collection: quoted, or plain up to the next `,`, `]` or `}`. */
function flowScalar(line: string, at: number): { end: number } | undefined {
  const c = line[at];
  if (c === undefined || c === ',' || c === ']' || c === '}') return undefined;
  // Anchors, aliases, tags, block indicators and comments: the parser's business.
  if ('&*!|>#@`%'.includes(c)) return undefined;
  if (c === '"') {
    for (let i = at + 1; i < line.length; i++) {
      if (line[i] === '\\') i++;
      else if (line[i] === '"') return { end: i + 1 };
    }
    return undefined;
  }
  if (c === "'") {
    for (let i = at + 1; i < line.length; i++) {
      if (line[i] !== "'") continue;
      if (line[i + 1] === "'") i++;
      else return { end: i + 1 };
    }
    return undefined;
  }
  let i = at;
  while (i < line.length && !',[]{}'.includes(line[i])) {
    // "a: b" inside a plain value would be a pair, and " #" a comment: leave both to the parser.
    if ((line[i] === ':' && /[ \t]/.test(line[i + 1] ?? ' ')) || (line[i] === '#' && /[ \t]/.test(line[i - 1]))) return undefined;
    i++;
  }
  return i > at ? { end: i } : undefined;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isBlank(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

function firstContentLine(lines: readonly string[], from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(lines[i])) i++;
  return i;
}

/** The value of `name` in the mapping that starts at `block`. */
function key(lines: readonly string[], block: Block, name: string): Found | undefined {
  const col = block.column;
  for (let i = block.line; i < block.end; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    // The block's first line may hold a key after "- "; later keys sit at its column.
    const text = i === block.line ? line.slice(col) : line;
    const indent = i === block.line ? 0 : indentOf(line);
    if (i !== block.line && indent < col) return undefined;
    if (i !== block.line && indent !== col) continue;
    const rest = i === block.line ? text : text.slice(col);
    // A flow collection here is read by flowPath, from scanPath: not a key of this block.
    if (rest.startsWith('{') || rest.startsWith('[')) return undefined;
    const match = KEY.exec(rest);
    if (!match || match[1] !== name) continue;
    return { key: { line: i, column: col }, value: valueAfterKey(lines, i, col, match[0].length, block.end) };
  }
  return undefined;
}

/** A value written after `key:` on line `i`, or below it. */
function valueAfterKey(lines: readonly string[], i: number, col: number, keyLength: number, end: number): Block {
  const line = lines[i];
  const after = line.slice(col + keyLength);
  const inline = after.trimStart();
  const blockEnd = childEnd(lines, i + 1, col, end);
  // A scalar on the key's line, or a block scalar's indicator (`|`, `>-`): the value starts there.
  if (inline !== '' && !inline.startsWith('#') && !/^&\S+\s*$/.test(inline)) {
    return { line: i, column: col + keyLength + (after.length - inline.length), end: blockEnd };
  }
  const first = firstContentLine(lines, i + 1, blockEnd);
  if (first >= blockEnd) return { line: i, column: col, end: blockEnd };
  return { line: first, column: indentOf(lines[first]), end: blockEnd };
}

/** Where the lines that belong to a key at column `col` end. A sequence may sit at the key's own column. */
function childEnd(lines: readonly string[], from: number, col: number, end: number): number {
  let i = from;
  for (; i < end; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const indent = indentOf(line);
    if (indent > col) continue;
    if (indent === col && /^-(\s|$)/.test(line.slice(col))) continue;
    break;
  }
  return i;
}

/** Item `index` of the sequence that starts at `block`. */
function item(lines: readonly string[], block: Block, index: number): Found | undefined {
  const col = block.column;
  const first = lines[block.line];
  if (first === undefined || !/^-(\s|$)/.test(first.slice(col))) return undefined;
  let count = -1;
  for (let i = block.line; i < block.end; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const indent = i === block.line ? col : indentOf(line);
    if (indent < col) return undefined;
    if (indent !== col) continue;
    if (!/^-(\s|$)/.test(line.slice(col))) return undefined;
    if (++count !== index) continue;
    // The item ends at the next dash at this column, or where the sequence ends.
    let next = i + 1;
    while (next < block.end && (isBlank(lines[next]) || indentOf(lines[next]) > col)) next++;
    const content = line.slice(col + 1);
    const inline = content.trimStart();
    if (inline !== '' && !inline.startsWith('#')) {
      if (inline.startsWith('-')) return undefined;
      return { value: { line: i, column: col + 1 + (content.length - inline.length), end: next } };
    }
    const start = firstContentLine(lines, i + 1, next);
    if (start >= next) return { value: { line: i, column: col, end: next } };
    return { value: { line: start, column: indentOf(lines[start]), end: next } };
  }
  return undefined;
}
