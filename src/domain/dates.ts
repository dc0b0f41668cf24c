import { lexDate, type DToken } from './dates/lexer.js';
import { scanPoints } from './dates/points.js';
import { resolvePoints, type Resolved } from './dates/resolve.js';
import { union } from './dates/spans.js';
import type { PeriodEntry } from './periods.js';

export { periodBucketLabel, periodBucketOf, periodBucketOrder, periodBucketsOf } from './dates/buckets.js';
export { ahToAd } from './dates/spans.js';

/**
 * Printed dates → signed year ranges. BCE years are negative; there is no year 0 (1 BC = -1).
 *
 * Conventions (see `dates/spans.ts` for the arithmetic):
 * - Nth century BC = -(N*100) .. -(N*100-99): `IIe s. av. J.-C.` → -200..-101.
 * - Nth century AD = (N-1)*100+1 .. N*100: `siglo XVIII` → 1701..1800.
 * - Nth millennium BC = -(N*1000) .. -(N*1000-999): `3rd millennium BC` → -3000..-2001.
 * - early / mid / late (début / milieu / fin, principios / mediados / finales, Anfang / Mitte /
 *   Ende) keep the first, second or last third; halves and quarters (`2nd half`, `1re moitié`,
 *   `4th quarter`) keep that part.
 * - `ca.`, `c.`, `circa`, `vers`, `env.`, `hacia`, `um`, `(?)` set `approximate` and keep the printed
 *   range; Hijri-only dates are converted approximately and marked approximate.
 * - A range's era printed once applies to both ends (`ca. 670–640 BC`, `1st–3rd c. AD`,
 *   `ca. AD 200 – 1521`); mixed eras and units are read as printed (`1st millennium BC – AD 1551`).
 * - `AH 1120 / AD 1708`: the AD side is used (the Hijri side's early/late modifier carries over).
 * - Explicit numbers win over period names (`Late Bronze Age (1550–1200 BC)` → -1550..-1200, with
 *   the period recorded); numbers in parentheses win over the text they qualify
 *   (`9th – 15th c. (802–1431)`); an open bound in parentheses narrows it (`(before 1463)`).
 * - `before` / `to` give only `latest`; `after`, `à partir de`, `et après` give only `earliest`.
 * - Comma- or semicolon-separated parts are combined (smallest range covering them).
 * Never throws; unreadable text gives no range and a `DATE_UNPARSED` warning.
 */

export interface DateWarning {
  code: string;
  message: string;
  source: string;
}
export interface ParsedDate {
  earliest?: number;
  latest?: number;
  approximate?: boolean;
  periods: { key: string; label: Record<string, string> }[];
  warnings: DateWarning[];
}
export interface DateOptions {
  lang?: string;
  /** ISO 3166-1 alpha-2 codes of the record's countries (chooses regional period readings). */
  regions?: string[];
}

interface ClauseResult extends Resolved {
  approx: boolean;
  undated: boolean;
  dateWord: boolean;
  residue: number;
  entries: PeriodEntry[];
  hasContent: boolean;
}

function splitClauses(toks: DToken[]): DToken[][] {
  const out: DToken[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (t.t === 'open') depth += 1;
    if (t.t === 'close') depth = Math.max(0, depth - 1);
    if (t.t === 'sep' && depth === 0) out.push([]);
    else out[out.length - 1]?.push(t);
  }
  return out.filter((c) => c.length > 0);
}

function parseFlat(toks: DToken[]): ClauseResult {
  const scan = scanPoints(toks);
  const res = resolvePoints(scan.points, scan.approx);
  return {
    ...res,
    approx: scan.approx,
    undated: scan.undated,
    dateWord: scan.dateWord,
    residue: scan.residue,
    entries: scan.points.flatMap((p) => (p.entry ? [p.entry] : [])),
    hasContent: scan.points.length > 0,
  };
}

