import { isAbsolute, resolve } from 'node:path';
import type { CanonicalRecord } from '../../src/schemas/record.js';
import type { Parsers } from '../normalise/parser-types.js';
import { addTerms, emptyRecord, uniq, warning, type ImageInput, type Normalised } from '../normalise/record-base.js';
import { mergeDate, mergeMeasurements, type YearFields } from './merge.js';
import { parsePath, selectTexts } from './paths.js';
import { applyList } from './list-ops.js';
import type { CompiledField, CompiledProfile } from './profile.js';
import { TARGETS, type ParseTransformName, type TargetDef, type TargetType } from './transforms.js';

/**
 * One row of a tabular source → a canonical record, through a compiled mapping profile.
 * Texts a parser cannot read are kept verbatim as warnings on the record.
 */

export interface RowContext {
  /** Source file name as stored on the record (`source.file`). */
  file: string;
  /** Folder image paths are resolved against (the source file's folder). */
  dir: string;
  parsers: Parsers;
}

export type MapResult = { ok: true; value: Normalised } | { ok: false; error: string };

export function mapRow(row: Record<string, unknown>, profile: CompiledProfile, ctx: RowContext): MapResult {
  const plan = planOf(profile);
  const ids: string[] = [];
  selectTexts(row, profile.id.path, profile.id.steps, ids);
  const native = ids[0];
  if (!native) return { ok: false, error: `no id: "${profile.id.path}" is empty or missing` };
  const record = emptyRecord(`${profile.source}:${native}`, profile.kind, { name: profile.source, file: ctx.file, lang: profile.lang });
  const images: ImageInput[] = [];
  for (const [target, value] of plan.constants) setString(record, target, value, false);
  const seen: Seen = { materials: undefined, objectType: undefined };
  const shared: (string[] | undefined)[] = plan.shared ? new Array<string[] | undefined>(plan.shared) : [];
  for (const field of plan.fields) applyField(record, images, row, field, profile, ctx, seen, shared);
  // A target fed by several fields warns once, when none of its inputs gave a value.
  if (record.places.source && !record.places.countries.length) {
    record.warnings.push(warning('places.countries', 'COUNTRY_UNKNOWN', 'no country recognised in the place names', record.places.source));
  }
  const materials = seen.materials;
  if (materials && !record.materials.length) {
    record.warnings.push(warning('materials', 'MATERIAL_UNKNOWN', 'no material of the vocabulary recognised', materials.join('; ')));
  }
  const types = seen.objectType;
  if (types && !record.objectType.length) {
    record.warnings.push(warning('objectType', 'OBJECT_TYPE_UNKNOWN', 'no object type of the vocabulary recognised', types.join('; ')));
  }
  return { ok: true, value: { record, images } };
}

/** The source values a vocabulary target was fed, for its one warning. */
interface Seen {
  materials: string[] | undefined;
  objectType: string[] | undefined;
}

/** What a field needs decided once per profile rather than per row. */
interface FieldPlan {
  field: CompiledField;
  type: TargetType;
  parse: CompiledField['parse'] | { name: ParseTransformName };
  /** `langmap`: the language written to. */
  lang: string;
  /** `date` with `dateRange(begin,end)`: the two year fields. */
  years: YearFields | undefined;
  /** Per source path: its slot in the row's cache when several fields read it, else -1. */
  slots: number[];
}

interface ProfilePlan {
  constants: [string, string][];
  fields: FieldPlan[];
  /** Number of source paths read by more than one field (their texts are read once per row). */
  shared: number;
}

// Compiled profiles are immutable once made: each is planned once, for as long as it is in use.
const plans = new WeakMap<CompiledProfile, ProfilePlan>();

function planOf(profile: CompiledProfile): ProfilePlan {
  let plan = plans.get(profile);
  if (!plan) {
    const uses = new Map<string, number>();
    for (const f of profile.fields) for (const from of f.from) uses.set(from.path, (uses.get(from.path) ?? 0) + 1);
    const slotOf = new Map<string, number>();
    for (const [path, n] of uses) if (n > 1) slotOf.set(path, slotOf.size);
    plan = {
      constants: Object.entries(profile.constants).filter((e): e is [string, string] => e[1] !== undefined),
      shared: slotOf.size,
      fields: profile.fields.map((field) => {
        const def: TargetDef = TARGETS[field.to];
        const parse = field.parse ?? (def.parse[0] ? { name: def.parse[0] as ParseTransformName } : undefined);
        const lang = (parse && 'arg' in parse ? parse.arg : undefined) ?? profile.lang;
        const args = parse?.name === 'dateRange' && 'args' in parse ? parse.args : undefined;
        const years: YearFields | undefined = args ? [yearField(args[0]), yearField(args[1])] : undefined;
        return { field, type: def.type, parse, lang, years, slots: field.from.map((f) => slotOf.get(f.path) ?? -1) };
      }),
    };
    plans.set(profile, plan);
  }
  return plan;
}

