/**
 * Positions of YAML nodes, found only when a message needs one. A line scan
 * finds most paths in block-style YAML without parsing; only what it cannot
 * read (flow collections, quoted keys) costs a parse with positions, which is
 * several times slower than the plain parse.
 */
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import type { Anchor, FieldPath } from './issue.ts';
import { scanPath } from './scan.ts';

/** The YAML parser with positions, loaded the first time a path is not found by the scan (most checks never need it). */
let yaml: typeof import('yaml') | undefined;
const positionParser = () => (yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

export interface Position {
  line: number;
  column: number;
}

export class Locator {
  readonly #yaml: string;
  readonly #firstLine: number;
  #doc: Document | undefined;
  #lines: LineCounter | undefined;
  #textLines: string[] | undefined;

  /** `firstLine`: the file line on which `yaml` starts. */
  constructor(yaml: string, firstLine: number) {
    this.#yaml = yaml;
    this.#firstLine = firstLine;
  }

  /**
   * Where `path` is written. For `object`, the first line of the object (a
   * missing field is reported there); for `key`, the key; else the value. A path
   * that is not written points at its nearest written ancestor.
   */
  locate(path: FieldPath, anchor: Anchor = 'value'): Position {
    this.#textLines ??= this.#yaml.split('\n');
    const scanned = scanPath(this.#textLines, path, anchor);
    if (scanned) return { line: this.#firstLine + scanned.line, column: scanned.column + 1 };
    return this.parsed(path, anchor);
  }

  /** The same, from a full parse with positions. */
  parsed(path: FieldPath, anchor: Anchor = 'value'): Position {
    const { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = positionParser();
    if (!this.#doc) {
      this.#lines = new LineCounter();
      this.#doc = parseDocument(this.#yaml, { lineCounter: this.#lines, version: '1.2', schema: 'core', uniqueKeys: false });
    }
    let node: Node | null | undefined = this.#doc.contents as Node | null;
    let keyNode: Node | undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value as Node | null;
        if (!node) { node = keyNode; }
      } else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
        keyNode = undefined;
        node = node.items[part] as Node;
      } else {
        break;
      }
    }
    const target = anchor === 'key' && keyNode ? keyNode : node;
    if (!target?.range) return { line: this.#firstLine, column: 1 };
    const { line, col } = this.#lines!.linePos(target.range[0]);
    return { line: this.#firstLine + line - 1, column: col };
  }
}
