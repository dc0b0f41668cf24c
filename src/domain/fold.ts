/**
 * Text folding shared by indexing and querying.
 *
 * Elasticsearch here has no asciifolding, stemmer or synonym filters, so every piece of text is
 * folded by these functions before it is indexed, and every query is folded by the same functions.
 * Both sides must therefore call exactly the same code: never fold "by hand" elsewhere.
 *
 * `fold(text)`:
 * - lowercases, decomposes (NFKD) and strips combining marks: é→e, ñ→n, ç→c, ü→u, й→и, ї→і, ё→е;
 * - letters with no decomposition: ø→o, ł→l, đ/ð→d, ß→ss, æ→ae, œ→oe, þ→th, ı→i, ħ→h, ŧ→t, ς→σ;
 * - Ukrainian ґ→г (a keyboard without ґ types г; both fold to г), і and є are kept;
 * - Arabic: strips tashkeel/harakat (they are combining marks) and tatweel, alef variants
 *   أ إ آ ٱ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي, Persian ی → ي and ک → ك, and Arabic-Indic (٠-٩)
 *   and Persian (۰-۹) digits → ASCII digits;
 * - every apostrophe-like sign (’ ‘ ʼ ʻ ʿ ʾ ` ´ ′) becomes ASCII `'`, typographic double quotes
 *   and guillemets become `"`; zero-width joiners are removed;
 * - collapses whitespace and trims. `fold(fold(x)) === fold(x)`.
 */

import { stem as stemToken } from './stem.js';

export { stem } from './stem.js';

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  ς: 'σ',
  ґ: 'г',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ـ: '',
  '\u200c': '',
  '\u200d': '',
  '\u200b': '',
  '\ufeff': '',
  '\u00ad': '',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'gu');

