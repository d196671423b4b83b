/**
 * Reads the content tree: every plan and person file, split and parsed as
 * YAML 1.2 (core schema, so dates stay strings). The fast parser keeps no
 * positions; positions are found later, only for files with something to report.
 *
 * A file's fields are parsed when something reads them (SourceFile.data): the
 * checker does only for a file its cache does not hold (src/validate/check.ts).
 * What the loader itself needs of the parse, whether the YAML is fields and
 * why not, is kept by content hash on disk (a few bytes a file), so an
 * unchanged file is read and hashed, never parsed; parses are kept in memory
 * while the process needs them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { ContentCache } from '../cache/content-cache.ts';
import { JournalFile } from '../cache/journal.ts';
import { splitFrontmatter, isSplitProblem } from './frontmatter.ts';
import { describeYamlError } from './yaml-problem.ts';
import type { RuleId } from './rule-registry.ts';

export type FileKind = 'plan' | 'person';

export interface SourceFile {
  /** Relative to the project root, forward slashes. */
  file: string;
  kind: FileKind;
  /** The file name without its extension. */
  id: string;
  hash: string;
  /** The YAML text and the file line it starts on, for locating messages. */
  yaml: string;
  yamlLine: number;
  /** Parsed YAML, when the file could be read: parsed when first read, once per content in a process. */
  readonly data?: unknown;
  body?: string;
  bodyLine?: number;
  /** Why the file could not be read: one message for the file, no cascade. */
  unreadable?: { line: number; column: number; message: string; rule: RuleId };
}

export const PLANS_DIR = 'content/plans';
export const PEOPLE_DIR = 'content/people';

type Parsed = { data: unknown } | { error: { line: number; column: number; message: string } };

/** Parsed YAML by content hash, for as long as a pass over the content reads it (dev server, one build). */
const memory = new ContentCache<Parsed>('parses');

/**
 * What a file's YAML is, by kind and content hash: fields (no `unreadable`),
 * or why the file cannot be read, its line counted from the YAML's first.
 */
interface Shape {
  unreadable?: { line: number; column: number; message: string; rule: RuleId };
}

const shapes = new ContentCache<Shape>('yaml shapes');

export interface LoadOptions {
  /** Folder of the on-disk cache of shapes; none to keep it in memory only. */
  cacheDir?: string;
  /** Write that cache a moment later, off the path of a dev edit. */
  deferCacheWrite?: boolean;
}

export function loadContent(root: string, options: LoadOptions = {}): SourceFile[] {
  const disk: DiskCache | undefined = options.cacheDir ? { dir: options.cacheDir, dirty: false } : undefined;
  const files: SourceFile[] = [];
  for (const [dir, kind, ext] of [[PLANS_DIR, 'plan', '.mdx'], [PEOPLE_DIR, 'person', '.yaml']] as const) {
    for (const name of listFiles(join(root, dir), ext)) {
      const file = `${dir}/${name}`;
      const path = join(root, file);
      // A file whose size and modification time are unchanged is not read again.
      const stat = statSync(path);
      const seen = unchanged.get(path);
      if (seen && seen.mtimeMs === stat.mtimeMs && seen.size === stat.size) {
        // Its shape is still needed (for the disk cache, and when it changes back).
        shapes.get(shapeKey(kind, seen.source.hash));
        files.push(seen.source);
        continue;
      }
      const source = loadFile(file, kind, readFileSync(path, 'utf8'), disk);
      unchanged.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, source });
      files.push(source);
    }
  }
  // Files gone, and shapes and parses of what files used to hold, are dropped; so are shapes still waiting to be
  // written (dev saves faster than the write's pause: two hundred saves would otherwise hold two hundred).
  unchanged.prune();
  shapes.prune();
  memory.prune();
  diskAdded = diskAdded.filter(([key]) => shapes.has(key));
  if (options.cacheDir && disk && disk.dirty) {
    const dir = options.cacheDir;
    if (options.deferCacheWrite) deferWrite(() => writeDiskCache(dir, files));
    else writeDiskCache(dir, files);
  }
  return files;
}

/**
 * Dev writes the cache of shapes once the saves pause, not after each one:
 * written whole, it would otherwise land in the middle of the next save's
 * refresh.
 */
let pendingWrite: NodeJS.Timeout | undefined;
function deferWrite(write: () => void): void {
  clearTimeout(pendingWrite);
  pendingWrite = setTimeout(write, 5000).unref();
}

/** What each file was when last read in this process. */
const unchanged = new ContentCache<{ mtimeMs: number; size: number; source: SourceFile }>('files read');

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => entry.name)
    .sort();
}

