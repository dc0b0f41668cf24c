import type { CanonicalRecord, DateRange, Measurements } from '../../src/schemas/record.js';
import type { Parsed, Parsers } from '../normalise/parser-types.js';
import { select, type Step } from './paths.js';

/** Adds parsed measurements to a record: new dimensions appended, weight kept if none yet. */
export function mergeMeasurements(record: CanonicalRecord, parsed: Parsed<Measurements>): void {
  const m = record.measurements;
  for (const d of parsed.value.dimensions) {
    if (!m.dimensions.some((x) => x.dimension === d.dimension)) m.dimensions.push(d);
  }
  if (m.weightG === undefined && parsed.value.weightG !== undefined) m.weightG = parsed.value.weightG;
  const src = parsed.value.source;
  if (src) m.source = m.source ? `${m.source}; ${src}` : src;
  record.warnings.push(...parsed.warnings);
}

function year(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** The begin and end year fields of `dateRange(begin,end)`, with their parsed paths. */
export type YearFields = [{ path: string; steps: Step[] | undefined }, { path: string; steps: Step[] | undefined }];

/**
 * A date from text, and, with `dateRange(begin,end)`, from numeric year fields: the numeric years
 * win when present (0/0 means unknown in museum exports), the text still gives periods and
 * `approximate`. Text warnings are dropped when the numeric years settle the range.
 */
export function mergeDate(
  record: CanonicalRecord,
  texts: string[],
  yearFields: YearFields | undefined,
  row: Record<string, unknown>,
  lang: string,
  p: Parsers,
): void {
  const text = texts.join('; ');
  const parsed: Parsed<DateRange> | undefined = text ? p.date(text, lang) : undefined;
  let begin: number | undefined;
  let end: number | undefined;
  if (yearFields) {
    begin = year(select(row, yearFields[0].path, yearFields[0].steps)[0]);
    end = year(select(row, yearFields[1].path, yearFields[1].steps)[0]);
    if (begin === 0 && end === 0) begin = end = undefined;
    if (begin !== undefined && end === undefined) end = begin;
    if (end !== undefined && begin === undefined) begin = end;
    if (begin !== undefined && end !== undefined && begin > end) [begin, end] = [end, begin];
  }
  const d = record.date;
  if (begin !== undefined && end !== undefined) {
    d.earliest = begin;
    d.latest = end;
  } else if (parsed) {
    if (parsed.value.earliest !== undefined) d.earliest = parsed.value.earliest;
    if (parsed.value.latest !== undefined) d.latest = parsed.value.latest;
  }
  if (parsed) {
    if (parsed.value.approximate) d.approximate = true;
    for (const period of parsed.value.periods) if (!d.periods.some((x) => x.key === period.key)) d.periods.push(period);
    if (begin === undefined) record.warnings.push(...parsed.warnings);
  }
  if (text) d.source = d.source ? `${d.source}; ${text}` : text;
}
