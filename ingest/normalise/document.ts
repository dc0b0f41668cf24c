import type { CanonicalRecord, Dimension, LangMap, VocabTerm } from '../../src/schemas/record.js';
import { periodBucketsOf } from '../../src/domain/dates.js';
import { indexText as sharedIndexText, type IndexText, type TextPart } from './index-text.js';
import { recordHash } from './stable-json.js';

/**
 * A canonical record → the objects index document, exactly per `mappings/README.md`. `record`
 * keeps the record as stored; every other field is derived from it, plus the image descriptors
 * (stored beside the images, content-addressed by the sha256 the record holds).
 */

export interface DocumentDeps {
  /** Every name of a country (ISO code) in the languages the gazetteer knows, for free text. */
  countryNames(code: string): string[];
  /** The text of a `search.*` field from its parts; default: `index-text.ts`'s shared one. */
  indexText?: IndexText | undefined;
}

export type ObjectDocument = Record<string, unknown> & { id: string; content_hash: string };

const unionOf = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])];

const DIMENSIONS: Dimension[] = ['height', 'width', 'depth', 'length', 'diameter', 'thickness'];

const langs = (m: LangMap | undefined): string[] => (m ? Object.values(m) : []);
// A label in every language as one part (its values joined by spaces): tokens never span
// whitespace, so this gives the same index text as separate parts, and one repeated label is one
// part remembered whole by `indexText`.
const termText = (terms: VocabTerm[]): TextPart[] => terms.flatMap((t) => [langs(t.label), t.source ?? '']);

export function buildDocument(
  record: CanonicalRecord,
  deps: DocumentDeps,
  /** Image fields from `imageDocFields` (`img.*`, hash entries). */
  imageFields: Record<string, unknown> = {},
  hash: string = recordHash(record),
): ObjectDocument {
  const doc = derivedFields(record, deps, imageFields, hash);
  doc.record = record;
  return doc;
}

/**
 * `JSON.stringify(buildDocument(record, deps, imageFields, hash))`, byte for byte, with the record
 * part taken from `recordJson` (`JSON.stringify(record)`, already made for its hash) instead of
 * serialising the record a second time: `record` is the document's last member.
 */
export function documentJson(
  record: CanonicalRecord,
  deps: DocumentDeps,
  imageFields: Record<string, unknown>,
  hash: string,
  recordJson: string,
): string {
  const doc = derivedFields(record, deps, imageFields, hash);
  if (Object.hasOwn(doc, 'record')) {
    doc.record = record;
    return JSON.stringify(doc);
  }
  const head = JSON.stringify(doc);
  return `${head.slice(0, -1)},"record":${recordJson}}`;
}

/** Every member of the document but `record`, in the document's order. */
function derivedFields(record: CanonicalRecord, deps: DocumentDeps, imageFields: Record<string, unknown>, hash: string): ObjectDocument {
  const doc: ObjectDocument = { id: record.id, kind: record.kind, content_hash: hash, source_name: record.source.name, source_file: record.source.file };
  if (record.list) {
    doc.list_id = record.list.id;
    if (record.list.year !== undefined) doc.list_year = record.list.year;
  }
  doc.emergency = record.emergency.active;
  doc.emergency_zone = record.emergency.zone;
  const cat = record.category;
  doc.category_keys = cat.map((c) => c.key);
  const leaf = cat[cat.length - 1];
  if (leaf) {
    doc.category_leaf = leaf.key;
    doc.category_depth = cat.length;
  }
  doc.object_type_keys = record.objectType.map((t) => t.key);
  doc.material_keys = record.materials.map((t) => t.key);
  // A Red List category is at risk in every country its list covers: the country filter, facet and
  // bulk country signal use these as well as the countries the caption names.
  const coverage = record.list?.coverage;
  doc.countries = coverage?.length ? unionOf(record.places.countries, coverage) : record.places.countries;
  // The countries the caption itself names: ranking prefers a country's own examples.
  doc.origin_countries = record.places.countries;
  doc.regions = record.places.regions;
  doc.sites = record.places.sites;
  doc.cultures = record.places.cultures;
  doc.period_keys = record.date.periods.map((p) => p.key);
  const { earliest, latest } = record.date;
  doc.period_buckets = periodBucketsOf(earliest, latest);
  if (earliest !== undefined || latest !== undefined) {
    const lo = Math.min(earliest ?? latest ?? 0, latest ?? earliest ?? 0);
    const hi = Math.max(earliest ?? latest ?? 0, latest ?? earliest ?? 0);
    doc.date_range = { gte: lo, lte: hi };
    doc.date_earliest = lo;
    doc.date_latest = hi;
  }
  for (const dim of DIMENSIONS) {
    const m = record.measurements.dimensions.find((d) => d.dimension === dim);
    if (m) doc[`${dim}_mm`] = m.mm;
  }
  if (record.measurements.weightG !== undefined) doc.weight_g = record.measurements.weightG;
  if (record.holder?.institution) doc.holder_institution = record.holder.institution;
  if (record.holder?.inventoryNumber) doc.inventory_number = record.holder.inventoryNumber;
  doc.has_image = record.images.length > 0;
  doc.image_sha256 = record.images.map((i) => i.sha256);
  Object.assign(doc, imageFields);
  doc.warning_codes = [...new Set(record.warnings.map((w) => w.code))];
  const title = record.title.en ?? Object.values(record.title)[0] ?? record.objectType[0]?.label.en;
  if (title) doc.sort_title = title.slice(0, 256);
  doc.search = searchFields(record, deps);
  return doc;
}

/** Source texts of the warnings on a field (a module function: a closure per record costs more under tsx). */
function unparsed(r: CanonicalRecord, prefix: string): (string | undefined)[] {
  return r.warnings.filter((w) => w.field.startsWith(prefix) && w.source).map((w) => w.source);
}

function searchFields(r: CanonicalRecord, deps: DocumentDeps): Record<string, string> {
  const indexText = deps.indexText ?? sharedIndexText;
  const fields: Record<string, string | undefined> = {
    // Vocabulary, category, place and period parts come back in the same combinations on many
    // records: their whole answer is remembered (`repeats`).
    object_type: indexText(termText(r.objectType), true),
    title: indexText(langs(r.title)),
    category: indexText(r.category.map((c) => langs(c.label)), true),
    material: indexText([...termText(r.materials), r.materialText], true),
    place: indexText([...r.places.countries.map((c) => deps.countryNames(c)), ...r.places.regions, ...r.places.sites, ...r.places.cultures, r.places.source], true),
    period: indexText([...r.date.periods.map((p) => langs(p.label)), r.date.source, ...unparsed(r, 'date.periods')], true),
    // Caption parts no parser recognised (e.g. 'cuneiform') stay searchable as description text.
    description: indexText([...langs(r.description), r.maker, ...unparsed(r, 'caption')]),
    inscriptions: indexText([r.inscriptions]),
    holder: indexText([r.holder?.institution, r.holder?.inventoryNumber]),
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v) out[k] = v;
  return out;
}
