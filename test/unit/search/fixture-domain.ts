import { fold } from '../../../src/domain/fold.js';
import { parseLength, parseWeight } from '../../../src/domain/measurements.js';
import { stem } from '../../../src/domain/stem.js';
import type { Expansion, SearchDomain } from '../../../src/search/domain.js';

/**
 * A small fixed vocabulary and gazetteer for the builder's unit tests and golden snapshots, so they
 * pin the builder's behaviour and not the contents of the (growing) real vocabularies. Folding,
 * stemming and unit parsing are the real ones.
 */
const VOCAB: (Expansion & { labels: Record<string, string>; broader?: string })[] = [
  { key: 'manuscript', kind: 'objectType', terms: ['manuscript', 'manuscrit', 'manuscrito', 'مخطوط', 'рукопис', 'handschrift'], labels: { en: 'Manuscript', fr: 'Manuscrit' } },
  { key: 'tablet', kind: 'objectType', terms: ['tablet', 'tablette', 'tablilla', 'لوح', 'табличка', 'tafel'], labels: { en: 'Tablet', fr: 'Tablette' } },
  { key: 'statuette', kind: 'objectType', terms: ['statuette', 'figurine', 'estatuilla', 'تمثال صغير', 'статуетка'], labels: { en: 'Statuette' } },
  { key: 'metal', kind: 'material', terms: ['metal', 'métal', 'metall'], labels: { en: 'Metal', fr: 'Métal' } },
  { key: 'bronze', kind: 'material', terms: ['bronze', 'bronce', 'برونز', 'бронза'], labels: { en: 'Bronze', fr: 'Bronze' }, broader: 'copper-alloy' },
  { key: 'copper-alloy', kind: 'material', terms: ['copper alloy', 'alliage cuivreux'], labels: { en: 'Copper alloy' }, broader: 'metal' },
];

const COUNTRIES: Record<string, Record<string, string>> = {
  SY: { en: 'Syria', fr: 'Syrie', es: 'Siria', ar: 'سوريا', de: 'Syrien', uk: 'Сирія' },
  IQ: { en: 'Iraq', fr: 'Irak', es: 'Irak', ar: 'العراق', de: 'Irak', uk: 'Ірак' },
  UA: { en: 'Ukraine', fr: 'Ukraine', uk: 'Україна' },
  PE: { en: 'Peru', fr: 'Pérou', es: 'Perú' },
};

const BUCKETS: Record<string, string> = { 'm-3': '3rd millennium BCE', 'm-2': '2nd millennium BCE', 'm-1': '1st millennium BCE', c1: '1st century CE', c18: '18th century CE' };

export const fixtureDomain: SearchDomain = {
  expandQuery(text) {
    const toks = new Set(fold(text).split(/[^\p{L}\p{N}]+/u).map(stem));
    return VOCAB.filter((e) => e.terms.some((t) => fold(t).split(' ').every((w) => toks.has(stem(w))))).map(({ key, kind, terms }) => ({ key, kind, terms }));
  },
  narrowerKeys(key) {
    const out: string[] = [];
    const walk = (k: string) => VOCAB.filter((e) => e.broader === k).forEach((e) => (out.push(e.key), walk(e.key)));
    walk(key);
    return out;
  },
  vocabLabel: (key, lang) => {
    const e = VOCAB.find((v) => v.key === key);
    return e ? (e.labels[lang] ?? e.labels.en) : undefined;
  },
  resolveCountry(input) {
    if (/^[A-Z]{2}$/.test(input) && COUNTRIES[input]) return input;
    const f = fold(input);
    return Object.entries(COUNTRIES).find(([, names]) => Object.values(names).some((n) => fold(n) === f))?.[0];
  },
  countryLabel: (code, lang) => COUNTRIES[code]?.[lang] ?? COUNTRIES[code]?.en ?? code,
  regionLabel: (key) => key,
  periodLabel: (bucket) => BUCKETS[bucket],
  parseLength,
  parseWeight: (t) => parseWeight(t),
  parseYear(text, end) {
    const m = /^(\d+)\s*(bc|bce|av\. j\.-c\.)$/i.exec(text.trim());
    if (m) return -Number(m[1]);
    const ad = /^(?:ad\s*)?(\d+)(?:\s*ad)?$/i.exec(text.trim());
    return ad && end ? Number(ad[1]) : undefined;
  },
  stem,
};
