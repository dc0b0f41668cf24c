import { INPUT_FIELDS, isTargetField, TARGET_FIELDS, type TargetField } from './fields.js';

/**
 * A mapping names, for the file's own columns (CSV headers, or NDJSON keys and dotted paths such
 * as `Geographies[0].GeographyTerm`), which of our inputs they fill. Several sources may fill one
 * input: their non-empty values are joined with ` ; ` in mapping order. Columns already named like
 * our inputs (any case) need no mapping; columns neither mapped nor ours are ignored.
 */
export type Mapping = Record<string, TargetField>;

export interface MappingProblem {
  name: string;
  reason: string;
}

/** Validates a mapping given as a JSON string or object; problems name the bad key. */
export function parseMapping(raw: unknown): { mapping: Mapping; problems: MappingProblem[] } {
  let value = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return { mapping: {}, problems: [] };
    try {
      value = JSON.parse(raw);
    } catch {
      return { mapping: {}, problems: [{ name: 'mapping', reason: 'is not valid JSON' }] };
    }
  }
  if (value === undefined || value === null) return { mapping: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { mapping: {}, problems: [{ name: 'mapping', reason: 'must be a JSON object of column name → input name' }] };
  }
  const mapping: Mapping = {};
  const problems: MappingProblem[] = [];
  for (const [source, target] of Object.entries(value as Record<string, unknown>)) {
    if (typeof target === 'string' && isTargetField(target) && source.trim() !== '') mapping[source] = target;
    else {
      problems.push({
        name: `mapping.${source}`,
        reason: `must name one of ${TARGET_FIELDS.join(', ')} (got ${JSON.stringify(target)})`,
      });
    }
  }
  return { mapping, problems };
}

/** One resolved source: where the value comes from, and which input it fills. */
export interface Binding {
  /** The name as written in the mapping or the header; reported in row errors. */
  source: string;
  target: TargetField;
}

const OURS = new Map<string, TargetField>(TARGET_FIELDS.map((f) => [f, f]));

/** CSV: which header column fills which input (index → binding). */
export function bindHeader(header: string[], mapping: Mapping): Map<number, Binding> {
  const byName = new Map<string, TargetField>();
  for (const [source, target] of Object.entries(mapping)) byName.set(source.trim().toLowerCase(), target);
  const bound = new Map<number, Binding>();
  header.forEach((rawName, i) => {
    const name = rawName.trim();
    const key = name.toLowerCase();
    const target = mapping[name] ?? byName.get(key) ?? OURS.get(key);
    if (target) bound.set(i, { source: name, target });
  });
  return bound;
}

/** True when at least one bound column is a search input (not only `ref`). */
export const hasSearchInput = (bindings: Iterable<Binding>): boolean =>
  [...bindings].some((b) => (INPUT_FIELDS as readonly string[]).includes(b.target));

type Segment = string | number;

/** `Geographies[0].GeographyTerm` or `Geographies.0.GeographyTerm` → segments. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Reads a path in a parsed JSON object: a literal top-level key wins over the dotted reading. */
export function readPath(obj: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(obj, path)) return obj[path];
  let cur: unknown = obj;
  for (const seg of parsePath(path)) {
    if (cur === null || cur === undefined) return undefined;
    if (typeof seg === 'number') cur = Array.isArray(cur) ? cur[seg] : (cur as Record<string, unknown>)[String(seg)];
    else if (typeof cur === 'object' && !Array.isArray(cur)) cur = (cur as Record<string, unknown>)[seg];
    else return undefined;
  }
  return cur;
}

/** NDJSON: the mapping's paths plus our own keys present at top level (any case). */
export function bindObject(obj: Record<string, unknown>, mapping: Mapping): { binding: Binding; value: unknown }[] {
  const out: { binding: Binding; value: unknown }[] = [];
  const mappedTargets = new Set<string>();
  for (const [source, target] of Object.entries(mapping)) {
    out.push({ binding: { source, target }, value: readPath(obj, source) });
    mappedTargets.add(source.toLowerCase());
  }
  for (const [key, value] of Object.entries(obj)) {
    const target = OURS.get(key.toLowerCase());
    if (target && !mappedTargets.has(key.toLowerCase()) && !Object.hasOwn(mapping, key)) {
      out.push({ binding: { source: key, target }, value });
    }
  }
  return out;
}
