import type { Parsers } from '../normalise/parser-types.js';
import type { ListTransformName } from './transforms.js';

/** Applies one list transform (strings in, strings out). */
export function applyList(name: ListTransformName, arg: string | undefined, values: string[], parsers: Parsers): string[] {
  switch (name) {
    case 'text':
      return values.map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean);
    case 'split': {
      const sep = arg ?? ';';
      const out: string[] = [];
      for (const v of values) {
        for (const piece of v.split(sep)) {
          const t = piece.trim();
          if (t) out.push(t);
        }
      }
      return out;
    }
    case 'join':
      return values.length ? [values.join(arg ?? '; ')] : [];
    case 'first':
      return values.slice(0, 1);
    case 'unique':
      return [...new Set(values)];
    case 'prefix':
      return values.map((v) => `${arg ?? ''}${v}`);
    case 'pathAfter': {
      const marker = (arg ?? '').toLowerCase();
      const out: string[] = [];
      for (const v of values) {
        const parts = v.split(PATH_SEP_RE);
        for (let i = 0; i < parts.length; i++) {
          if ((parts[i] as string).trim().toLowerCase() !== marker) continue;
          const next = parts[i + 1]?.trim();
          if (next) out.push(next);
          break;
        }
      }
      return out;
    }
    case 'unlessCountry':
      return values.filter((v) => !parsers.isCountry(v));
  }
}

const PATH_SEP_RE = /[\\/]/;

/** Whitespace that `asText` changes: runs, anything but a plain space, at either end. */
const UNTIDY_SPACE_RE = /\s\s|[^\S ]|^\s|\s$/;

/** A source value as text: strings and numbers as they are, booleans as words, objects skipped. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return (UNTIDY_SPACE_RE.test(value) ? value.replace(/\s+/g, ' ').trim() : value) || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}
