import type { Dimension } from '../../schemas/record.js';
import { prefixLabel } from './labels.js';
import { lookupUnit, type Unit } from './units.js';

/** Tokens of a measurement text. Offsets index the original string. */
export type MToken =
  | { t: 'num'; value: number; start: number; end: number }
  | { t: 'unit'; unit: Unit; start: number; end: number }
  | { t: 'label'; dim: Dimension; start: number; end: number }
  | { t: 'x' | 'range' | 'sep' | 'comma' | 'open' | 'close'; start: number; end: number }
  | { t: 'word'; word: string; start: number; end: number };

const VULGAR: Record<string, number> = {
  '½': 1 / 2, '¼': 1 / 4, '¾': 3 / 4, '⅓': 1 / 3, '⅔': 2 / 3, '⅕': 1 / 5, '⅖': 2 / 5, '⅗': 3 / 5,
  '⅘': 4 / 5, '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 1 / 8, '⅜': 3 / 8, '⅝': 5 / 8, '⅞': 7 / 8,
};
const V = '[½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]';

// Integer or decimal (point or comma), optionally followed by a fraction `7/16` or `½`;
// or a bare fraction. `1,25` is one and a quarter: captions in fr/es/pt/de use decimal commas.
const NUM_RE = new RegExp(`(\\d+)\\/(\\d+)|(\\d*[.,]?\\d+)(?:\\s+(\\d+)\\/(\\d+)(?!\\d)|\\s?(${V}))?|(${V})`, 'uy');
const WORD_RE = /[\p{L}\p{M}]+/uy;
const SPACE_RE = /[ \t\u00a0\u2009\u202f]+/uy;
const RANGE_WORDS = new Set(['to', 'a', 'à', 'bis', 'до', 'al', 'até']);
const X_WORDS = new Set(['x', 'X', 'by', 'por', 'sur']);

function fraction(num: string | undefined, den: string | undefined): number {
  const d = Number(den);
  return d > 0 ? Number(num) / d : 0;
}

/** Arabic-Indic and Persian digits and the Arabic decimal separator, replaced one for one. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b]/gu, (ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x066b) return '.';
    return String(cp >= 0x06f0 ? cp - 0x06f0 : cp - 0x0660);
  });
}

function readNumber(m: RegExpExecArray): number {
  if (m[1] !== undefined) return fraction(m[1], m[2]);
  if (m[3] !== undefined) {
    let v = Number(m[3].replace(',', '.'));
    if (m[4] !== undefined) v += fraction(m[4], m[5]);
    if (m[6] !== undefined) v += VULGAR[m[6]] ?? 0;
    return v;
  }
  return VULGAR[m[7] ?? ''] ?? 0;
}

/** Split a measurement text into tokens. Never throws; unknown characters are skipped. */
export function lexMeasurement(input: string, lang?: string): MToken[] {
  const text = asciiDigits(input);
  const out: MToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    SPACE_RE.lastIndex = i;
    if (SPACE_RE.exec(text)) {
      i = SPACE_RE.lastIndex;
      continue;
    }
    NUM_RE.lastIndex = i;
    const num = NUM_RE.exec(text);
    const leadingDot = ch === '.' && /\d/u.test(text[i + 1] ?? '') && !/[\d\p{L}]/u.test(text[i - 1] ?? '');
    if (num && (leadingDot || /[\d½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]/u.test(ch))) {
      out.push({ t: 'num', value: readNumber(num), start: i, end: NUM_RE.lastIndex });
      i = NUM_RE.lastIndex;
      continue;
    }
    const single = (t: 'x' | 'range' | 'sep' | 'comma' | 'open' | 'close'): void => {
      out.push({ t, start: i, end: i + 1 });
    };
    if (ch === '×' || ch === '✕' || ch === '*') single('x');
    else if (ch === '–' || ch === '—' || ch === '-' || ch === '−' || ch === '‒') single('range');
    else if (ch === ',') single('comma');
    else if (ch === ';' || ch === '\n' || ch === '\r' || ch === '|') single('sep');
    else if (ch === '(' || ch === '[') single('open');
    else if (ch === ')' || ch === ']') single('close');
    else if (ch === 'Ø' || ch === 'ø' || ch === '⌀' || ch === '∅') out.push({ t: 'label', dim: 'diameter', start: i, end: i + 1 });
    else if (ch === '"' || ch === '″' || ch === '”' || (ch === "'" && text[i + 1] === "'")) {
      const len = ch === "'" ? 2 : 1;
      const unit = lookupUnit('"');
      if (unit) out.push({ t: 'unit', unit, start: i, end: i + len });
      i += len;
      continue;
    } else {
      WORD_RE.lastIndex = i;
      const w = WORD_RE.exec(text);
      if (w) {
        const end = WORD_RE.lastIndex;
        out.push(classifyWord(w[0], text, i, end, lang));
        i = out[out.length - 1]?.end ?? end;
        continue;
      }
    }
    i += 1;
  }
  return out;
}

function classifyWord(word: string, text: string, start: number, end: number, lang?: string): MToken {
  const next = text[end];
  // Letters glued to a number are a suffix (`4th`, `2e`), or a unit (`24cm`), never a label.
  const glued = /\d/u.test(text[start - 1] ?? '');
  const dotted = next === '.' || next === ':';
  const withDot = next === '.' ? end + 1 : end;
  if (X_WORDS.has(word) && !(word === 'sur' && lang !== 'fr')) return { t: 'x', start, end };
  if (RANGE_WORDS.has(word.toLowerCase())) return { t: 'range', start, end };
  const unit = lookupUnit(word);
  if (unit) return { t: 'unit', unit, start, end: withDot };
  const dim = glued ? undefined : prefixLabel(word, dotted, lang);
  if (dim) return { t: 'label', dim, start, end: withDot };
  return { t: 'word', word, start, end };
}
