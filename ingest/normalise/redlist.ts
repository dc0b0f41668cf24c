import { resolve } from 'node:path';
import type { CanonicalRecord, CategoryStep, LangMap, ListRef } from '../../src/schemas/record.js';
import { applyCaption } from './caption-record.js';
import { applyDateFallback, applyPlaceFallback } from './redlist-fallbacks.js';
import type { Coverage, ListCategory, ListSection, NormalisedList } from './list-types.js';
import type { Parsers } from './parser-types.js';
import { emptyRecord, uniq, warning, type Normalised } from './record-base.js';
import { RawList, type RawCategory, type RawIllustration, type RawSection } from './redlist-schema.js';
import { childKeys, step, topLevelKeys } from './redlist-tree.js';

/**
 * One Red List transcription → the normalised list (for the lists index) and one canonical record
 * per illustration, id `<list id>:<n>`. A duplicated `n` never overwrites: the second copy gets
 * `<n>b` (then `c`, ...) and a DUPLICATE_ILLUSTRATION_NUMBER warning. A missing or empty caption
 * still gives a record (category, list, emergency) with a warning.
 */

export interface RedListContext {
  /** `source.name` of the records. */
  sourceName: string;
  /** File name stored on the records (`source.file`). */
  file: string;
  /** Folder the illustrations' image names are resolved against (`<lists>/../images`). */
  imagesDir: string;
  parsers: Parsers;
}

export type RedListResult =
  | { ok: true; list: NormalisedList; records: Normalised[] }
  | { ok: false; error: string };

interface Walk {
  raw: RawList;
  ctx: RedListContext;
  ref: ListRef;
  records: Normalised[];
  seen: Map<number, number>;
}

export function normaliseRedList(input: unknown, ctx: RedListContext): RedListResult {
  const parsed = RawList.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { ok: false, error: `not a Red List transcription: ${issues.slice(0, 5).join('; ')}` };
  }
  const raw = parsed.data;
  const p = ctx.parsers;
  const ref: ListRef = {
    id: raw.id,
    title: { ...raw.title },
    emergency: raw.emergency,
    ...(raw.number !== undefined ? { number: raw.number } : {}),
    ...(raw.year !== undefined ? { year: raw.year } : {}),
  };
  const w: Walk = { raw, ctx, ref, records: [], seen: new Map() };
  const listCoverage = coverage(raw.coverage, p);
  const keys = topLevelKeys(raw);
  const sections: ListSection[] = raw.sections.map((s, si) => {
    const section: ListSection = {
      ...(s.heading ? { heading: { ...s.heading } } : {}),
      emergency: s.emergency ?? raw.emergency,
      coverage: s.coverage ? coverage(s.coverage, p) : listCoverage,
      categories: [],
    };
    section.categories = s.categories.map((c, ci) => walkCategory(w, s, section, c, keys[si]?.[ci] ?? { key: '' }, [], []));
    return section;
  });
  const list: NormalisedList = {
    id: raw.id,
    ...(raw.number !== undefined ? { number: raw.number } : {}),
    title: { ...raw.title },
    ...(raw.year !== undefined ? { year: raw.year } : {}),
    ...(raw.published ? { published: raw.published } : {}),
    emergency: raw.emergency,
    coverage: listCoverage,
    zone: uniq(sections.filter((s) => s.emergency).flatMap((s) => s.coverage.countries)),
    languages: raw.languages,
    ...(raw.supersedes ? { supersedes: raw.supersedes } : {}),
    legislation: raw.legislation.map((l) => ({ ...pick(l, ['country', 'text', 'convention', 'ratified']), ...code(l.country, p) })),
    contacts: raw.contacts.map((c) => ({ name: c.name, ...pick(c, ['city', 'country']), ...code(c.country, p) })),
    suspiciousCharacteristics: raw.suspicious_characteristics,
    sections,
    illustrationCount: w.records.length,
    source: { name: ctx.sourceName, file: ctx.file },
    warnings: listCoverage.verbatim
      .filter((v) => !p.countries(v).length && !p.regions(v).length)
      .map((v) => warning('coverage', 'COUNTRY_UNKNOWN', 'coverage name not in the gazetteer', v)),
  };
  for (const r of w.records) {
    if (r.record.warnings.some((x) => x.code === 'DUPLICATE_ILLUSTRATION_NUMBER')) {
      list.warnings.push(warning('illustrations', 'DUPLICATE_ILLUSTRATION_NUMBER', `illustration number ${r.record.source.illustration} occurs more than once; this copy is ${r.record.id}`, String(r.record.source.illustration)));
    }
  }
  return { ok: true, list, records: w.records };
}

