/** Turns zod's issues into findings a writer can act on. */
import type { z } from 'zod';
import { describeValue } from '../schema/primitives.ts';
import type { Finding } from './found.ts';
import type { RuleId } from './rule-registry.ts';
import { formatFieldPath, type FieldPath } from './issue.ts';
import { closest, didYouMean } from '../text/suggest.ts';

type ZodIssue = z.core.$ZodIssue;

export function schemaFindings(file: string, schema: z.ZodType, data: unknown, issues: readonly ZodIssue[]): Finding[] {
  // "sumary" also leaves "summary" missing: the unknown field's did-you-mean says it all, once.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = Object.keys(shapeAt(schema, issue.path as FieldPath) ?? {});
    for (const key of issue.keys) {
      const meant = closest(key, known);
      if (meant) misspelt.add(formatFieldPath([...(issue.path as FieldPath), meant]));
    }
  }
  const findings: Finding[] = [];
  for (const issue of issues) findings.push(...fromIssue(file, schema, data, issue, issue.path as FieldPath));
  return findings.filter((f) => !(f.field && misspelt.has(formatFieldPath(f.field))));
}

function fromIssue(file: string, schema: z.ZodType, data: unknown, issue: ZodIssue, path: FieldPath): Finding[] {
  const value = valueAt(data, path);
  const parentPath = path.slice(0, -1);
  const at = (rule: RuleId, message: string, extra: Partial<Finding> = {}): Finding =>
    ({ file, rule, path, message, ...extra });

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = Object.keys(shapeAt(schema, path) ?? {});
      return issue.keys.map((key) => at('keyplan/unknown-field',
        `unknown field "${key}"${didYouMean(key, known) || (known.length ? `; allowed here: ${known.join(', ')}` : '')}`,
        { path: [...path, key], anchor: 'key' }));
    }
    case 'invalid_type': {
      const parent = valueAt(data, parentPath);
      const key = path[path.length - 1];
      const isMissing = value === undefined && parent !== null && typeof parent === 'object'
        && !(Array.isArray(parent) ? typeof key === 'number' && key < parent.length : Object.hasOwn(parent, key as string));
      if (isMissing && path.length > 0) {
        return [at('keyplan/missing-field', `missing required field "${String(key)}"${hint(schema, path)}`, { path: parentPath, anchor: 'object', field: path })];
      }
      if (value === null && issue.expected !== 'null') {
        return [at('keyplan/wrong-type', `has no value: write ${expectedWords(issue.expected)} after the colon, or remove the line`)];
      }
      if (issue.message.startsWith('Invalid input')) {
        return [at('keyplan/wrong-type', `expected ${expectedWords(issue.expected)}, got ${describeValue(value)}`)];
      }
      return [at('keyplan/wrong-type', issue.message)];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      if (typeof value !== 'string') {
        return [at('keyplan/not-allowed', `expected one of ${options.join(', ')}, got ${describeValue(value)}`)];
      }
      return [at('keyplan/not-allowed', `"${value}" is not allowed; use one of ${options.join(', ')}${didYouMean(value, options)}`)];
    }
    case 'invalid_union': {
      // Report the branch that fits the shape of what was written (a mapping for money).
      const branch = issue.errors.find((branchIssues) =>
        branchIssues.length > 0 && !branchIssues.some((b) => b.code === 'invalid_type' && b.path.length === 0));
      if (branch && value !== null && typeof value === 'object') {
        return branch.flatMap((b) => fromIssue(file, schema, data, b, [...path, ...(b.path as FieldPath)]));
      }
      return [at('keyplan/invalid-value', issue.message)];
    }
    case 'too_small':
    case 'too_big': {
      // The size of a list is a property of the list: point at its key, not its first entry.
      if (Array.isArray(value)) return [at('keyplan/out-of-range', issue.message, { anchor: 'key' })];
      if (issue.message.startsWith('Too ')) {
        const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
        return [at('keyplan/out-of-range', `must be ${bound}`)];
      }
      return [at('keyplan/out-of-range', issue.message)];
    }
    default:
      return [at('keyplan/invalid-value', issue.message)];
  }
}

function expectedWords(expected: string): string {
  switch (expected) {
    case 'string': return 'text';
    case 'number': return 'a number';
    case 'boolean': return 'true or false';
    case 'array': return 'a list';
    case 'object': return 'a mapping of fields';
    default: return expected;
  }
}

/** What a missing field is for, from the schema's description. */
function hint(schema: z.ZodType, path: FieldPath): string {
  const key = path[path.length - 1];
  const shape = shapeAt(schema, path.slice(0, -1));
  const field = shape?.[key as string] as z.ZodType | undefined;
  const description = field?.description;
  return description ? ` (${description.charAt(0).toLowerCase()}${description.slice(1)})` : '';
}

export function valueAt(data: unknown, path: FieldPath): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** The fields of the object schema found at `path`, descending through lists and wrappers. */
export function shapeAt(schema: z.ZodType, path: FieldPath): Record<string, z.ZodType> | undefined {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const part of path) {
    if (!node) return undefined;
    const def = node.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] };
    if (def.type === 'array' && typeof part === 'number') node = unwrap(def.element!);
    else if (def.type === 'object' && typeof part === 'string') node = def.shape![part] ? unwrap(def.shape![part]) : undefined;
    else return undefined;
  }
  return node ? objectShape(node) : undefined;
}

function objectShape(node: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = node.def as { type: string; shape?: Record<string, z.ZodType>; options?: z.ZodType[] };
  if (def.type === 'object') return def.shape;
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const shape = objectShape(unwrap(option)!);
      if (shape) return shape;
    }
  }
  return undefined;
}

function unwrap(node: z.ZodType): z.ZodType | undefined {
  let current = node;
  for (;;) {
    const def = current.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(def.type)) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}
