import { intToRoman } from '../roman.js';

/**
 * Facet buckets for the `period` facet: millennia before the Common Era (`m-3` = -3000..-2001,
 * "3rd millennium BC"; everything before -10000 is `m-11plus`) and centuries of the Common Era
 * (`c1` = 1..100 ... `c21` = 2001..2100). Keys sort chronologically with `periodBucketOrder`.
 */

/** A bucket's label in every language of the interface. */
export type BucketLabel = Record<'en' | 'fr' | 'es' | 'pt' | 'de' | 'ar' | 'uk', string>;

const MAX_MILLENNIUM = 10;
/** The last century with a bucket label: the 21st (2001–2100). */
const MAX_CENTURY = 21;

function enOrdinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const AR_CENTURY = [
  'الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر',
  'الحادي عشر', 'الثاني عشر', 'الثالث عشر', 'الرابع عشر', 'الخامس عشر', 'السادس عشر', 'السابع عشر',
  'الثامن عشر', 'التاسع عشر', 'العشرون', 'الحادي والعشرون', 'الثاني والعشرون',
];
const AR_MILLENNIUM = ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];

/** The bucket key of a signed year (BCE negative, no year 0). */
export function periodBucketOf(year: number): string | undefined {
  if (!Number.isFinite(year) || year === 0) return undefined;
  const y = Math.trunc(year);
  if (y < 0) {
    const m = Math.ceil(-y / 1000);
    return m > MAX_MILLENNIUM ? 'm-11plus' : `m-${m}`;
  }
  return `c${Math.ceil(y / 100)}`;
}

/** Sort position of a bucket key (chronological). */
export function periodBucketOrder(key: string): number {
  if (key === 'm-11plus') return -1_000_000;
  const m = /^m-(\d+)$/u.exec(key);
  if (m) return -Number(m[1]) * 1000;
  const c = /^c(\d+)$/u.exec(key);
  return c ? Number(c[1]) : Number.NaN;
}

/** Every bucket a range overlaps, in chronological order. An open end counts as its other end. */
export function periodBucketsOf(earliest?: number, latest?: number): string[] {
  const lo = earliest ?? latest;
  const hi = latest ?? earliest;
  if (lo === undefined || hi === undefined) return [];
  const from = Math.min(lo, hi);
  const to = Math.max(lo, hi);
  const out: string[] = [];
  const add = (k: string | undefined): void => {
    if (k && !out.includes(k)) out.push(k);
  };
  if (from < 0) {
    add(periodBucketOf(from));
    const firstM = Math.min(Math.ceil(-from / 1000), MAX_MILLENNIUM);
    const lastM = to < 0 ? Math.ceil(-to / 1000) : 1;
    for (let m = firstM; m >= lastM; m--) add(`m-${m}`);
  }
  if (to > 0) {
    const firstC = Math.max(1, Math.ceil(Math.max(from, 1) / 100));
    for (let c = firstC; c <= Math.ceil(to / 100); c++) add(`c${c}`);
  }
  return out;
}

/** Labels of a bucket key in every language of the interface (the `period` facet's labels). */
export function periodBucketLabel(key: string): BucketLabel | undefined {
  if (key === 'm-11plus') {
    return {
      en: 'Before the 10th millennium BC', fr: 'Avant le Xe millénaire av. J.-C.', es: 'Antes del X milenio a. C.',
      pt: 'Antes do X milénio a.C.', de: 'Vor dem 10. Jahrtausend v. Chr.',
      ar: 'قبل الألفية العاشرة قبل الميلاد', uk: 'Раніше X тисячоліття до н. е.',
    };
  }
  const m = /^m-(\d+)$/u.exec(key);
  if (m) {
    const n = Number(m[1]);
    if (n < 1 || n > MAX_MILLENNIUM) return undefined;
    const r = intToRoman(n);
    return {
      en: `${enOrdinal(n)} millennium BC`, fr: `${r}${n === 1 ? 'er' : 'e'} millénaire av. J.-C.`, es: `${r} milenio a. C.`,
      pt: `${r} milénio a.C.`, de: `${n}. Jahrtausend v. Chr.`,
      ar: `الألفية ${AR_MILLENNIUM[n - 1] ?? n} قبل الميلاد`, uk: `${r} тисячоліття до н. е.`,
    };
  }
  const c = /^c(\d+)$/u.exec(key);
  if (!c) return undefined;
  const n = Number(c[1]);
  if (n < 1 || n > MAX_CENTURY) return undefined;
  const r = intToRoman(n);
  return {
    en: `${enOrdinal(n)} century AD`, fr: `${r}${n === 1 ? 'er' : 'e'} siècle apr. J.-C.`, es: `Siglo ${r} d. C.`,
    pt: `Século ${r} d.C.`, de: `${n}. Jahrhundert n. Chr.`,
    ar: `القرن ${AR_CENTURY[n - 1] ?? n} الميلادي`, uk: `${r} століття н. е.`,
  };
}
