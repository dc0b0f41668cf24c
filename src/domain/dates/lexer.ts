import { findPeriods, type PeriodMatch } from '../periods.js';
import { romanToInt } from '../roman.js';
import {
  AFTER, AFTER_POST, APPROX, BEFORE, CENTURY, CONTEXT_ERAS, DASH, DATE_WORD, DECADE, ERA_PATTERNS, FILLER,
  foldSameLength, GERMAN_ORDINAL, MILLENNIUM, MOD_PATTERNS, NUMBER, NUMBER_BLOCKERS, nthPart, OR, ORDINAL, ROMAN,
  ORDINAL_WORD, ordinalWordValue, ROMAN_ORDINAL, UNCERTAIN, UNDATED, type Era,
} from './lexicon.js';

interface Pos {
  start: number;
  end: number;
}
export type DToken = Pos &
  (
    | { t: 'era'; era: Era }
    | { t: 'num'; n: number; digits: number; decade: boolean }
    | { t: 'ord'; n: number; roman: boolean }
    | { t: 'roman'; n: number }
    | { t: 'mod'; frac: [number, number] }
    | { t: 'period'; match: PeriodMatch }
    | { t: 'word'; text: string; blocker: boolean; filler: boolean }
    | {
        t: 'cent' | 'mill' | 'approx' | 'uncertain' | 'before' | 'after' | 'afterPost' | 'or' | 'slash'
          | 'sep' | 'open' | 'close' | 'undated' | 'dateword';
      }
    | { t: 'dash'; word: boolean }
  );

const VALUE_TYPES = new Set(['num', 'ord', 'roman', 'cent', 'mill']);
const WORD_RE = /[\p{L}\p{M}]+\.?/uy;
const LETTER = /[\p{L}\p{N}]/u;

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

function romanValue(word: string, max: number): number | undefined {
  const n = romanToInt(word);
  return n !== undefined && n >= 1 && n <= max ? n : undefined;
}

type Emit = (tok: DToken) => void;

/** Tokens that start with a digit. Returns the end offset, or -1. */
function lexDigits(s: string, i: number, emit: Emit): number {
  const mod = lexMod(s, i, emit);
  if (mod >= 0) return mod;
  let m = at(DECADE, s, i);
  if (m) {
    const n = Number(m[1] ?? m[2] ?? m[3]);
    emit({ t: 'num', n, digits: String(n).length, decade: true, start: i, end: i + m[0].length });
    return i + m[0].length;
  }
  m = at(GERMAN_ORDINAL, s, i) ?? at(ORDINAL, s, i);
  if (m) {
    emit({ t: 'ord', n: Number(m[1] ?? m[2]), roman: false, start: i, end: i + m[0].length });
    return i + m[0].length;
  }
  m = at(NUMBER, s, i);
  if (m) {
    const digits = (m[1] ?? '').replace(/,/gu, '');
    emit({ t: 'num', n: Number(digits), digits: digits.length, decade: false, start: i, end: i + m[0].length });
    return i + m[0].length;
  }
  return -1;
}

/** `early`, `mid`, `late`, `2nd half`, `1re moitié du`, `4th quarter`. Returns the end offset, or -1. */
function lexMod(s: string, i: number, emit: Emit): number {
  for (const [frac, re] of MOD_PATTERNS) {
    const m = at(re, s, i);
    if (!m) continue;
    const f = frac === 'nth' ? nthPart(m[1] ?? '', m[2] ?? '') : frac;
    if (f) {
      emit({ t: 'mod', frac: f, start: i, end: i + m[0].length });
      return i + m[0].length;
    }
  }
  return -1;
}

