import { findCountries, resolveCountryQuery } from '../domain/countries.js';
import { parseDateQuery } from '../domain/dates.js';
import { parseMeasurements } from '../domain/measurements.js';
import type { SearchDomain } from '../search/domain.js';
import { parseMeasure, type NumRange } from '../search/measure.js';
import type { DateSpan } from './date-tolerance.js';
import type { BulkInput, RowError } from './fields.js';
import { Memo } from '../memo.js';

/**
 * The structured inputs of a row read into what the query needs: ISO country codes, a year span,
 * millimetre ranges. A value that cannot be read is dropped with a warning naming the column (the
 * row is still checked on its other inputs): inventories carry "n.d.", "unknown", "see file".
 */

export const MEASURE_INPUTS = ['height', 'width', 'diameter'] as const;
export type MeasureInput = (typeof MEASURE_INPUTS)[number];
/** A single measurement matches within ±20 %, as `/v1/search`'s default tolerance. */
export const MEASURE_TOLERANCE = 0.2;

export interface Signals {
  countries: string[];
  /** The row's date as read; the query widens it by `dateWindow`. */
  date?: DateSpan;
  measures: { name: MeasureInput; field: string; range: NumRange }[];
  warnings: RowError[];
}

/**
 * Country codes named in a cell: the whole cell as a country (any language, ISO code, native
 * spelling: `Misr`, `Suriyah`), else every country the gazetteer finds in it as free text
 * (`Cairo, Egypt`, `Firenze; Italia`, a TGN hierarchy `…\nations\Misr\`, a site such as Palmyra).
 */
export function resolveCountries(text: string, domain: SearchDomain): string[] {
  const whole = domain.resolveCountry(text.trim()) ?? resolveCountryQuery(text);
  if (whole) return [whole];
  return findCountries(text).slice(0, 5);
}

/**
 * A year span from free text, read by the same date grammar as the captions (`1st millennium BC`,
 * `late 5th century BC`, `ca. 670–640 BC`, `Ming dynasty`, `AH 1120 / AD 1708`); the search's
 * year reader as a fallback. An open span (`before 1463`) is closed at its one end. `approximate`
 * when the text says so (`ca.`, `circa`, `about`...).
 */
export function readDate(text: string, domain: SearchDomain): DateSpan | undefined {
  const parsed = parseDateQuery(text);
  const from = parsed.earliest ?? domain.parseYear(text, 'earliest');
  const to = parsed.latest ?? domain.parseYear(text, 'latest');
  if (from === undefined && to === undefined) return undefined;
  const a = from ?? to!;
  const b = to ?? from!;
  return { ...(a <= b ? { from: a, to: b } : { from: b, to: a }), ...(parsed.approximate ? { approximate: true } : {}) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A measurement cell → the range to look for. A labelled text (`H: 9 7/16 in. (24 cm)`,
 * `24 x 13 cm`, a whole `Dimensions` column) gives the value of this dimension; otherwise the cell
 * is read as one value or a range like `/v1/search`'s measurement filters.
 */
export function readMeasure(name: MeasureInput | 'dimensions', text: string, domain: SearchDomain): { name: MeasureInput; range: NumRange }[] | string {
  const parsed = parseMeasurements(text);
  if (name === 'dimensions') {
    const out: { name: MeasureInput; range: NumRange }[] = [];
    for (const m of MEASURE_INPUTS) {
      const d = parsed.dimensions.find((x) => x.dimension === m);
      if (d) out.push({ name: m, range: { gte: round(d.mm * (1 - MEASURE_TOLERANCE)), lte: round(d.mm * (1 + MEASURE_TOLERANCE)) } });
    }
    return out.length ? out : `"${clip(text)}" names no height, width or diameter with a unit`;
  }
  const simple = parseMeasure(text, 'length', MEASURE_TOLERANCE, domain);
  if (typeof simple !== 'string') return [{ name, range: simple }];
  const d = parsed.dimensions.find((x) => x.dimension === name) ?? (name === 'height' && parsed.dimensions.length === 1 ? parsed.dimensions[0] : undefined);
  if (d) return [{ name, range: { gte: round(d.mm * (1 - MEASURE_TOLERANCE)), lte: round(d.mm * (1 + MEASURE_TOLERANCE)) } }];
  return simple;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

const memo = new Memo<unknown>();
const cached = <T>(kind: string, text: string, f: () => T): T => memo.get(`${kind}\u0000${text}`, f) as T;

export function readSignals(fields: BulkInput, domain: SearchDomain): Signals {
  const warnings: RowError[] = [];
  let countries: string[] = [];
  if (fields.country) {
    const cell = fields.country;
    countries = cached('country', cell, () => resolveCountries(cell, domain));
    if (!countries.length) warnings.push({ field: 'country', reason: `"${clip(fields.country)}" is not a known country; ignored` });
  }
  let date: Signals['date'];
  if (fields.date) {
    const cell = fields.date;
    date = cached('date', cell, () => readDate(cell, domain));
    if (!date) warnings.push({ field: 'date', reason: `"${clip(fields.date)}" is not a date or period that can be read; ignored` });
  }
  const measures = new Map<MeasureInput, NumRange>();
  for (const name of [...MEASURE_INPUTS, 'dimensions'] as const) {
    const text = fields[name];
    if (!text) continue;
    const r = cached(name, text, () => readMeasure(name, text, domain));
    if (typeof r === 'string') warnings.push({ field: name, reason: `${r}; ignored` });
    else for (const m of r) if (!measures.has(m.name)) measures.set(m.name, m.range);
  }
  return {
    countries,
    ...(date ? { date } : {}),
    measures: [...measures].map(([name, range]) => ({ name, field: `${name}_mm`, range })),
    warnings,
  };
}