const APOSTROPHES_RE = /[’‘‛ʼʻʿʾ`´′]/gu;
const DOUBLE_QUOTES_RE = /[“”„‟«»″]/gu;
const COMBINING_RE = /\p{M}/gu;
const ARABIC_DIGITS_RE = /[\u0660-\u0669\u06f0-\u06f9]/gu;
const SPACE_RE = /\s+/gu;

function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return String(cp >= 0x06f0 ? cp - 0x06f0 : cp - 0x0660);
}

// Pure ASCII text (most of the data and nearly every query) needs only the steps that can change
// ASCII: lowercasing, the backtick apostrophe and whitespace. `foldGeneral` is the full pipeline;
// a unit test holds the two equal on ASCII input.
const ASCII_RE = /^[\x00-\x7f]*$/;

export function fold(text: string): string {
  if (ASCII_RE.test(text)) return text.toLowerCase().replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return foldGeneral(text);
}

/** The full folding pipeline (any script); `fold` takes a shortcut for ASCII text. */
export function foldGeneral(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_RE, '')
    .replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch)
    .toLowerCase()
    .replace(ARABIC_DIGITS_RE, asciiDigit)
    .replace(APOSTROPHES_RE, "'")
    .replace(DOUBLE_QUOTES_RE, '"')
    .replace(SPACE_RE, ' ')
    .trim();
}

/** A word as found in the source text, with its folded form and its position in the source. */
export interface Token {
  /** Folded form (see `fold`), never empty. */
  text: string;
  /** Offsets of the raw word in the source string (end exclusive). */
  start: number;
  end: number;
}

// A raw word: letters, marks, digits (any script), zero-width joiners, and apostrophes *between*
// such characters (so "qur'an", "d'ivoire" and "horse's" are single raw words; see splitApostrophes).
const WORD = "[\\p{L}\\p{M}\\p{N}\\u200c\\u200d]+";
const RAW_WORD_RE = new RegExp(`${WORD}(?:['’‘ʼʻʿʾ\`´]${WORD})*`, 'gu');
const NON_ALNUM_RE = /[^\p{L}\p{N}']+/u;

/** French and Italian elided articles/prepositions: `d'ivoire` → `d ivoire`. */
const ELISIONS = new Set(['qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'dell', 'nell', 'all', 'sull', 'dall', 'coll', 'quell', 'un']);

/**
 * An apostrophe inside a folded word: after an elision (`l'`, `d'`, `qu'`, `dell'`) it separates
 * two words; anywhere else (`qur'an`, `ityop'iya`, `horse's`, `al-'iraq`) it is dropped and the
 * parts are joined, so "Qur'an" and "Quran" fold to the same token.
 */
function splitApostrophes(word: string): string[] {
  if (!word.includes("'")) return [word];
  const parts = word.split("'").filter((p) => p.length > 0);
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    if (current === '') current = part;
    else if (current.length === 1 || ELISIONS.has(current)) {
      out.push(current);
      current = part;
    } else current += part;
  }
  if (current) out.push(current);
  return out;
}

/** Folded word tokens with source offsets: letters/digits of any script; punctuation splits. */
export function tokenSpans(text: string): Token[] {
  if (!ASCII_RE.test(text)) return tokenSpansGeneral(text);
  // ASCII: a raw word is letters and digits with apostrophes between; folding it is lowercasing.
  const lower = text.toLowerCase();
  const out: Token[] = [];
  scanAsciiWords(lower, (start, end, quoted) => {
    for (const word of asciiWordTokens(lower.slice(start, end), quoted)) out.push({ text: word, start, end });
  });
  return out;
}

/** `tokenSpans` for any script (no ASCII shortcut for the whole text). */
export function tokenSpansGeneral(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(RAW_WORD_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    for (const word of rawWordTokens(m[0])) if (word) out.push({ text: word, start, end });
  }
  return out;
}

/**
 * The folded tokens of one raw word. An ASCII raw word is letters, digits and `'`/`` ` `` between
 * them: folding it only lowercases it and turns `` ` `` into `'`, and it has nothing to split but
 * apostrophes (most words of mixed-script text; the same result as the full pipeline).
 */
function rawWordTokens(raw: string): string[] {
  if (ASCII_RE.test(raw)) return asciiWordTokens(raw.toLowerCase(), true);
  return fold(raw).split(NON_ALNUM_RE).flatMap(splitApostrophes);
}

/** Folded word tokens: `tokens("Côte d’Ivoire, 1,25 m")` → `["cote","d","ivoire","1","25","m"]`. */
export function tokens(text: string): string[] {
  if (ASCII_RE.test(text)) return asciiTokens(text.toLowerCase());
  // As `tokenSpansGeneral`, without the offsets.
  const out: string[] = [];
  const raws = text.match(RAW_WORD_RE);
  if (raws) for (const raw of raws) for (const word of rawWordTokens(raw)) if (word) out.push(word);
  return out;
}

const isAsciiAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;

/**
 * The words of lowercased ASCII text: letters and digits, with `'` or `` ` `` between them, found
 * by one scan (cheaper than a regular expression); `word` gets each one's offsets and whether it
 * holds an apostrophe.
 */
function scanAsciiWords(lower: string, word: (start: number, end: number, quoted: boolean) => void): void {
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiAlnum(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let quoted = false;
    for (;;) {
      while (i < n && isAsciiAlnum(lower.charCodeAt(i))) i++;
      const c = lower.charCodeAt(i);
      if ((c === APOSTROPHE || c === BACKTICK) && i + 1 < n && isAsciiAlnum(lower.charCodeAt(i + 1))) {
        quoted = true;
        i++;
      } else break;
    }
    word(start, i, quoted);
  }
}

/** The tokens of one scanned ASCII word: itself, or its parts around apostrophes. */
function asciiWordTokens(w: string, quoted: boolean): string[] {
  return quoted ? splitApostrophes(w.replace(/`/g, "'")).filter(Boolean) : [w];
}

/** `tokens` of ASCII text. */
function asciiTokens(lower: string): string[] {
  const out: string[] = [];
  scanAsciiWords(lower, (start, end, quoted) => {
    if (!quoted) out.push(lower.slice(start, end));
    else for (const part of asciiWordTokens(lower.slice(start, end), true)) out.push(part);
  });
  return out;
}


/**
 * The form to index in (and to query against) plain `whitespace`-analysed full-text fields:
 * folded tokens, each passed through `stem`, joined by single spaces. Apply it to the query too.
 */
export function searchText(text: string): string {
  return tokens(text).map(stemToken).join(' ');
}
