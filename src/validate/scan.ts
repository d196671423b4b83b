/**
 * Finds where a field path is written in block-style YAML by scanning lines and
 * indentation: no parse, so locating a message costs microseconds instead of a
 * full parse with positions. Returns undefined for anything it does not
 * understand (flow collections, quoted or complex keys, anchors), and the
 * caller falls back to the real parser.
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
  for (const part of path) {
    found = typeof part === 'number' ? item(lines, block, part) : key(lines, block, part);
    if (!found) return undefined;
    block = found.value;
  }
  if (anchor === 'key' && found?.key) return found.key;
  return { line: block.line, column: block.column };
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