export function loadFile(file: string, kind: FileKind, source: string, disk?: DiskCache): SourceFile {
  const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.(mdx|yaml)$/, '');
  const hash = createHash('sha1').update(source).digest('base64url');
  const base: SourceFile = { file, kind, id, hash, yaml: '', yamlLine: 1 };
  let yaml = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (kind === 'plan') {
    const split = splitFrontmatter(source);
    if (isSplitProblem(split)) return { ...base, unreadable: { line: split.line, column: 1, message: split.message, rule: split.rule } };
    Object.assign(base, { yamlLine: split.yamlLine, body: split.body, bodyLine: split.bodyLine });
    yaml = split.yaml;
  }
  base.yaml = yaml;
  const { unreadable } = shapeOf(kind, hash, yaml, disk);
  if (unreadable) return { ...base, unreadable: { ...unreadable, line: base.yamlLine + unreadable.line - 1 } };
  return Object.defineProperty(base, 'data', { enumerable: true, get: () => fieldsOf(hash, yaml) });
}

const shapeKey = (kind: FileKind, hash: string) => `${kind}:${hash}`;

function shapeOf(kind: FileKind, hash: string, yaml: string, disk?: DiskCache): Shape {
  const key = shapeKey(kind, hash);
  // The disk cache is read only for a file not already seen in this process (a dev server re-checking).
  let shape = shapes.get(key) ?? (disk && mergeDiskCache(disk.dir) ? shapes.get(key) : undefined);
  if (!shape) {
    shape = shapeOfParse(kind, parsedYaml(hash, yaml));
    shapes.set(key, shape);
    if (disk) {
      disk.dirty = true;
      diskAdded.push([key, shape]);
    }
  }
  return shape;
}

function shapeOfParse(kind: FileKind, parsed: Parsed): Shape {
  if ('error' in parsed) return { unreadable: { ...parsed.error, rule: 'keyplan/yaml' } };
  const data = parsed.data;
  if (data === null || data === undefined) {
    const what = kind === 'plan' ? 'the frontmatter is empty: a plan needs at least account, summary, status, tier, owner, period and review'
      : 'the file is empty: a person needs at least name and title';
    return { unreadable: { line: 1, column: 1, message: what, rule: 'keyplan/empty-file' } };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { unreadable: { line: 1, column: 1, rule: 'keyplan/frontmatter',
      message: Array.isArray(data) ? 'expected fields as "name: value" lines, got a list: remove the "- " in front of each field'
        : 'expected fields as "name: value" lines, got a single value' } };
  }
  return {};
}

/** The fields of a readable file (its shape says so), parsed once per content while a pass reads them. */
function fieldsOf(hash: string, yaml: string): unknown {
  const parsed = parsedYaml(hash, yaml);
  return 'data' in parsed ? parsed.data : undefined;
}

function parsedYaml(hash: string, yaml: string): Parsed {
  let parsed = memory.get(hash);
  if (!parsed) memory.set(hash, (parsed = parseYaml(yaml)));
  return parsed;
}

function parseYaml(yaml: string): Parsed {
  try {
    return { data: jsYaml.load(yaml, { schema: jsYaml.CORE_SCHEMA }) };
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      // js-yaml 5 rejects a blank or comments-only document; that is an empty file, not broken YAML.
      if (!error.mark && /input is empty/.test(error.reason)) return { data: null };
      return { error: describeYamlError(yaml, error.reason || 'unreadable YAML', error.mark) };
    }
    throw error;
  }
}

interface DiskCache {
  /** Folder of the cache file. */
  dir: string;
  /** A file was seen that no cache held: the cache file is written again. */
  dirty: boolean;
}

// The shapes of the files seen: holds error messages too, so bump the version when their wording changes.
// What a run adds is appended to it (src/cache/journal.ts).
export const SHAPES_CACHE_FILE = 'yaml-shapes-v1.jsonl';

/** The cache file of each folder; a folder is here once its file was read (at most once per process). */
const diskFiles = new Map<string, JournalFile<[string, Shape]>>();
/** Shapes found since the cache file was last read or written. */
let diskAdded: [string, Shape][] = [];

/** How many shapes wait to be appended to the cache file (dev writes it once saves pause). */
export function pendingShapes(): number {
  return diskAdded.length;
}

/** Puts what the cache file in `dir` holds into memory, the first time only; whether it did so now. */
function mergeDiskCache(dir: string): boolean {
  if (diskFiles.has(dir)) return false;
  const file = new JournalFile<[string, Shape]>(join(dir, SHAPES_CACHE_FILE), 'keyplan yaml shapes');
  diskFiles.set(dir, file);
  // No cache yet, or an unreadable one: files are parsed and it is written again.
  for (const [key, shape] of file.read() ?? []) {
    if (!shapes.has(key)) shapes.put(key, shape);
  }
  return true;
}

/** Appends what was parsed; written whole, it keeps only the files that exist now, so the cache does not grow without bound. */
function writeDiskCache(dir: string, files: SourceFile[]): void {
  const added = diskAdded;
  diskAdded = [];
  if (!diskFiles.has(dir)) diskFiles.set(dir, new JournalFile<[string, Shape]>(join(dir, SHAPES_CACHE_FILE), 'keyplan yaml shapes'));
  diskFiles.get(dir)!.write(added, () => {
    const entries: [string, Shape][] = [];
    for (const f of files) {
      const key = shapeKey(f.kind, f.hash);
      const shape = shapes.peek(key);
      if (shape) entries.push([key, shape]);
    }
    return entries;
  });
}
