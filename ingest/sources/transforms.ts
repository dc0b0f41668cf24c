/**
 * The fixed set of transforms a mapping profile may name. A field's transform chain is zero or
 * more *list* transforms (strings in, strings out) followed by at most one *parse* transform that
 * turns the strings into the target's type; when the chain has no parse transform the target's
 * default applies (see `TARGETS`).
 */

export type TargetType = 'langmap' | 'string' | 'strings' | 'countries' | 'vocab' | 'measurements' | 'date' | 'periods' | 'images';

export interface TargetDef {
  type: TargetType;
  /** Parse transforms accepted for this target; the first is the default. */
  parse: string[];
}

export const TARGETS = {
  title: { type: 'langmap', parse: ['lang'] },
  description: { type: 'langmap', parse: ['lang'] },
  objectType: { type: 'vocab', parse: ['objectTypes'] },
  materials: { type: 'vocab', parse: ['materials'] },
  materialText: { type: 'string', parse: [] },
  measurements: { type: 'measurements', parse: ['measurements'] },
  date: { type: 'date', parse: ['date', 'dateRange'] },
  'date.periods': { type: 'periods', parse: ['periods'] },
  'places.countries': { type: 'countries', parse: ['countries'] },
  'places.regions': { type: 'strings', parse: ['regions'] },
  'places.sites': { type: 'strings', parse: [] },
  'places.cultures': { type: 'strings', parse: [] },
  inscriptions: { type: 'string', parse: [] },
  maker: { type: 'string', parse: [] },
  'holder.institution': { type: 'string', parse: [] },
  'holder.inventoryNumber': { type: 'string', parse: [] },
  images: { type: 'images', parse: [] },
} as const satisfies Record<string, TargetDef>;

export type Target = keyof typeof TARGETS;
export const TARGET_NAMES = Object.keys(TARGETS) as Target[];

/** List transforms: name → whether it takes an argument. */
export const LIST_TRANSFORMS = {
  /** to string, whitespace collapsed, trimmed; empty values dropped */
  text: 'none',
  /** split each value on a separator: `split:;` */
  split: 'required',
  /** join all values with a separator (default `; `): `join` or `join: / ` */
  join: 'optional',
  /** keep only the first value */
  first: 'none',
  /** drop repeated values */
  unique: 'none',
  /** prepend a fixed text: `prefix:Inv. ` */
  prefix: 'required',
  /** the path segment after a marker in `\`- or `/`-separated text: `pathAfter:nations` */
  pathAfter: 'required',
  /** drop values that name a country (keep sites and regions) */
  unlessCountry: 'none',
} as const;

/** Parse transforms: name → argument arity (`dateRange(beginField,endField)` takes two). */
export const PARSE_TRANSFORMS = {
  lang: 'required',
  objectTypes: 'none',
  materials: 'none',
  measurements: 'none',
  date: 'none',
  dateRange: 'pair',
  periods: 'none',
  countries: 'none',
  regions: 'none',
} as const;

export type ListTransformName = keyof typeof LIST_TRANSFORMS;
export type ParseTransformName = keyof typeof PARSE_TRANSFORMS;

export type TransformSpec =
  | { stage: 'list'; name: ListTransformName; arg?: string }
  | { stage: 'parse'; name: ParseTransformName; arg?: string; args?: [string, string] };

const SPEC_RE = /^([A-Za-z]+)(?:\((.*)\)|:(.*))?$/s;

/** Parses `name`, `name:arg` or `name(a,b)`; returns an error message instead of throwing. */
export function parseTransform(text: string): TransformSpec | string {
  const m = SPEC_RE.exec(text);
  const name = m?.[1];
  if (!m || !name) return `"${text}" is not a transform (expected name, name:arg or name(a,b))`;
  const arg = m[2] ?? m[3];
  if (Object.hasOwn(LIST_TRANSFORMS, name)) {
    const arity = LIST_TRANSFORMS[name as ListTransformName];
    if (arity === 'required' && !arg) return `transform "${name}" needs an argument: ${name}:<value>`;
    if (arity === 'none' && arg !== undefined) return `transform "${name}" takes no argument`;
    return { stage: 'list', name: name as ListTransformName, ...(arg !== undefined ? { arg } : {}) };
  }
  if (Object.hasOwn(PARSE_TRANSFORMS, name)) {
    const arity = PARSE_TRANSFORMS[name as ParseTransformName];
    if (arity === 'pair') {
      const parts = (m[2] ?? '').split(',').map((p) => p.trim());
      if (m[2] === undefined || parts.length !== 2 || !parts[0] || !parts[1]) {
        return `transform "${name}" needs two source fields: ${name}(beginField,endField)`;
      }
      return { stage: 'parse', name: name as ParseTransformName, args: [parts[0], parts[1]] };
    }
    if (arity === 'required' && !arg) return `transform "${name}" needs an argument: ${name}:<value>`;
    if (name === 'lang' && arg && !/^[a-z]{2}$/.test(arg)) return `transform "lang" needs an ISO 639-1 code, got "${arg}"`;
    if (arity === 'none' && arg !== undefined) return `transform "${name}" takes no argument`;
    return { stage: 'parse', name: name as ParseTransformName, ...(arg !== undefined ? { arg } : {}) };
  }
  const known = [...Object.keys(LIST_TRANSFORMS), ...Object.keys(PARSE_TRANSFORMS)].join(', ');
  return `unknown transform "${name}" (known: ${known})`;
}
