/**
 * A cache file that grows by appending: a header line, one line with every
 * record when it was last written whole, and then one line per record added
 * since. A check that found one changed file appends that file's records
 * (a few kilobytes) instead of writing the whole cache again (tens of
 * megabytes at 1000 plans, a quarter of a second). Records for content that
 * is gone stay until the appended lines reach a quarter of the whole, when
 * the file is written whole again with only what is current.
 *
 * The file is appended to only while it is exactly as this process last read
 * or wrote it (same size); otherwise, or when it cannot be read, it is
 * written whole (to another name, then renamed). A line cut short (a process
 * stopped while appending) ends the reading there, and the next write is whole.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class JournalFile<R> {
  readonly path: string;
  readonly #header: string;
  /** What the file held when this process last read or wrote it. */
  #state?: { size: number; records: number; appended: number };

  /** `header` names what the records mean (a format, the code that made them): a file with another is not read. */
  constructor(path: string, header: string) {
    this.path = path;
    this.#header = JSON.stringify(header);
  }

  /** Every record in the file, oldest first; undefined when there is no file, or one with another header. */
  read(): R[] | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return undefined;
    }
    const lines = text.split('\n');
    if (lines[0] !== this.#header) return undefined;
    let records: R[];
    try {
      records = JSON.parse(lines[1]) as R[];
    } catch {
      return undefined;
    }
    const base = records.length;
    let whole = true;
    for (let i = 2; i < lines.length; i++) {
      if (lines[i] === '') continue;
      try {
        records.push(JSON.parse(lines[i]) as R);
      } catch {
        whole = false;
        break;
      }
    }
    // The last line is empty when every append was whole.
    if (lines.at(-1) !== '') whole = false;
    this.#state = whole ? { size: Buffer.byteLength(text), records: base, appended: records.length - base } : undefined;
    return records;
  }

  /**
   * Saves `added` (the records made since the last read or write) by
   * appending them, or, when the file cannot be appended to, writes
   * `current()` (every record still needed) whole.
   */
  write(added: readonly R[], current: () => R[]): void {
    try {
      const state = this.#state;
      if (state && state.appended + added.length <= Math.max(50, state.records / 4) && this.#size() === state.size) {
        if (added.length === 0) return;
        const text = added.map((record) => JSON.stringify(record)).join('\n') + '\n';
        appendFileSync(this.path, text);
        this.#state = { size: state.size + Buffer.byteLength(text), records: state.records, appended: state.appended + added.length };
        return;
      }
      const records = current();
      const text = `${this.#header}\n${JSON.stringify(records)}\n`;
      mkdirSync(dirname(this.path), { recursive: true });
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, text);
      renameSync(temp, this.path);
      this.#state = { size: Buffer.byteLength(text), records: records.length, appended: 0 };
    } catch {
      // A cache that cannot be written only costs time on the next run.
      this.#state = undefined;
    }
  }

  #size(): number | undefined {
    try {
      return statSync(this.path).size;
    } catch {
      return undefined;
    }
  }
}
