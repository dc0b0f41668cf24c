import { countryNames, countryLabel as gazetteerLabel, findCountries, resolveCountryQuery } from '../domain/countries.js';
import { REGION_BY_KEY, regionLabelIn, resolveRegion } from '../domain/regions.js';
import { findPeriods } from '../domain/periods.js';
import { parseDateQuery, periodBucketLabel as bucketLabels } from '../domain/dates.js';
import { fold, stem } from '../domain/fold.js';
import { parseLength, parseWeight } from '../domain/measurements.js';
import { MATERIALS } from '../domain/materials.js';
import { OBJECT_TYPES } from '../domain/object-types.js';
import { allPhrases } from '../domain/vocab/build.js';
import { labelFor, narrowerKeys, VOCAB_LANGS, type Vocabulary } from '../domain/vocabulary.js';
import { Memo } from '../memo.js';
import type { Expansion, SearchDomain } from './domain.js';
import { nearest } from './known-keys.js';

/**
 * The search's domain, bound to the project's vocabularies, gazetteers and parsers. Country names
 * and labels come from the project's gazetteer first, then from the runtime's CLDR data (every ISO
 * code, the interface languages), so a label never falls back to a bare code.
 */

const ISO_CODES = (() => {
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) out.push(String.fromCharCode(a, b));
  return out;
})();

const displayNames = new Map<string, Intl.DisplayNames>();
function names(lang: string): Intl.DisplayNames | undefined {
  let d = displayNames.get(lang);
  if (!d) {
    try {
      d = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    } catch {
      return undefined;
    }
    displayNames.set(lang, d);
  }
  return d;
}

/** Country names in the interface languages (folded) → ISO code, from the runtime's CLDR data. */
const byName: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const code of ISO_CODES) {
    for (const lang of VOCAB_LANGS) {
      const n = names(lang)?.of(code);
      if (n && n !== code) m.set(fold(n), code);
    }
  }
  return m;
})();
const KNOWN = new Set(byName.values());

/**
 * A pure function of a key and a language (or another short second argument) remembered per both:
 * hits and facets ask for the same few labels on every request. Bounded, since keys may come from
 * the request.
 */
function perLanguage<T>(compute: (key: string, lang: string) => T): (key: string, lang: string) => T {
  const memo = new Memo<T>(8_000);
  return (key, lang) => memo.get(`${lang}\u0000${key}`, () => compute(key, lang));
}

export const countryLabel: (code: string, lang: string) => string = perLanguage(computeCountryLabel);

function computeCountryLabel(code: string, lang: string): string {
  const own = gazetteerLabel(code, lang);
  if (own && (own !== gazetteerLabel(code, 'en') || lang === 'en')) return own;
  return names(lang)?.of(code) ?? own ?? names('en')?.of(code) ?? code;
}

export function resolveCountry(input: string): string | undefined {
  const t = input.trim();
  if (/^[A-Za-z]{2}$/.test(t) && KNOWN.has(t.toUpperCase())) return t.toUpperCase();
  return resolveCountryQuery(t) ?? byName.get(fold(t));
}

/** Bucket labels of the date module, in the language asked for (English otherwise). */
const periodLabel = perLanguage(computePeriodLabel);
function computePeriodLabel(key: string, lang: string): string | undefined {
  const labels = bucketLabels(key) as Record<string, string> | undefined;
  return labels && (labels[lang] ?? labels.en);
}

/** Years typed as text (`2000 BC`, `siglo XVIII`), parsed once per text and end (the date grammar is costly). */
const parseYear = perLanguage((text: string, end: string): number | undefined => {
  const d = parseDateQuery(text);
  return end === 'earliest' ? (d.earliest ?? d.latest) : (d.latest ?? d.earliest);
});

/**
 * Vocabulary keys a query names, as `expandQuery` of the vocabulary module finds them (phrases
 * first, every language), with each entry's terms computed once and shared, so a query costs one
 * scan of the phrase indices.
 */
const VOCABS: readonly Vocabulary[] = [MATERIALS, OBJECT_TYPES];
const expansions = new Map<string, Expansion>();

function expansionOf(vocab: Vocabulary, key: string): Expansion {
  const id = `${vocab.kind}:${key}`;
  let e = expansions.get(id);
  if (!e) {
    const entry = vocab.entries.get(key);
    e = { key, kind: vocab.kind, terms: entry ? allPhrases(entry) : [] };
    expansions.set(id, e);
  }
  return e;
}

