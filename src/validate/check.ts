/**
 * The validation engine: load every file, check each against its schema, then
 * check what ties them together, and report every problem in every file at
 * once, each with its line and column. Plain TypeScript: the checker CLI, the
 * Astro integration and the tests all call `checkContent`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DEFAULT_PERSPECTIVES } from '../schema/measure.ts';
import { personSchema, type Person } from '../schema/person.ts';
import { planSchema, type PlanData } from '../schema/plan.ts';
import type { IsoDate } from '../model/dates.ts';
import type { Finding } from './found.ts';
import { compareIssues, formatFieldPath, type FieldPath, type Issue } from './issue.ts';
import { loadContent, type SourceFile } from './load.ts';
import { levelOf, type RuleOverrides } from './rule-registry.ts';
import { Locator } from './locate.ts';
import { checkReferences, intendedId, ITEM_LISTS, type ItemKind, type ItemList, type PersonInput, type PlanInput } from './rules.ts';
import { schemaFindings } from './schema-findings.ts';
import { ContentCache } from '../cache/content-cache.ts';
import { JournalFile } from '../cache/journal.ts';
import { isOutlineError, outlineBody, type Outline, type OutlineError } from '../links/outline.ts';
import { resolveLink } from '../links/resolve.ts';
import { buildLinkTargets } from '../links/targets.ts';
import { checkBodyComponents } from './body-components.ts';

export interface CheckOptions {
  /** The project root, holding `content/`. */
  root: string;
  today: IsoDate;
  perspectives?: readonly string[];
  /** Folder for the on-disk caches of the loader and the checker. */
  cacheDir?: string;
  /** Write that cache a moment later (dev: off the path of an edit). */
  deferCacheWrite?: boolean;
  /** The `rules` option: a severity per rule id, or 'off' to drop its findings. */
  rules?: RuleOverrides;
}

export interface CheckedPlan {
  id: string;
  source: SourceFile;
  /** Present when the frontmatter passed the schema (defaults applied). */
  data?: PlanData;
  /** Headings and links of the body, when it is valid MDX. */
  outline?: Outline;
}

export interface CheckedPerson {
  id: string;
  source: SourceFile;
  data?: Person;
}

export interface CheckResult {
  issues: Issue[];
  errors: number;
  warnings: number;
  plans: CheckedPlan[];
  people: CheckedPerson[];
}

/** A body this large is almost always a paste gone wrong, and slows every build. */
export const BODY_WARN_BYTES = 256 * 1024;

export function checkContent(options: CheckOptions): CheckResult {
  const files = loadContent(options.root, { cacheDir: options.cacheDir, deferCacheWrite: options.deferCacheWrite });
  if (options.cacheDir) readCheckCache(options.cacheDir);
  const result = checkFiles(files, options);
  // A whole tree was checked: what it did not use is no longer needed.
  outlines.prune();
  schemaOutcomes.prune();
  positions.prune();
  // Nor is what waits to be appended for content that is gone.
  checkCacheAdded = checkCacheAdded.filter(([kind, key]) => (kind === 's' ? schemaOutcomes : kind === 'o' ? outlines : positions).has(key));
  if (options.cacheDir && checkCacheDirty) {
    checkCacheDirty = false;
    const dir = options.cacheDir;
    if (options.deferCacheWrite) setTimeout(() => writeCheckCache(dir), 2000).unref();
    else writeCheckCache(dir);
  }
  return result;
}

/**
 * What checking a file found that depends on nothing but its content (the
 * schema's outcome, the body's outline, where each finding points) is kept on
 * disk beside the loader's, so `npm run check` and a build check only the
 * files that changed since the last run. The cache holds Keyplan's messages:
 * it is keyed by the code that produced it and dropped when that changes.
 * What a check adds is appended to the file (src/cache/journal.ts).
 */
export const CHECK_CACHE_FILE = 'checked-v3.jsonl';

/** A schema outcome ('s', by schema, file and hash), an outline ('o', by hash) or a finding's position ('p'). */
type CheckRecord =
  | ['s', string, SchemaOutcome]
  | ['o', string, Outline | OutlineError]
  | ['p', string, { line: number; column: number }];

