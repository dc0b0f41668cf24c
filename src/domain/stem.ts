/**
 * Light, conservative inflection normaliser for *folded* tokens (see `fold`/`tokens`).
 *
 * It is applied identically at index time (caption language known) and at query time (language
 * unknown), so the rules are chosen by the token's script, never by a language code: a query
 * "statuettes" and an indexed "statuette" must meet. It only removes plural/case endings; it does
 * not reduce words to roots, and it never produces a stem shorter than the limits below.
 *
 * Latin script (en, fr, es, pt, de, it), stems of at least 4 letters:
 *  1. French plurals in -x: `-eaux`→`-eau` (sceaux→sceau), `-aux`→`-al` (métaux→métal),
 *     `-eux`/`-oux`→ drop `x` (bijoux→bijou);
 *  2. plural `-s`, except after `s`, `u`, `i` (glass, papyrus, lapis, Paris stay whole);
 *  3. `-ie`→`-i` and `-y`→`-i`, so ivory/ivories/ivorie, Italy/Italie and momie/momies meet;
 *  4. a final `-e` (statuette/statuettes → statuett, figure/figures → figur, collar/collares →
 *     collar, watch/watches → watch).
 *  Words of 3 letters (jar, cup, axe, urn) keep their plural: vocabularies list both forms.
 * Cyrillic (uk, ru), stems of at least 3 letters: one noun/adjective case or number ending
 *  (`-ами -ями -ові -ого -ому -ими -их -ої -ою -ею -ів -ах -ях -ам -ом -ий -ій -а -я -о -е -и -і
 *  -у -ю -ь`, in their folded forms): ікона/ікони/ікон → ікон, рукописів → рукопис.
 * Arabic, stems of at least 3 letters: the definite article with an optional one-letter
 *  proclitic (`ال وال بال كال فال لل`), then the feminine plural `-ات` or a final `-ه`
 *  (from ة): المخطوطات/مخطوطة/مخطوط → مخطوط. Broken plurals (تماثيل) are not handled.
 * Digits and other scripts are returned unchanged.
 */

const CYRILLIC_RE = /^[\u0400-\u04ff]+$/u;
const ARABIC_RE = /^[\u0600-\u06ff]+$/u;

/** `s` without its last `n` letters, plus `add`, unless that would leave fewer than 4 letters. */
function cutLatin(s: string, n: number, add = ''): string {
  const next = s.slice(0, s.length - n) + add;
  return next.length < 4 ? s : next;
}

const S = 0x73;
const I = 0x69;
const U = 0x75;
const X = 0x78;
const E = 0x65;
const Y = 0x79;

function stemLatin(t: string): string {
  let s = t;
  const last = s.charCodeAt(s.length - 1);
  if (last === X) {
    if (s.endsWith('eaux')) s = cutLatin(s, 1);
    else if (s.endsWith('aux')) s = cutLatin(s, 2, 'l');
    else if (s.endsWith('eux') || s.endsWith('oux')) s = cutLatin(s, 1);
  } else if (last === S) {
    // Plural -s, except after s, u, i.
    const before = s.charCodeAt(s.length - 2);
    if (before !== S && before !== I && before !== U) s = cutLatin(s, 1);
  }
  // -ie → -i and a final -e are the same cut; -y → -i.
  const end = s.charCodeAt(s.length - 1);
  if (end === E) s = cutLatin(s, 1);
  else if (end === Y && s.length >= 4) s = `${s.slice(0, -1)}i`;
  return s;
}

/** `/^[a-z]+$/`, by character codes. */
function isLatin(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

// Folded forms: й→и and ї→і, so "-ий" is "-ии", "-їв" is "-ів".
const CYRILLIC_ENDINGS = [
  'ами', 'ями', 'ові', 'еві', 'ого', 'ому', 'ими', 'ему',
  'их', 'іх', 'ої', 'ою', 'ею', 'ів', 'ах', 'ях', 'ам', 'ям', 'ом', 'ем',
  'ии', 'іи', 'ыи', 'ои', 'еи', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие',
  'а', 'я', 'о', 'е', 'и', 'і', 'у', 'ю', 'ь', 'ы',
];

function stemCyrillic(t: string): string {
  for (const e of CYRILLIC_ENDINGS) {
    if (t.endsWith(e) && t.length - e.length >= 3) return t.slice(0, t.length - e.length);
  }
  return t;
}

const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

function stemArabic(t: string): string {
  let s = t;
  for (const p of ARABIC_PREFIXES) {
    if (s.startsWith(p) && s.length - p.length >= 3) {
      s = s.slice(p.length);
      break;
    }
  }
  if (s.endsWith('ات') && s.length - 2 >= 3) s = s.slice(0, -2);
  else if (s.endsWith('ه') && s.length - 1 >= 3) s = s.slice(0, -1);
  return s;
}

/** Normalise one folded token (see the module comment for the exact rules). */
export function stem(token: string): string {
  // Only a Latin word ending in s, x, e or y can change; Cyrillic and Arabic words end in their
  // own script. Any other ASCII ending keeps the token as is (most words of a text).
  const last = token.charCodeAt(token.length - 1);
  if (last < 0x80 && last !== S && last !== X && last !== E && last !== Y) return token;
  if (isLatin(token)) return stemLatin(token);
  if (CYRILLIC_RE.test(token)) return stemCyrillic(token);
  if (ARABIC_RE.test(token)) return stemArabic(token);
  return token;
}