function walkCategory(
  w: Walk,
  s: RawSection,
  section: ListSection,
  c: RawCategory,
  at: { key: string; label?: LangMap | undefined },
  parents: CategoryStep[],
  parentDates: string[],
): ListCategory {
  const { key } = at;
  const path = [...parents, step(key, c, at.label)];
  const dates = c.dates ? [c.dates, ...parentDates] : parentDates;
  const node: ListCategory = {
    key,
    label: { ...(at.label ?? c.heading) },
    ...(c.dates ? { dates: c.dates } : {}),
    ...(c.text ? { text: { ...c.text } } : {}),
    illustrations: [],
    children: [],
  };
  for (const ill of c.illustrations ?? []) {
    const rec = illustration(w, s, section, c, path, dates, ill);
    node.illustrations.push(rec.record.id);
    w.records.push(rec);
  }
  const kids = c.subcategories ?? [];
  const keys = childKeys(key, kids);
  node.children = kids.map((k, i) => walkCategory(w, s, section, k, { key: keys[i] ?? '' }, path, dates));
  return node;
}

function illustration(
  w: Walk,
  s: RawSection,
  section: ListSection,
  c: RawCategory,
  path: CategoryStep[],
  dates: string[],
  ill: RawIllustration,
): Normalised {
  const { raw, ctx, ref } = w;
  const count = (w.seen.get(ill.n) ?? 0) + 1;
  w.seen.set(ill.n, count);
  const id = `${raw.id}:${ill.n}${count > 1 ? String.fromCharCode(96 + count) : ''}`;
  const lang = ill.lang ?? 'en';
  const caption = ill.caption?.trim() ?? '';
  const record: CanonicalRecord = emptyRecord(id, 'redlist', {
    name: ctx.sourceName,
    file: ctx.file,
    list: raw.id,
    illustration: ill.n,
    lang,
    ...(ill.caption !== undefined ? { text: ill.caption } : {}),
  });
  record.list = section.coverage.countries.length ? { ...ref, coverage: section.coverage.countries } : ref;
  record.category = path;
  record.emergency = { active: section.emergency, zone: section.emergency ? section.coverage.countries : [] };
  const text = c.text ?? {};
  if (Object.keys(text).length) record.description = { ...text };
  if (count > 1) {
    record.warnings.push(warning('id', 'DUPLICATE_ILLUSTRATION_NUMBER', `illustration number ${ill.n} already used in ${raw.id}; indexed as ${id}`, String(ill.n)));
  }
  if (ill.caption === undefined) record.warnings.push(warning('caption', 'CAPTION_MISSING', 'the illustration has no caption'));
  else if (caption === '') record.warnings.push(warning('caption', 'CAPTION_EMPTY', 'the illustration caption is empty', ill.caption));
  else applyCaption(record, caption, lang, section.coverage.countries, ctx.parsers);
  applyDateFallback(record, dates, s.heading?.en, lang, section.coverage.countries, ctx.parsers);
  applyPlaceFallback(record, section.coverage, caption !== '');
  const images = ill.image ? [{ source: ill.image, path: resolve(ctx.imagesDir, ill.image) }] : [];
  return { record, images };
}

function coverage(names: string[], p: Parsers): Coverage {
  return {
    countries: uniq(names.flatMap((n) => p.countries(n))),
    regions: uniq(names.flatMap((n) => (p.countries(n).length ? [] : p.regions(n)))),
    verbatim: [...names],
  };
}

function code(country: string | undefined, p: Parsers): { countryCode?: string } {
  const c = country ? p.countries(country)[0] : undefined;
  return c ? { countryCode: c } : {};
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) out[k] = o[k];
  return out;
}