/** Something was computed that the cache file does not hold. */
let checkCacheDirty = false;
/** What was computed since the cache file was last read or written. */
let checkCacheAdded: CheckRecord[] = [];
const checkCacheFiles = new Map<string, JournalFile<CheckRecord>>();

/** An outcome as stored: once when the schema passed (what passed is what the reference rules read). */
const storedOutcome = (o: SchemaOutcome): SchemaOutcome => o.valid !== undefined && o.valid === o.salvaged ? { valid: o.valid, findings: o.findings, ids: o.ids } : o;

function computed(record: CheckRecord): void {
  checkCacheDirty = true;
  // Kept for appending only when there is a cache file to append to.
  if (checkCacheFiles.size > 0) checkCacheAdded.push(record[0] === 's' ? ['s', record[1], storedOutcome(record[2])] : record);
}

/** A hash of the code whose output the cache holds: the schemas, the checker, the body outline and its components, and what they import. */
const checkCode = (() => {
  const hash = createHash('sha1');
  const src = join(import.meta.dirname, '..');
  for (const dir of ['schema', 'validate', 'links', 'body', 'model', 'text']) {
    for (const name of readdirSync(join(src, dir)).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(src, dir, name)));
    }
  }
  return hash.digest('base64url');
})();

function readCheckCache(dir: string): void {
  if (checkCacheFiles.has(dir)) return;
  const file = new JournalFile<CheckRecord>(join(dir, CHECK_CACHE_FILE), `keyplan check cache ${checkCode}`);
  checkCacheFiles.set(dir, file);
  // No cache yet, an unreadable one, or one of other code: it is written again.
  const records = file.read();
  if (!records) checkCacheDirty = true;
  for (const [kind, key, value] of records ?? []) {
    if (kind === 's') {
      if (!schemaOutcomes.has(key)) schemaOutcomes.put(key, 'valid' in value ? { ...value, salvaged: value.valid } : value);
    } else if (kind === 'o') {
      if (!outlines.has(key)) outlines.put(key, value);
    } else if (!positions.has(key)) {
      positions.put(key, value);
    }
  }
}

function writeCheckCache(dir: string): void {
  const added = checkCacheAdded;
  checkCacheAdded = [];
  checkCacheFiles.get(dir)?.write(added, () => [
    ...[...schemaOutcomes.entries()].map(([key, o]): CheckRecord => ['s', key, storedOutcome(o)]),
    ...[...outlines.entries()].map(([key, o]): CheckRecord => ['o', key, o]),
    ...[...positions.entries()].map(([key, p]): CheckRecord => ['p', key, p]),
  ]);
}

export function checkFiles(files: readonly SourceFile[], options: Pick<CheckOptions, 'today' | 'perspectives' | 'rules'>): CheckResult {
  const plansSchema = planSchema(options.perspectives ?? DEFAULT_PERSPECTIVES);
  const plansKey = `plan:${(options.perspectives ?? DEFAULT_PERSPECTIVES).join(',')}`;
  const findings: Finding[] = [];
  const plans: CheckedPlan[] = [];
  const people: CheckedPerson[] = [];
  const planInputs: PlanInput[] = [];
  const personInputs: PersonInput[] = [];

  for (const source of files) {
    if (source.unreadable) {
      findings.push({ file: source.file, rule: source.unreadable.rule, path: [], message: source.unreadable.message,
        at: { line: source.unreadable.line, column: source.unreadable.column } });
    }
    if (source.kind === 'plan') {
      const { valid, salvaged, ids } = checkSchemaOnce(source, plansSchema, plansKey, findings);
      const outline = source.body === undefined ? undefined : outlineOf(source);
      if (outline && isOutlineError(outline)) {
        findings.push({ file: source.file, rule: 'keyplan/mdx', path: [], field: ['body'], at: outline, message: outline.message });
      }
      for (const problem of outline && !isOutlineError(outline) ? outline.problems : []) {
        findings.push({ file: source.file, rule: problem.rule ?? 'keyplan/body-code', path: [], field: ['body'], at: { line: problem.line, column: problem.column }, message: problem.message });
      }
      plans.push({ id: source.id, source, data: valid as PlanData | undefined, outline: outline && !isOutlineError(outline) ? outline : undefined });
      planInputs.push({ id: source.id, file: source.file, data: salvaged as Partial<PlanData> | undefined, writtenIds: new Map(ids) });
      if (source.body !== undefined && Buffer.byteLength(source.body) > BODY_WARN_BYTES) {
        const size = (Buffer.byteLength(source.body) / 1024 / 1024).toFixed(1);
        findings.push({ file: source.file, rule: 'keyplan/large-body', path: [], field: ['body'], at: { line: source.bodyLine!, column: 1 },
          message: `the body is ${size} MB; a plan's narrative over ${BODY_WARN_BYTES / 1024} KB slows every build: link long documents instead of pasting them` });
      }
    } else {
      const { valid, salvaged } = checkSchemaOnce(source, personSchema, 'person', findings);
      people.push({ id: source.id, source, data: valid as Person | undefined });
      personInputs.push({ id: source.id, file: source.file, data: salvaged as Partial<Person> | undefined });
    }
  }
  findings.push(...checkReferences(planInputs, personInputs, { today: options.today }));
  findings.push(...checkBodyLinks(plans, planInputs, personInputs));
  findings.push(...checkBodyComponents(plans.map((p, i) => ({ file: p.source.file, data: planInputs[i].data, writtenIds: planInputs[i].writtenIds,
    components: p.outline?.components ?? [] })), options.perspectives ?? DEFAULT_PERSPECTIVES));

  const issues = locate(findings, files, options.rules);
  return {
    issues,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    plans,
    people,
  };
}

