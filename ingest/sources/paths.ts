import { asText } from './list-ops.js';

/**
 * Field paths of a mapping profile: `Title`, `Creators.ConcatDisplayName`, `Geographies[*].GeographyTerm`,
 * `Images[0].Raw`, `Geographies[GeoType=Place of Origin|Place of Discovery].GeographyTerm`.
 * A step is a key, optionally followed by one pick: `[*]` (every element), `[n]` (one element) or
 * `[key=v1|v2]` (the elements whose `key` equals one of the values). Picking from an array without
 * a pick also visits every element, so `Creators.ConcatDisplayName` works on arrays too.
 */

export type Pick =
  | { type: 'all' }
  | { type: 'index'; index: number }
  | { type: 'where'; key: string; values: string[] };

export interface Step {
  key: string;
  pick?: Pick;
}

export class PathError extends Error {
  constructor(readonly path: string, message: string) {
    super(`path "${path}": ${message}`);
    this.name = 'PathError';
  }
}

const STEP_RE = /^([^[\]]+)(?:\[([^\]]*)\])?$/;

/** Splits a path into steps; dots inside a `[...]` pick do not split. Throws PathError. */
export function parsePath(path: string): Step[] {
  if (path.trim() === '') throw new PathError(path, 'is empty');
  const raw: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of path) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (depth < 0 || depth > 1) throw new PathError(path, 'has unbalanced brackets');
    if (ch === '.' && depth === 0) {
      raw.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) throw new PathError(path, 'has unbalanced brackets');
  raw.push(current);
  return raw.map((part) => parseStep(path, part));
}

function parseStep(path: string, part: string): Step {
  const m = STEP_RE.exec(part);
  if (!m || !m[1]) throw new PathError(path, `bad step "${part}"`);
  const key = m[1];
  const inner = m[2];
  if (inner === undefined) return { key };
  if (inner === '*') return { key, pick: { type: 'all' } };
  if (/^\d+$/.test(inner)) return { key, pick: { type: 'index', index: Number(inner) } };
  const eq = inner.indexOf('=');
  if (eq > 0) {
    const values = inner.slice(eq + 1).split('|').map((v) => v.trim());
    return { key, pick: { type: 'where', key: inner.slice(0, eq).trim(), values } };
  }
  throw new PathError(path, `bad pick "[${inner}]" (expected [*], [n] or [key=value|value])`);
}

function pick(value: unknown, p: Pick | undefined): unknown[] {
  if (p === undefined) return Array.isArray(value) ? value : [value];
  if (!Array.isArray(value)) return p.type === 'index' && p.index !== 0 ? [] : [value];
  if (p.type === 'all') return value;
  if (p.type === 'index') return p.index < value.length ? [value[p.index]] : [];
  return value.filter(
    (el) => el !== null && typeof el === 'object' && p.values.includes(String((el as Record<string, unknown>)[p.key])),
  );
}

/**
 * Every value the path reaches in a row, flattened, without null/undefined/empty strings.
 * A row key that equals the whole path (a CSV header such as `Dimensions.Height`) wins.
 */
export function select(row: Record<string, unknown>, path: string, steps: Step[] = parsePath(path)): unknown[] {
  if (Object.hasOwn(row, path)) return clean([row[path]]);
  let current: unknown[] = [row];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
      const child = (v as Record<string, unknown>)[step.key];
      if (child === undefined || child === null) continue;
      next.push(...pick(child, step.pick));
    }
    current = next;
  }
  return clean(current);
}

/**
 * `select(row, path, steps).map(asText).filter(Boolean)`, appended to `out`, without the
 * intermediate arrays (every mapped field of every row goes through here).
 */
export function selectTexts(row: Record<string, unknown>, path: string, steps: Step[], out: string[]): void {
  if (Object.hasOwn(row, path)) return pushTexts(row[path], out);
  const only = steps.length === 1 ? steps[0] : undefined;
  if (only && only.pick === undefined) {
    // One plain key: the child itself (an array is visited element by element, as `pick` does).
    return pushTexts(row[only.key], out);
  }
  for (const v of select(row, path, steps)) {
    const t = asText(v);
    if (t) out.push(t);
  }
}

function pushTexts(value: unknown, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) pushTexts(v, out);
    return;
  }
  const t = asText(value);
  if (t) out.push(t);
}

function clean(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (Array.isArray(v)) out.push(...clean(v));
    else if (v === null || v === undefined) continue;
    else if (typeof v === 'string' && v.trim() === '') continue;
    else out.push(v);
  }
  return out;
}