/** One clause: the text outside parentheses, refined by what the parentheses hold. */
function parseClause(toks: DToken[]): ClauseResult {
  const outer: DToken[] = [];
  const inners: DToken[][] = [];
  let depth = 0;
  for (const t of toks) {
    if (t.t === 'open') {
      if (depth === 0) inners.push([]);
      depth += 1;
    } else if (t.t === 'close') depth = Math.max(0, depth - 1);
    else if (depth > 0) inners[inners.length - 1]?.push(t);
    else outer.push(t);
  }
  const res = parseFlat(outer);
  for (const tokens of inners) {
    const inner = parseFlat(tokens);
    res.approx ||= inner.approx;
    res.entries.push(...inner.entries);
    res.hasContent ||= inner.hasContent;
    if (!inner.numeric || (inner.converted && res.numeric)) {
      if (!res.numeric && inner.earliest !== undefined) Object.assign(res, union(res, inner));
      continue;
    }
    if (inner.earliest !== undefined && inner.latest !== undefined) {
      res.earliest = inner.earliest;
      res.latest = inner.latest;
    } else if (inner.latest !== undefined) {
      res.latest = res.latest === undefined ? inner.latest : Math.min(res.latest, inner.latest);
    } else if (inner.earliest !== undefined) {
      res.earliest = res.earliest === undefined ? inner.earliest : Math.max(res.earliest, inner.earliest);
    }
    res.numeric = true;
    res.converted ||= inner.converted;
  }
  return res;
}

export interface DateAnalysis extends ParsedDate {
  /**
   * Words outside parentheses the date grammar could not place (0 for a clean date part like
   * `ca. 670–640 BC`; parenthesised remarks such as `(with later carving)` do not count).
   */
  residue: number;
  /** A date, a period name, or a date word (`fecha`, `undated`, `n.d.`) was seen. */
  dateLike: boolean;
  /** The range came from printed numbers (not only from period names). */
  numeric: boolean;
}

/** `parseDate` with the extra facts the caption splitter needs. */
export function analyseDate(text: string, opts: DateOptions = {}): DateAnalysis {
  const out: DateAnalysis = { periods: [], warnings: [], residue: 0, dateLike: false, numeric: false };
  if (typeof text !== 'string' || text.trim() === '') return out;
  const source = text.trim();
  let clauses: ClauseResult[];
  try {
    clauses = splitClauses(lexDate(text, opts.regions)).map(parseClause);
  } catch (err) {
    out.warnings.push({ code: 'DATE_UNPARSED', message: `could not read date: ${String(err)}`, source });
    return out;
  }
  const numeric = clauses.filter((c) => c.numeric);
  const used = numeric.length > 0 ? numeric : clauses;
  let range: { earliest?: number; latest?: number } = {};
  for (const c of used) range = union(range, c);
  if (range.earliest !== undefined) out.earliest = range.earliest;
  if (range.latest !== undefined) out.latest = range.latest;
  const hasRange = out.earliest !== undefined || out.latest !== undefined;
  if (hasRange && used.some((c) => c.approx || c.converted)) out.approximate = true;
  const seen = new Set<string>();
  for (const e of clauses.flatMap((c) => c.entries)) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    out.periods.push({ key: e.key, label: { ...e.label } });
  }
  out.numeric = numeric.length > 0;
  out.residue = clauses.reduce((n, c) => n + c.residue, 0);
  out.dateLike = hasRange || out.periods.length > 0 || clauses.some((c) => c.undated || c.dateWord || c.hasContent);
  if (clauses.some((c) => c.unconvertible) && !hasRange) {
    out.warnings.push({ code: 'DATE_CALENDAR', message: `calendar not converted: "${source}"`, source });
  } else if (!hasRange && clauses.some((c) => c.undated)) {
    out.warnings.push({ code: 'DATE_UNDATED', message: `printed as undated: "${source}"`, source });
  } else if (!hasRange && out.periods.length === 0) {
    out.warnings.push({ code: 'DATE_UNPARSED', message: `date not understood: "${source}"`, source });
  }
  return out;
}

/** Parse a printed date (any notation listed above). Never throws. */
export function parseDate(text: string, opts: DateOptions = {}): ParsedDate {
  const a = analyseDate(text, opts);
  const out: ParsedDate = { periods: a.periods, warnings: a.warnings };
  if (a.earliest !== undefined) out.earliest = a.earliest;
  if (a.latest !== undefined) out.latest = a.latest;
  if (a.approximate) out.approximate = true;
  return out;
}

/**
 * A date typed in a search box (`"2nd millennium BC"`, `"siglo XVIII"`, `"Fatimid"`, `"1500-1600"`).
 * Same grammar as `parseDate`; a bare number is read as a year.
 */
export function parseDateQuery(text: string, opts: DateOptions = {}): ParsedDate {
  return parseDate(text, opts);
}
