/**
 * Labels of the `period` facet's buckets (`m-3` = 3rd millennium BCE, `c18` = 18th century CE,
 * see `ingest/normalise/buckets.ts`) in the languages of the interface.
 */

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

function enOrdinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

type Labeller = (n: number, bce: boolean) => string;

const MILLENNIUM: Record<string, Labeller> = {
  en: (n, bce) => `${enOrdinal(n)} millennium ${bce ? 'BCE' : 'CE'}`,
  fr: (n, bce) => `${roman(n)}${n === 1 ? 'er' : 'e'} millénaire${bce ? ' av. J.-C.' : ''}`,
  es: (n, bce) => `${roman(n)} milenio${bce ? ' a. C.' : ' d. C.'}`,
  pt: (n, bce) => `${roman(n)} milénio${bce ? ' a.C.' : ' d.C.'}`,
  de: (n, bce) => `${n}. Jahrtausend${bce ? ' v. Chr.' : ' n. Chr.'}`,
  uk: (n, bce) => `${roman(n)} тисячоліття${bce ? ' до н. е.' : ' н. е.'}`,
  ar: (n, bce) => `الألفية ${n} ${bce ? 'ق.م' : 'م'}`,
};

const CENTURY: Record<string, Labeller> = {
  en: (n, bce) => `${enOrdinal(n)} century ${bce ? 'BCE' : 'CE'}`,
  fr: (n, bce) => `${roman(n)}${n === 1 ? 'er' : 'e'} siècle${bce ? ' av. J.-C.' : ''}`,
  es: (n, bce) => `siglo ${roman(n)}${bce ? ' a. C.' : ''}`,
  pt: (n, bce) => `século ${roman(n)}${bce ? ' a.C.' : ''}`,
  de: (n, bce) => `${n}. Jahrhundert${bce ? ' v. Chr.' : ''}`,
  uk: (n, bce) => `${roman(n)} століття${bce ? ' до н. е.' : ''}`,
  ar: (n, bce) => `القرن ${n}${bce ? ' ق.م' : ''}`,
};

/** `m-3` → "3rd millennium BCE", `c18` → "18th century"; undefined for anything else. */
export function periodBucketLabel(key: string, lang: string): string | undefined {
  const m = /^([mc])(-?)([1-9]\d{0,2})$/.exec(key);
  if (!m) return undefined;
  const n = Number(m[3]);
  const bce = m[2] === '-';
  const table = m[1] === 'm' ? MILLENNIUM : CENTURY;
  if (m[1] === 'm' ? n > 10 : n > 21) return undefined;
  return (table[lang] ?? table.en)!(n, bce);
}
