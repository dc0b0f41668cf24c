import type { DateRange, Measurements, Period, VocabTerm, Warning } from '../../src/schemas/record.js';
import { countryNames, findCountries, findRegions, resolveCountry } from '../../src/domain/countries.js';
import { parseDate, type ParsedDate } from '../../src/domain/dates.js';
import { matchMaterials } from '../../src/domain/materials.js';
import { parseMeasurements, type ParsedMeasurements } from '../../src/domain/measurements.js';
import { objectTypesOfName } from '../../src/domain/object-types.js';
import { findPeriods } from '../../src/domain/periods.js';
import { labelsFor, type TermMatch } from '../../src/domain/vocabulary.js';
import { parseCaption } from './caption.js';
import { memoiseParsers } from './memo.js';
import type { DocumentDeps } from './document.js';
import { createIndexText } from './index-text.js';
import type { CaptionResult, Parsed, Parsers } from './parser-types.js';

/**
 * The one seam between the normalisers and the domain parsers (`src/domain/*`, the caption
 * splitter): everything is adapted here to the record schema's shapes.
 */

function terms(matches: TermMatch[], kind: 'material' | 'objectType'): VocabTerm[] {
  const out: VocabTerm[] = [];
  for (const m of matches) {
    if (out.some((t) => t.key === m.key)) continue;
    out.push({ key: m.key, label: labelsFor(m.key, kind) ?? { en: m.key }, source: m.source });
  }
  return out;
}

function toMeasurements(r: ParsedMeasurements, text: string): Measurements {
  return {
    dimensions: r.dimensions.map((d) => ({ dimension: d.dimension, mm: d.mm, source: d.source })),
    ...(r.weightG !== undefined ? { weightG: r.weightG } : {}),
    source: text,
  };
}

function toDate(r: ParsedDate, text: string): DateRange {
  return {
    ...(r.earliest !== undefined ? { earliest: r.earliest } : {}),
    ...(r.latest !== undefined ? { latest: r.latest } : {}),
    ...(r.approximate ? { approximate: true } : {}),
    periods: r.periods.map((p) => ({ key: p.key, label: { ...p.label } })),
    source: text,
  };
}

function measurements(text: string): Parsed<Measurements> {
  const r = parseMeasurements(text);
  return { value: toMeasurements(r, text), warnings: r.warnings.map((w) => ({ field: 'measurements', ...w })) };
}

function date(text: string, lang: string, regions?: string[]): Parsed<DateRange> {
  const r = parseDate(text, { lang, ...(regions?.length ? { regions } : {}) });
  return { value: toDate(r, text), warnings: r.warnings.map((w): Warning => ({ field: 'date', ...w })) };
}

function periods(text: string): Period[] {
  const out: Period[] = [];
  for (const m of findPeriods(text)) {
    if (!out.some((p) => p.key === m.entry.key)) out.push({ key: m.entry.key, label: { ...m.entry.label } });
  }
  return out;
}

function caption(text: string, lang: string, regions?: string[]): CaptionResult {
  const c = parseCaption(text, lang, regions?.length ? { regions } : {});
  const p = c.parts;
  const hasDate = p.dateText !== undefined || c.date.earliest !== undefined || c.date.latest !== undefined || c.date.periods.length > 0;
  return {
    objectName: p.objectName,
    materialText: p.materialText,
    placeTexts: p.placeText ?? [],
    maker: p.maker,
    ...(p.holder || p.inventoryNumber ? { holder: { institution: p.holder, inventoryNumber: p.inventoryNumber } } : {}),
    rest: p.rest,
    ...(p.dimensionsText ? { measurements: toMeasurements(c.measurements, p.dimensionsText) } : {}),
    ...(hasDate ? { date: toDate(c.date, p.dateText ?? '') } : {}),
    warnings: c.warnings,
  };
}

/** The domain parsers, unmemoised (pure). An ingest run wraps them with `runParsers`. */
export const defaultParsers: Parsers = {
  caption,
  measurements,
  date,
  periods,
  countries: (text) => findCountries(text),
  isCountry: (text) => resolveCountry(text) !== undefined,
  regions: (text) => findRegions(text).map((r) => r.key),
  materials: (text, lang) => terms(matchMaterials(text, lang), 'material'),
  objectTypes: (text, lang) => terms(objectTypesOfName(text, lang), 'objectType'),
};

/** Document helpers outside an ingest run (shared, bounded text memory). */
export const documentDeps: DocumentDeps = { countryNames };

/**
 * Parsers and document helpers for one ingest run: answers for repeated texts are remembered for
 * the run only, so memory is released when it ends and every run does its own work.
 */
export function runParsers(): { parsers: Parsers; deps: DocumentDeps } {
  return { parsers: memoiseParsers(defaultParsers), deps: { countryNames, indexText: createIndexText() } };
}