/** A year field's path, parsed now when it can be (else each row's `select` reports it, as before). */
function yearField(path: string): YearFields[number] {
  try {
    return { path, steps: parsePath(path) };
  } catch {
    return { path, steps: undefined };
  }
}

function applyField(
  record: CanonicalRecord,
  images: ImageInput[],
  row: Record<string, unknown>,
  plan: FieldPlan,
  profile: CompiledProfile,
  ctx: RowContext,
  seen: Seen,
  shared: (string[] | undefined)[],
): void {
  const field = plan.field;
  let values: string[] = [];
  for (let i = 0; i < field.from.length; i++) {
    const f = field.from[i] as CompiledField['from'][number];
    const slot = plan.slots[i] ?? -1;
    if (slot < 0) {
      selectTexts(row, f.path, f.steps, values);
      continue;
    }
    let texts = shared[slot];
    if (!texts) {
      texts = [];
      selectTexts(row, f.path, f.steps, texts);
      shared[slot] = texts;
    }
    for (const t of texts) values.push(t);
  }
  for (const t of field.list) values = applyList(t.name, t.arg, values, ctx.parsers);
  const p = ctx.parsers;
  switch (plan.type) {
    case 'langmap': {
      if (!values.length) return;
      const lang = plan.lang;
      const map = record[field.to as 'title' | 'description'];
      const text = values.length === 1 ? (values[0] as string) : values.join('\n\n');
      map[lang] = map[lang] ? `${map[lang]}\n\n${text}` : text;
      return;
    }
    case 'string':
    case 'strings':
      if (plan.parse?.name === 'regions') {
        const found: string[] = [];
        for (const v of values) for (const r of p.regions(v)) found.push(r);
        record.places.regions = uniq([...record.places.regions, ...found]);
        return;
      }
      for (const v of values) setString(record, field.to, v, plan.type === 'string');
      return;
    case 'countries': {
      if (!values.length) return;
      const countries = [...record.places.countries];
      for (const v of values) for (const c of p.countries(v)) countries.push(c);
      record.places.countries = uniq(countries);
      const src = values.join('; ');
      record.places.source = record.places.source ? `${record.places.source}; ${src}` : src;
      return;
    }
    case 'vocab': {
      if (!values.length) return;
      const materials = field.to === 'materials';
      const into = materials ? record.materials : record.objectType;
      for (const v of values) addTerms(into, materials ? p.materials(v, profile.lang) : p.objectTypes(v, profile.lang));
      const key = materials ? 'materials' : 'objectType';
      seen[key] = seen[key] ? [...seen[key], ...values] : values;
      if (materials && !record.materialText) record.materialText = values.join('; ');
      return;
    }
    case 'measurements':
      for (const v of values) mergeMeasurements(record, p.measurements(v));
      return;
    case 'date':
      mergeDate(record, values, plan.years, row, profile.lang, p);
      return;
    case 'periods':
      for (const v of values) {
        const found = p.periods(v, profile.lang);
        for (const period of found) if (!record.date.periods.some((x) => x.key === period.key)) record.date.periods.push(period);
        if (!found.length) record.warnings.push(warning('date.periods', 'PERIOD_UNKNOWN', 'period name not in the gazetteer', v));
      }
      return;
    case 'images':
      for (const v of values) images.push(resolveImage(v, ctx.dir));
      return;
  }
}

function setString(record: CanonicalRecord, target: string, value: string, single: boolean): void {
  switch (target) {
    case 'places.regions':
    case 'places.sites':
    case 'places.cultures': {
      const key = target.slice('places.'.length) as 'regions' | 'sites' | 'cultures';
      if (!record.places[key].includes(value)) record.places[key].push(value);
      return;
    }
    case 'holder.institution':
    case 'holder.inventoryNumber': {
      // The record's own holder (made here), so it is set in place; key order as a spread gives.
      const holder = (record.holder ??= {});
      holder[target === 'holder.institution' ? 'institution' : 'inventoryNumber'] = value;
      return;
    }
    case 'inscriptions':
    case 'maker':
    case 'materialText': {
      const prev = record[target];
      record[target] = single && prev ? `${prev}; ${value}` : value;
      return;
    }
  }
}

/** An image path relative to the source file's folder; URLs are kept as given but cannot be fetched. */
export function resolveImage(value: string, dir: string): ImageInput {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { source: value, path: undefined };
  return { source: value, path: isAbsolute(value) ? value : resolve(dir, value) };
}
