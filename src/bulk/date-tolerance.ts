/**
 * How far a row's date may be from a record's and still agree with it: the date counterpart of the
 * ±20 % tolerance on measurements. A date is known less precisely the further back it is (a few
 * decades are nothing at 2100 BC, a lot at 1900), and less precisely still when the registrar says
 * so, so the margin is a share of the date's age, with a floor:
 *
 * - a date as given (`1750`, `1650–1700`, `22nd century BC`): ±5 % of its age, at least 10 years;
 * - an approximate date (`ca.`, `circa`, `about`, `vers`, `um`, `(?)`, converted Hijri years; also
 *   a single year that is a round century, `2100 BC`, `1800`): ±10 % of its age, at least 25 years.
 *
 * The age is counted from AD 2000 (a fixed year, so a verdict does not drift over time). Each end
 * of the row's span gets the margin of its own age, and the record matches when its span meets the
 * widened one. E.g. `ca. 2100 BC` looks for 2510–1690 BC; `2100 BC` is a round century, the same;
 * `22nd century BC` 2410–1896 BC; `1750` 1737–1763; `ca. 1750` 1725–1775; `18th century` 1686–1810.
 * Outside the window the row's date contradicts the record (see `levels.ts`).
 */

export const DATE_TOLERANCE = {
  exact: { share: 0.05, minYears: 10 },
  approximate: { share: 0.1, minYears: 25 },
} as const;
/** Ages are counted back from this year. */
export const AGE_FROM_YEAR = 2000;

export interface DateSpan {
  from: number;
  to: number;
  /** The date said it is approximate (`ca.`, `circa`...). */
  approximate?: boolean;
}

/** A single year on a round century (`2100 BC`, `1800`) is a century written as a year. */
export const isRoundYear = (span: DateSpan): boolean => span.from === span.to && span.from % 100 === 0;

/** Years of margin at one end of a span. */
export function marginAt(year: number, approximate: boolean): number {
  const t = approximate ? DATE_TOLERANCE.approximate : DATE_TOLERANCE.exact;
  return Math.max(t.minYears, Math.round(t.share * Math.max(0, AGE_FROM_YEAR - year)));
}

/** The span a record's date must meet to agree with the row's. */
export function dateWindow(span: DateSpan): { from: number; to: number } {
  const approx = span.approximate === true || isRoundYear(span);
  return { from: span.from - marginAt(span.from, approx), to: span.to + marginAt(span.to, approx) };
}