/** Lists checked as a whole (selection weights sum to 100): one broken entry drops the list, so the total is not misreported. */
const WHOLE_LISTS = new Set(['selection']);

const outlines = new ContentCache<Outline | OutlineError>('outlines');

/** Bodies are outlined once per content hash: a dev server re-checks unchanged files for free. */
function outlineOf(source: SourceFile): Outline | OutlineError {
  let outline = outlines.get(source.hash);
  if (!outline) {
    outline = outlineBody(source.body!, source.bodyLine!);
    outlines.set(source.hash, outline);
    computed(['o', source.hash, outline]);
  }
  return outline;
}

/** Every body link must name a plan, item, heading or person that exists, with an allowed scheme. */
function checkBodyLinks(plans: readonly CheckedPlan[], planInputs: readonly PlanInput[], people: readonly PersonInput[]): Finding[] {
  const outlineById = new Map(plans.map((p) => [p.id, p.outline]));
  const targets = buildLinkTargets(planInputs.map((p) => ({ id: p.id, data: p.data, outline: outlineById.get(p.id) })), people, { base: '/' });
  const findings: Finding[] = [];
  for (const plan of plans) {
    for (const link of plan.outline?.links ?? []) {
      const resolved = resolveLink(link.url, plan.id, targets);
      if (resolved.kind === 'error') {
        findings.push({ file: plan.source.file, rule: 'keyplan/broken-link', path: [], field: ['body'],
          at: { line: link.line, column: link.column, endLine: link.endLine, endColumn: link.endColumn }, message: resolved.message });
      }
    }
  }
  return findings;
}

/**
 * Fields the reference rules read from every item of a list: an item with one
 * of these broken is left out whole, so no message is built on a missing value.
 * A broken field outside these only leaves that field out.
 */
const ITEM_NEEDS: Record<string, readonly string[]> = {
  goals: ['id', 'due'],
  stakeholders: ['id', 'name'],
  scorecard: ['id', 'measure'],
  risks: ['id'],
  actions: ['id', 'title', 'due', 'status'],
  opportunities: ['id'],
  competitors: ['id'],
  team: ['person'],
};

interface SchemaOutcome {
  valid?: unknown;
  salvaged?: unknown;
  findings: Finding[];
  /** A plan's item ids as written, before any checking: with the outcome, a file in the cache is never parsed. */
  ids?: [string, ItemKind][];
}

/** Schema outcomes by file content: a dev server re-checks unchanged files for free. */
const schemaOutcomes = new ContentCache<SchemaOutcome>('schema outcomes');

function checkSchemaOnce(source: SourceFile, schema: z.ZodType, schemaKey: string, findings: Finding[]): SchemaOutcome {
  const key = `${schemaKey}:${source.file}:${source.hash}`;
  let outcome = schemaOutcomes.get(key);
  if (!outcome) {
    const own: Finding[] = [];
    outcome = { ...checkSchema(source, schema, own), findings: own, ...(source.kind === 'plan' ? { ids: [...writtenIds(source.data)] } : {}) };
    schemaOutcomes.set(key, outcome);
    computed(['s', key, outcome]);
  }
  findings.push(...outcome.findings);
  return outcome;
}

