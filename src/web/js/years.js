// Signed years as the API and the records use them: BCE negative, 1 BC = -1, no year 0.
// Users type years the way they write them: "-1000", "1000 BC", "1000 av. J.-C.", "1000 a. C.",
// "1000 v. Chr.", "1000 до н. е.", "١٠٠٠ ق.م", "AD 500", "500 CE", "500 n. Chr.", "500".

// Era words as typed (dots and hyphens become spaces; compared after normalise, below).
const BCE_WORDS = [
  'bce', 'bc', 'b c e', 'b c', 'av j c', 'avant j c', 'av jc', 'avant jesus christ', 'av n e', 'avant notre ere',
  'a c', 'ac', 'a de c', 'antes de cristo', 'a n e', 'ane', 'antes de nuestra era', 'a e c', 'antes da era comum',
  'v chr', 'vor christus', 'v u z', 'vor unserer zeitrechnung',
  'до н е', 'до нашої ери', 'до р х',
  'ق م', 'قم', 'قبل الميلاد',
];
const CE_WORDS = [
  'ce', 'ad', 'a d', 'c e', 'ap j c', 'apr j c', 'apres j c', 'apres jesus christ', 'de n e', 'd c', 'dc', 'despues de cristo',
  'd n e', 'depois de cristo', 'e c', 'n chr', 'nach christus', 'n u z', 'unserer zeitrechnung',
  'н е', 'нашої ери', 'р х',
  'م', 'ميلادي', 'ميلادية', 'بعد الميلاد',
];

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function normalise(text) {
  return String(text)
    .replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .toLowerCase()
    .replace(/[\u2212\u2012\u2013]/g, '-') // minus sign and dashes typed or pasted as a minus
    .replace(/(?<=[\p{L}.])-(?=\p{L})/gu, ' ') // "J.-C." is an era, not a minus
    .replace(/[.,'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Accents are dropped on both sides ("après", "нашої" as typed or not).
const BCE = BCE_WORDS.map(normalise);
const CE = CE_WORDS.map(normalise);

/**
 * Parses a year as typed. Returns { ok: true, year: null } for an empty field, { ok: true, year }
 * for a year, { ok: false, reason: 'format' | 'zero' } otherwise.
 */
export function parseYear(text) {
  const s = normalise(text ?? '');
  if (s === '') return { ok: true, year: null };
  const m = /^([^\d+-]*?)\s*([-+])?\s*(\d{1,5})\s*([^\d]*)$/.exec(s);
  if (!m) return { ok: false, reason: 'format' };
  const [, before = '', sign, digits, after = ''] = m;
  const era = [before, after].filter(Boolean).join(' ').trim();
  let negative = sign === '-';
  if (era) {
    if (BCE.includes(era)) {
      if (sign) return { ok: false, reason: 'format' };
      negative = true;
    } else if (!CE.includes(era)) {
      return { ok: false, reason: 'format' };
    } else if (sign === '-') {
      return { ok: false, reason: 'format' };
    }
  }
  const n = Number(digits);
  if (n === 0) return { ok: false, reason: 'zero' };
  return { ok: true, year: negative ? -n : n };
}

const ERA = {
  en: { bce: (n) => `${n} BC`, ce: (n) => `AD ${n}` },
  fr: { bce: (n) => `${n} av. J.-C.`, ce: (n) => `${n} apr. J.-C.` },
  es: { bce: (n) => `${n} a. C.`, ce: (n) => `${n} d. C.` },
  pt: { bce: (n) => `${n} a.C.`, ce: (n) => `${n} d.C.` },
  de: { bce: (n) => `${n} v. Chr.`, ce: (n) => `${n} n. Chr.` },
  uk: { bce: (n) => `${n} до н. е.`, ce: (n) => `${n} н. е.` },
  ar: { bce: (n) => `${n} ق.م`, ce: (n) => `${n} م` },
};

/** Formats a signed year; CE years get an era only when `withEra` (e.g. in a range that spans 1). */
export function formatYear(year, lang = 'en', withEra = false) {
  if (year === null || year === undefined || !Number.isFinite(Number(year))) return '';
  const n = Number(year);
  const era = ERA[lang] ?? ERA.en;
  if (n < 0) return era.bce(-n);
  return withEra ? era.ce(n) : String(n);
}

/** "1865 BC – 1833 BC", "AD 300 – AD 500" style range, eras shown when any end is BCE. */
export function formatRange(earliest, latest, lang = 'en') {
  const has = (v) => v !== null && v !== undefined;
  if (!has(earliest) && !has(latest)) return '';
  const spans = (has(earliest) && earliest < 0) || (has(latest) && latest < 0);
  const a = has(earliest) ? formatYear(earliest, lang, spans) : '…';
  const b = has(latest) ? formatYear(latest, lang, spans) : '…';
  return earliest === latest ? a : `${a} – ${b}`;
}
