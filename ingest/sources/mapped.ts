import { isAbsolute, resolve } from 'node:path';
import type { CanonicalRecord } from '../../src/schemas/record.js';
import type { Parsers } from '../normalise/parser-types.js';
import { addTerms, emptyRecord, uniq, warning, type ImageInput, type Normalised } from '../normalise/record-base.js';
import { mergeDate, mergeMeasurements } from './merge.js';
import { select } from './paths.js';
import { applyList, asText } from './list-ops.js';
import type { CompiledField, CompiledProfile } from './profile.js';
import { TARGETS } from './transforms.js';

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
  const native = select(row, profile.id.path, profile.id.steps).map(asText).find(Boolean);
  if (!native) return { ok: false, error: `no id: "${profile.id.path}" is empty or missing` };
  const record = emptyRecord(`${profile.source}:${native}`, profile.kind, { name: profile.source, file: ctx.file, lang: profile.lang });
  const images: ImageInput[] = [];
  for (const [target, value] of Object.entries(profile.constants)) {
    if (value !== undefined) setString(record, target, value, false);
  }
  const seen = new Map<string, string[]>();
  for (const field of profile.fields) applyField(record, images, row, field, profile, ctx, seen);
  // A target fed by several fields warns once, when none of its inputs gave a value.
  if (record.places.source && !record.places.countries.length) {
    record.warnings.push(warning('places.countries', 'COUNTRY_UNKNOWN', 'no country recognised in the place names', record.places.source));
  }
  const materials = seen.get('materials');
  if (materials && !record.materials.length) {
    record.warnings.push(warning('materials', 'MATERIAL_UNKNOWN', 'no material of the vocabulary recognised', materials.join('; ')));
  }
  const types = seen.get('objectType');
  if (types && !record.objectType.length) {
    record.warnings.push(warning('objectType', 'OBJECT_TYPE_UNKNOWN', 'no object type of the vocabulary recognised', types.join('; ')));
  }
  return { ok: true, value: { record, images } };
}

function applyField(
  record: CanonicalRecord,
  images: ImageInput[],
  row: Record<string, unknown>,
  field: CompiledField,
  profile: CompiledProfile,
  ctx: RowContext,
  seen: Map<string, string[]>,
): void {
  let values = field.from.flatMap((f) => select(row, f.path, f.steps)).map(asText).filter((v): v is string => !!v);
  for (const t of field.list) values = applyList(t.name, t.arg, values, ctx.parsers);
  const def = TARGETS[field.to];
  const parse = field.parse ?? (def.parse[0] ? { name: def.parse[0] as NonNullable<CompiledField['parse']>['name'] } : undefined);
  const p = ctx.parsers;
  const src = values.join('; ');
  switch (def.type) {
    case 'langmap': {
      if (!values.length) return;
      const lang = (parse && 'arg' in parse ? parse.arg : undefined) ?? profile.lang;
      const key = field.to as 'title' | 'description';
      const text = values.join('\n\n');
      record[key][lang] = record[key][lang] ? `${record[key][lang]}\n\n${text}` : text;
      return;
    }
    case 'string':
    case 'strings':
      if (parse?.name === 'regions') {
        const found = values.flatMap((v) => p.regions(v));
        record.places.regions = uniq([...record.places.regions, ...(found.length ? found : [])]);
        return;
      }
      for (const v of values) setString(record, field.to, v, def.type === 'string');
      return;
    case 'countries': {
      if (!values.length) return;
      const codes = values.flatMap((v) => p.countries(v));
      record.places.countries = uniq([...record.places.countries, ...codes]);
      record.places.source = record.places.source ? `${record.places.source}; ${src}` : src;
      return;
    }
    case 'vocab': {
      const into = field.to === 'materials' ? record.materials : record.objectType;
      for (const v of values) addTerms(into, field.to === 'materials' ? p.materials(v, profile.lang) : p.objectTypes(v, profile.lang));
      if (values.length) seen.set(field.to, [...(seen.get(field.to) ?? []), ...values]);
      if (field.to === 'materials' && values.length && !record.materialText) record.materialText = src;
      return;
    }
    case 'measurements':
      for (const v of values) mergeMeasurements(record, p.measurements(v));
      return;
    case 'date':
      mergeDate(record, values, parse?.name === 'dateRange' && 'args' in parse ? parse.args : undefined, row, profile.lang, p);
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
      const key = target.slice('holder.'.length) as 'institution' | 'inventoryNumber';
      record.holder = { ...record.holder, [key]: value };
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
