import type { CanonicalRecord } from '../../src/schemas/record.js';
import type { Coverage } from './list-types.js';
import type { Parsers } from './parser-types.js';
import { uniq, warning } from './record-base.js';

/**
 * When the caption gives no year range, the category's dates (innermost first, then its parent's)
 * and then the section (era) heading stand in for it, flagged DATE_FROM_CATEGORY or
 * DATE_FROM_SECTION: a range that describes the category, not this very object.
 */
export function applyDateFallback(
  record: CanonicalRecord,
  categoryDates: string[],
  sectionHeading: string | undefined,
  lang: string,
  regions: string[],
  p: Parsers,
): void {
  const d = record.date;
  if (d.earliest !== undefined || d.latest !== undefined) return;
  const candidates: [string, string][] = categoryDates.map((t) => [t, 'DATE_FROM_CATEGORY']);
  if (sectionHeading) candidates.push([sectionHeading, 'DATE_FROM_SECTION']);
  for (const [text, code] of candidates) {
    const parsed = p.date(text, lang, regions).value;
    if (parsed.earliest === undefined && parsed.latest === undefined) continue;
    if (parsed.earliest !== undefined) d.earliest = parsed.earliest;
    if (parsed.latest !== undefined) d.latest = parsed.latest;
    if (parsed.approximate) d.approximate = true;
    for (const period of parsed.periods) if (!d.periods.some((x) => x.key === period.key)) d.periods.push(period);
    const what = code === 'DATE_FROM_CATEGORY' ? 'category' : 'section';
    record.warnings.push(warning('date', code, `no date range in the caption; the ${what}'s dates are used`, text));
    return;
  }
}

/** The list's (or section's) coverage countries when the caption names no country. */
export function applyPlaceFallback(record: CanonicalRecord, coverage: Coverage, hadCaption: boolean): void {
  if (record.places.countries.length || !coverage.countries.length) return;
  record.places.countries = uniq(coverage.countries);
  const why = hadCaption ? 'the caption names no country' : 'there is no caption';
  record.warnings.push(
    warning('places.countries', 'COUNTRY_FROM_LIST', `${why}; the list's coverage countries are used`, coverage.verbatim.join('; ')),
  );
}
