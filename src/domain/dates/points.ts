import type { PeriodEntry } from '../periods.js';
import type { DToken } from './lexer.js';
import type { Era } from './lexicon.js';

/** One dated thing printed in the text: a year, a decade, a century or millennium, or a period name. */
export interface Point {
  kind: 'year' | 'decade' | 'ordinal' | 'period';
  n: number;
  digits: number;
  unit?: 'century' | 'millennium';
  roman?: boolean;
  era?: Era;
  mod?: [number, number];
  /** How this point joins the previous one: a range (`–`, `to`, `or`) or an alternative (`/`). */
  link?: 'range' | 'slash';
  bound?: 'before' | 'after';
  entry?: PeriodEntry;
}

export interface PointScan {
  points: Point[];
  approx: boolean;
  undated: boolean;
  dateWord: boolean;
  /** Words the date grammar did not explain (to tell a date part from other text). */
  residue: number;
}

const VALUE = new Set(['num', 'ord', 'roman', 'cent', 'mill']);

interface Pending {
  mod?: [number, number];
  modDash: boolean;
  era?: Era;
  bound?: 'before' | 'after';
  unit?: 'century' | 'millennium';
  link?: 'range' | 'slash';
  blocked: boolean;
}

function push(out: PointScan, pend: Pending, p: Point): void {
  if (pend.mod) p.mod = pend.mod;
  if (pend.era && p.kind !== 'period') p.era = pend.era;
  if (pend.bound) p.bound = pend.bound;
  if (pend.link && out.points.length > 0) p.link = pend.link;
  out.points.push(p);
  pend.mod = undefined;
  pend.era = undefined;
  pend.bound = undefined;
  pend.link = undefined;
  pend.modDash = false;
}

/** Read the points of one clause (no separators, no parentheses) from its tokens. */
export function scanPoints(toks: DToken[]): PointScan {
  const out: PointScan = { points: [], approx: false, undated: false, dateWord: false, residue: 0 };
  const pend: Pending = { modDash: false, blocked: false };
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (!tok) continue;
    const prev = toks[i - 1];
    const last = out.points[out.points.length - 1];
    const lastIsPrev = !!prev && VALUE.has(prev.t);
    const blocked = pend.blocked;
    pend.blocked = false;
    switch (tok.t) {
      case 'approx':
      case 'uncertain':
        out.approx = true;
        break;
      case 'mod':
        pend.mod = pend.modDash && pend.mod ? [pend.mod[0], tok.frac[1]] : tok.frac;
        pend.modDash = false;
        break;
      case 'era':
        if (last && lastIsPrev && last.kind !== 'period' && !last.era) last.era = tok.era;
        else pend.era = tok.era;
        break;
      case 'num':
        if (blocked) {
          // `fases 1-2`, `nos. 3/4`: the whole run of numbers is not a date.
          const next = toks[i + 1];
          pend.blocked = next?.t === 'dash' || next?.t === 'slash' || next?.t === 'or';
        } else if (pend.unit && (prev?.t === 'cent' || prev?.t === 'mill') && !tok.decade && tok.n <= 40) {
          // `القرن 18`, `siglo 18`: a number right after a century word is the century.
          push(out, pend, { kind: 'ordinal', n: tok.n, digits: tok.digits, unit: pend.unit });
        } else if (tok.n > 0) push(out, pend, { kind: tok.decade ? 'decade' : 'year', n: tok.n, digits: tok.digits });
        break;
      case 'ord': {
        const p: Point = { kind: 'ordinal', n: tok.n, digits: String(tok.n).length, roman: tok.roman };
        if (pend.unit) p.unit = pend.unit;
        push(out, pend, p);
        break;
      }
      case 'roman': {
        const next = toks[i + 1];
        const chained = !!pend.link && !!last?.roman && !!last.unit;
        if (pend.unit || chained || next?.t === 'cent' || next?.t === 'mill') {
          const p: Point = { kind: 'ordinal', n: tok.n, digits: String(tok.n).length, roman: true };
          if (pend.unit) p.unit = pend.unit;
          push(out, pend, p);
        }
        break;
      }
      case 'cent':
      case 'mill': {
        const unit = tok.t === 'cent' ? 'century' : 'millennium';
        if (last && last.kind === 'ordinal' && (prev?.t === 'ord' || prev?.t === 'roman')) last.unit = unit;
        else if (last && last.kind === 'year' && prev?.t === 'num' && last.n <= 40 && !last.era) {
          // `18 ст.`, `3 тис.`: a small number before a century word is the century.
          last.kind = 'ordinal';
          last.unit = unit;
        }
        else if (!(prev && (prev.t === 'num' || prev.t === 'era'))) pend.unit = unit;
        break;
      }
      case 'dash':
      case 'or':
        if (blocked) pend.blocked = true;
        else if (prev?.t === 'mod') pend.modDash = true;
        else if (last) pend.link = 'range';
        else if (tok.t === 'dash' && tok.word) pend.bound = 'before';
        break;
      case 'slash':
        if (blocked) pend.blocked = true;
        else if (last) pend.link = 'slash';
        break;
      case 'before':
      case 'after':
        pend.bound = tok.t;
        break;
      case 'afterPost':
        if (last) last.bound = 'after';
        break;
      case 'period': {
        const p: Point = { kind: 'period', n: 0, digits: 0, entry: tok.match.entry };
        push(out, pend, p);
        break;
      }
      case 'word':
        if (tok.blocker) pend.blocked = true;
        if (!tok.filler) out.residue += 1;
        break;
      case 'undated':
        out.undated = true;
        break;
      case 'dateword':
        out.dateWord = true;
        break;
      case 'sep':
      case 'open':
      case 'close':
        break;
    }
  }
  return out;
}
