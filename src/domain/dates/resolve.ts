import type { Era } from './lexicon.js';
import type { Point } from './points.js';
import { part, union, unitSpan, yearSpan, type Span } from './spans.js';

export interface Resolved {
  earliest?: number;
  latest?: number;
  /** At least one printed number (not only period names) gave the range. */
  numeric: boolean;
  /** Every number was in the Hijri (or another non-AD) calendar with no AD equivalent. */
  converted: boolean;
  /** An `AM` (or other unconvertible) date was dropped. */
  unconvertible: boolean;
}

const isCalendar = (p: Point | undefined): boolean => !!p && (p.era === 'ah' || p.era === 'am');

/** Points linked to each other (`–`, `/`, `or`) form one group; unlinked points start a new one. */
function groups(points: Point[]): Point[][] {
  const out: Point[][] = [];
  for (const p of points) {
    const cur = out[out.length - 1];
    if (p.link && cur) cur.push(p);
    else out.push([p]);
  }
  return out;
}

/** `1st–3rd c.`: an ordinal without a unit takes its neighbour's; alone it is a century. */
function propagateUnits(g: Point[]): Point[] {
  for (let i = 0; i < g.length; i++) {
    const p = g[i];
    if (!p || p.kind !== 'ordinal' || p.unit) continue;
    const right = g.slice(i + 1).find((q) => q.kind === 'ordinal' && q.unit);
    const left = g.slice(0, i).reverse().find((q) => q.kind === 'ordinal' && q.unit);
    const unit = right?.unit ?? left?.unit ?? (p.roman ? undefined : 'century');
    if (unit) p.unit = unit;
  }
  return g.filter((p) => p.kind !== 'ordinal' || !!p.unit);
}

function value(p: Point): number {
  return p.kind === 'ordinal' ? p.n * (p.unit === 'millennium' ? 1000 : 100) : p.n;
}

/** `670–640 BC`: an era printed once applies to the whole range; `ca. AD 200 – 1521` likewise. */
function propagateEras(g: Point[]): void {
  for (let i = 0; i < g.length; i++) {
    const p = g[i];
    if (!p || p.kind === 'period' || p.era) continue;
    let era: Era | undefined;
    let crossed = false;
    for (let k = i + 1; k < g.length; k++) {
      const q = g[k];
      if (!q) break;
      crossed ||= q.link === 'slash';
      if (q.kind === 'period' || !q.era) continue;
      // Across `/` only BC carries over (`1203-1200/1199 BC`); `AH 77–132 / AD 696–750` keeps AH.
      if (!crossed || q.era === 'bc') era = q.era;
      break;
    }
    if (!era) {
      const left = g.slice(0, i).reverse().find((q) => q.kind !== 'period' && q.era);
      if (left?.era === 'bc') era = value(p) <= value(left) ? 'bc' : 'ad';
      else if (left?.era) era = p.link === 'slash' && isCalendar(left) ? 'ad' : left.era;
    }
    if (era) p.era = era;
  }
}

/** `1035–36` → 1036, `1351/50` → 1350. */
function expandShortYears(g: Point[]): void {
  for (let i = 1; i < g.length; i++) {
    const a = g[i - 1];
    const b = g[i];
    if (!a || !b || a.kind !== 'year' || b.kind !== 'year' || b.digits > 2 || a.digits < 3 || b.n >= a.n || a.era !== b.era) continue;
    const base = 10 ** b.digits;
    // BC ranges run downwards, so `332-30 BC` is literal; only `1351/50 BC` is shortened.
    if (b.era === 'bc' && b.link !== 'slash') continue;
    let v = a.n - (a.n % base) + b.n;
    if (b.era === 'bc' ? v > a.n : v < a.n) v += b.era === 'bc' ? -base : base;
    b.n = v;
    b.digits = a.digits;
  }
}

/** `899 AH / AD 1493–1494`: the Hijri side is dropped for the AD one, passing on its modifier. */
function dropCalendarSides(g: Point[]): Point[] {
  const out = [...g];
  for (let i = 0; i < out.length; i++) {
    if (!isCalendar(out[i])) continue;
    let j = i;
    while (j + 1 < out.length && isCalendar(out[j + 1]) && out[j + 1]?.link === 'range') j += 1;
    const run = out.slice(i, j + 1);
    const next = out[j + 1];
    const prev = out[i - 1];
    const first = run[0];
    if (next && next.link === 'slash' && !isCalendar(next)) {
      if (first?.link) next.link = first.link;
      else delete next.link;
      if (run.length === 1 && first?.mod && !next.mod && first.kind === next.kind && first.unit === next.unit) next.mod = first.mod;
      out.splice(i, run.length);
      i -= 1;
    } else if (prev && first?.link === 'slash' && !isCalendar(prev)) {
      out.splice(i, run.length);
      i -= 1;
    }
  }
  return out;
}

function pointSpan(p: Point): Span | undefined {
  let span: Span | undefined;
  if (p.kind === 'period' && p.entry) span = [p.entry.earliest, p.entry.latest];
  else if (p.kind === 'ordinal') span = unitSpan(p.n, p.unit === 'millennium' ? 1000 : 100, p.era);
  else span = yearSpan(p.n, p.era, p.kind === 'decade');
  return span && p.mod ? part(span, p.mod) : span;
}

/** The range named by one clause's points: numbers first, period names when no number. */
export function resolvePoints(points: Point[], approx = false): Resolved {
  const res: Resolved = { numeric: false, converted: false, unconvertible: false };
  let numeric: { earliest?: number; latest?: number } | undefined;
  let named: { earliest?: number; latest?: number } | undefined;
  for (const raw of groups(points)) {
    let g = propagateUnits(raw);
    propagateEras(g);
    expandShortYears(g);
    // A one- or two-digit number with no era or `ca.` is not a year (`8 escudos`, `volume 1`).
    g = g.filter((p) => approx || !((p.kind === 'year' || p.kind === 'decade') && p.n < 100 && !p.era));
    g = dropCalendarSides(g);
    if (g.some((p) => p.era === 'am')) {
      res.unconvertible = true;
      g = g.filter((p) => p.era !== 'am');
    }
    const spans = g.map(pointSpan).filter((s): s is Span => !!s);
    if (spans.length === 0) continue;
    const first = g[0];
    const last = g[g.length - 1];
    const range: { earliest?: number; latest?: number } = {
      earliest: Math.min(...spans.map((s) => s[0])),
      latest: Math.max(...spans.map((s) => s[1])),
    };
    if (first?.bound === 'before') delete range.earliest;
    if (first?.bound === 'after' || (last !== first && last?.bound === 'after')) delete range.latest;
    const isNumeric = g.some((p) => p.kind !== 'period');
    if (isNumeric) {
      if (g.some((p) => p.era === 'ah')) res.converted = true;
      numeric = numeric ? union(numeric, range) : range;
    } else {
      named = named ? union(named, range) : range;
    }
  }
  const chosen = numeric ?? named;
  res.numeric = !!numeric;
  if (chosen?.earliest !== undefined) res.earliest = chosen.earliest;
  if (chosen?.latest !== undefined) res.latest = chosen.latest;
  return res;
}