/** Tokens that start with a letter. Returns the end offset, or -1. */
function lexWord(s: string, i: number, emit: Emit, last: DToken | undefined): number {
  const simple = (t: 'undated' | 'approx' | 'afterPost' | 'before' | 'after' | 'or' | 'dateword', re: RegExp): number => {
    const m = at(re, s, i);
    if (!m) return -1;
    emit({ t, start: i, end: i + m[0].length } as DToken);
    return i + m[0].length;
  };
  let end = simple('undated', UNDATED);
  if (end >= 0) return end;
  const eras = last && VALUE_TYPES.has(last.t) ? [...ERA_PATTERNS, ...CONTEXT_ERAS] : ERA_PATTERNS;
  for (const [era, re] of eras) {
    const m = at(re, s, i);
    if (m) {
      emit({ t: 'era', era, start: i, end: i + m[0].length });
      return i + m[0].length;
    }
  }
  end = lexMod(s, i, emit);
  if (end >= 0) return end;
  const decade = at(DECADE, s, i);
  if (decade) {
    const n = Number(decade[2]);
    emit({ t: 'num', n, digits: String(n).length, decade: true, start: i, end: i + decade[0].length });
    return i + decade[0].length;
  }
  for (const [t, re] of [['approx', APPROX], ['afterPost', AFTER_POST], ['before', BEFORE], ['after', AFTER]] as const) {
    end = simple(t, re);
    if (end >= 0) return end;
  }
  let m = at(ORDINAL_WORD, s, i);
  const wn = m ? ordinalWordValue(m[1] ?? '') : undefined;
  if (m && wn !== undefined) {
    // A spelled-out ordinal needs its unit, like a Roman one.
    emit({ t: 'ord', n: wn, roman: true, start: i, end: i + m[0].length });
    return i + m[0].length;
  }
  m = at(ROMAN_ORDINAL, s, i);
  const rn = m ? romanValue(m[1] ?? '', 40) : undefined;
  if (m && rn !== undefined) {
    emit({ t: 'ord', n: rn, roman: true, start: i, end: i + m[0].length });
    return i + m[0].length;
  }
  for (const [t, re] of [['mill', MILLENNIUM], ['cent', CENTURY]] as const) {
    m = at(re, s, i);
    if (m) {
      emit({ t, start: i, end: i + m[0].length });
      return i + m[0].length;
    }
  }
  m = at(ROMAN, s, i);
  const bare = m ? romanValue(m[1] ?? '', 40) : undefined;
  if (m && bare !== undefined) {
    emit({ t: 'roman', n: bare, start: i, end: i + m[0].length });
    return i + m[0].length;
  }
  m = at(DASH, s, i);
  if (m) {
    emit({ t: 'dash', word: true, start: i, end: i + m[0].length });
    return i + m[0].length;
  }
  end = simple('or', OR);
  if (end >= 0) return end;
  end = simple('dateword', DATE_WORD);
  if (end >= 0) return end;
  m = at(WORD_RE, s, i);
  if (!m) return -1;
  const text = m[0].replace(/\.$/u, '');
  emit({ t: 'word', text, blocker: NUMBER_BLOCKERS.has(text), filler: FILLER.has(text), start: i, end: i + m[0].length });
  return i + m[0].length;
}

const SINGLE: Record<string, DToken['t']> = {
  '(': 'open', '[': 'open', ')': 'close', ']': 'close', ',': 'sep', ';': 'sep', '/': 'slash',
  '-': 'dash', '–': 'dash', '—': 'dash', '‒': 'dash', '−': 'dash', '?': 'uncertain',
};

/** Split a date text into tokens; period names (gazetteer) become single tokens. Never throws. */
// Cheap test: without a digit, a Roman numeral, a period name or one of these words, there is no date.
const HINT = /[\d\u0660-\u0669\u06f0-\u06f9]|\b[ivxlc]{1,7}(?:e|er|re|eme|o)?\b|si[eè]cle|siglo|s[eé]c|centur|mill[eé]n|milen|jahr|jh\b|ст|тисяч|век|قرن|الف|fecha|date|datum|дата|تاريخ|n\.\s?d|s\.\s?[df]/iu;

export function lexDate(text: string, regions?: string[]): DToken[] {
  const periods = findPeriods(text, regions ? { regions } : {});
  if (periods.length === 0 && !HINT.test(text)) return [];
  const s = foldSameLength(text);
  const out: DToken[] = [];
  const emit: Emit = (tok) => {
    out.push(tok);
  };
  let p = 0;
  let i = 0;
  while (i < s.length) {
    const period = periods[p];
    if (period && period.start <= i) {
      if (period.start === i || i < period.end) emit({ t: 'period', match: period, start: period.start, end: period.end });
      i = Math.max(i, period.end);
      p += 1;
      continue;
    }
    const ch = s[i] ?? '';
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    const unc = at(UNCERTAIN, s, i);
    if (unc && unc[0].length > 1) {
      emit({ t: 'uncertain', start: i, end: i + unc[0].length });
      i += unc[0].length;
      continue;
    }
    const single = SINGLE[ch];
    if (single) {
      emit(single === 'dash' ? { t: 'dash', word: false, start: i, end: i + 1 } : ({ t: single, start: i, end: i + 1 } as DToken));
      i += 1;
      continue;
    }
    const wordStart = !LETTER.test(s[i - 1] ?? '') || out[out.length - 1]?.end === i;
    let end = -1;
    if (wordStart && /\d/u.test(ch)) end = lexDigits(s, i, emit);
    else if (wordStart && /\p{L}/u.test(ch)) end = lexWord(s, i, emit, out[out.length - 1]);
    i = end > i ? end : i + 1;
  }
  return out;
}