export function expandQuery(text: string): Expansion[] {
  const out: Expansion[] = [];
  for (const vocab of VOCABS) {
    for (const hit of vocab.queryIndex.scan(text)) {
      for (const key of hit.value) {
        const e = expansionOf(vocab, key);
        if (!out.includes(e)) out.push(e);
      }
    }
  }
  return out;
}

const isTerm = (word: string) => VOCABS.some((v) => (v.queryIndex.exact(word)?.length ?? 0) > 0);

/**
 * German-style compounds (and the odd fused word elsewhere): two vocabulary terms written as one
 * word, with an optional linking `s` or `n`. Only words of 8+ Latin letters that are not terms
 * themselves; parts of at least 3 letters; the longest head that works wins.
 */
export function splitCompound(word: string): string[] | undefined {
  if (word.length < 8 || !/^[a-z]+$/.test(word) || isTerm(word)) return undefined;
  for (let i = word.length - 3; i >= 3; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (!isTerm(tail)) continue;
    if (isTerm(head)) return [head, tail];
    const linked = head.slice(0, -1);
    if ((head.endsWith('s') || head.endsWith('n')) && linked.length >= 3 && isTerm(linked)) return [linked, tail];
  }
  return undefined;
}

/**
 * Country and region names among the query's words, longest first (`costa rica`, `burkina
 * faso`), by whole name only: a country's names, adjectives and aliases in every language.
 */
export function placesIn(tokens: string[]): { field: 'countries' | 'regions'; value: string; covers: number[] }[] {
  const out: { field: 'countries' | 'regions'; value: string; covers: number[] }[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found = 0;
    for (let n = Math.min(3, tokens.length - i); n >= 1 && !found; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      if (phrase.length < 3) continue;
      const covers = Array.from({ length: n }, (_, k) => i + k);
      const country = resolveCountryQuery(phrase);
      const region = resolveRegion(phrase);
      if (country && !(n === 1 && /^[a-z]{2}$/.test(phrase))) out.push({ field: 'countries', value: country, covers });
      if (region) out.push({ field: 'regions', value: region.key, covers });
      if ((country && !(n === 1 && /^[a-z]{2}$/.test(phrase))) || region) found = n;
    }
    i += found || 1;
  }
  return out;
}

/** Period names among the words (the period gazetteer, every language), with the words they span. */
export function periodsIn(tokens: string[]): { key: string; earliest: number; latest: number; covers: number[]; countries?: string[] }[] {
  const text = tokens.join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const t of tokens) {
    starts.push(at);
    at += t.length + 1;
  }
  const out: { key: string; earliest: number; latest: number; covers: number[]; countries?: string[] }[] = [];
  for (const m of findPeriods(text)) {
    const covers = starts.flatMap((s, i) => (s >= m.start && s < m.end ? [i] : []));
    const e = m.entry;
    if (covers.length > 0) out.push({ key: e.key, earliest: e.earliest, latest: e.latest, covers, ...(e.region ? { countries: [...e.region] } : {}) });
  }
  return out;
}

/** Every country name the filter knows (folded) → its code: CLDR's and the gazetteer's. */
let allNames: Map<string, string> | undefined;
function suggestCountry(input: string): string | undefined {
  if (!allNames) {
    allNames = new Map(byName);
    for (const code of KNOWN) {
      for (const n of countryNames(code)) {
        const folded = fold(n);
        if (!allNames.has(folded)) allNames.set(folded, code);
      }
    }
  }
  const near = nearest(fold(input), allNames.keys());
  return near === undefined ? undefined : allNames.get(near);
}

export const realDomain: SearchDomain = {
  resolveRegion: (input) => (REGION_BY_KEY.has(input) ? input : resolveRegion(input)?.key),
  periodsIn,
  placesIn,
  splitCompound,
  expandQuery,
  narrowerKeys: (key) => narrowerKeys(key),
  vocabLabel: perLanguage((key, lang) => labelFor(key, lang)),
  resolveCountry,
  countriesIn: (text) => findCountries(text),
  suggestCountry,
  countryLabel,
  regionLabel: perLanguage((key, lang) => regionLabelIn(key, lang) ?? key),
  periodLabel,
  parseLength: (text, unit) => parseLength(text, unit),
  parseWeight: (text) => parseWeight(text),
  parseYear,
  stem,
};