/**
 * Runs the schema; on failure keeps what did pass (whole fields, list items,
 * and the sound fields of a broken item), so the reference rules still see
 * the rest of the file: a goal with a mistyped status still has its owner checked.
 */
function checkSchema(source: SourceFile, schema: z.ZodType, findings: Finding[]): { valid?: unknown; salvaged?: unknown } {
  if (source.data === undefined) return {};
  const result = schema.safeParse(source.data);
  if (result.success) return { valid: result.data, salvaged: result.data };
  findings.push(...schemaFindings(source.file, schema, source.data, result.error.issues));
  // Per top-level field: broken whole, or the broken fields of each list item ('*': the item itself).
  const broken = new Map<string, Map<number, Set<string>> | 'whole'>();
  for (const issue of result.error.issues) {
    const [key, index, field] = issue.path as FieldPath;
    if (key === undefined) continue;
    const entry = broken.get(String(key));
    if (entry === 'whole') continue;
    if (typeof index !== 'number' || WHOLE_LISTS.has(String(key))) {
      broken.set(String(key), 'whole');
      continue;
    }
    const items = entry ?? new Map<number, Set<string>>();
    const fields = items.get(index) ?? new Set<string>();
    // An unknown key leaves the item sound; any other problem with the item itself drops it.
    if (field !== undefined) fields.add(String(field));
    else if (issue.code !== 'unrecognized_keys') fields.add('*');
    broken.set(String(key), items.set(index, fields));
  }
  const salvaged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source.data as Record<string, unknown>)) {
    const entry = broken.get(key);
    if (entry === 'whole') continue;
    if (!entry || !Array.isArray(value)) {
      salvaged[key] = value;
      continue;
    }
    salvaged[key] = value.flatMap((item: unknown, i) => {
      const fields = entry.get(i);
      if (!fields) return [item];
      if (fields.has('*') || (ITEM_NEEDS[key] ?? ['*']).some((f) => fields.has(f) || f === '*')) return [];
      return [Object.fromEntries(Object.entries(item as object).filter(([f]) => !fields.has(f)))];
    });
  }
  return { salvaged };
}

/** Item ids as written, before any checking. */
function writtenIds(data: unknown): Map<string, ItemKind> {
  const ids = new Map<string, ItemKind>();
  if (!data || typeof data !== 'object') return ids;
  for (const [list, kind] of Object.entries(ITEM_LISTS) as [ItemList, ItemKind][]) {
    const items = (data as Record<string, unknown>)[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const id = (item as { id?: unknown } | null)?.id;
      // An invalid id ("Grow Online") has its own error; references to the id it should have don't cascade.
      if (typeof id === 'string' && !ids.has(intendedId(id))) ids.set(intendedId(id), kind);
    }
  }
  return ids;
}

const positions = new ContentCache<{ line: number; column: number }>('positions');

function locate(findings: readonly Finding[], files: readonly SourceFile[], rules?: RuleOverrides): Issue[] {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const locators = new Map<string, Locator>();
  const issues = findings.flatMap((f): Issue[] => {
    const severity = levelOf(f.rule, rules);
    if (severity === 'off') return [];
    let position = f.at;
    if (!position) {
      const source = byFile.get(f.file)!;
      // Positions by file content: a dev refresh locates the findings of changed files only.
      const key = `${source.hash}\0${JSON.stringify(f.path)}\0${f.anchor ?? ''}`;
      position = positions.get(key);
      if (!position) {
        let locator = locators.get(f.file);
        if (!locator) {
          locator = new Locator(source.yaml, source.yamlLine);
          locators.set(f.file, locator);
        }
        position = locator.locate(f.path, f.anchor);
        positions.set(key, position);
        computed(['p', key, position]);
      }
    }
    const end = f.at?.endLine === undefined ? {} : { endLine: f.at.endLine, endColumn: f.at.endColumn };
    return [{ file: f.file, line: position.line, column: position.column, ...end, severity, rule: f.rule,
      field: formatFieldPath(f.field ?? f.path), message: f.message }];
  });
  return issues.sort(compareIssues);
}
