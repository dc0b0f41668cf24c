import { AFRICA } from './countries/africa.js';
import { AMERICAS } from './countries/americas.js';
import { ASIA } from './countries/asia.js';
import { EUROPE } from './countries/europe.js';
import { OCEANIA } from './countries/oceania.js';
import { COUNTRY_LANGS, type CountryLang, type CountryRow } from './countries/types.js';
import { tokens } from './fold.js';
import { PhraseIndex } from './phrase-index.js';

export { findRegions, resolveRegion, REGIONS, type Region, type RegionMatch } from './regions.js';
export { COUNTRY_LANGS, type CountryLang } from './countries/types.js';

/**
 * Gazetteer of ISO 3166-1 alpha-2 countries (plus XK, Kosovo) with names in en, fr, es, pt, de, ar,
 * uk, native and historical spellings (Misr, Suriyah, Îran, Zhonghua, Ellás, Kampuchea…), adjectives
 * and, for free-text scanning only, major cities and sites.
 *
 * Adjective choices: demonyms that mostly locate an object are mapped (Syrian, égyptien, peruano,
 * Chinese — "Chinese porcelain" is Chinese). Left out on purpose: Greek, Roman, Arab/Arabic, Latin
 * (cultures or languages spread over many modern countries), American (Native/Latin American),
 * Dominican (also the religious order), Georgian (also the British period), Polish (also "polish").
 * Materials and techniques named after a country are blocked: Egyptian blue, India ink, bone china,
 * morocco leather, German silver… The river/valley of the Niger does not tag Niger, the Kingdom of
 * Benin tags Nigeria. "Congo" alone is the Republic of the Congo (CG), "Korea" alone South Korea.
 */

export const COUNTRY_ROWS: readonly CountryRow[] = [...AFRICA, ...AMERICAS, ...ASIA, ...EUROPE, ...OCEANIA];

const SCAN_BLOCKERS = [
  'niger valley', 'vallée du niger', 'valle del níger', 'niger river', 'river niger', 'fleuve niger', 'río níger',
  'middle niger', 'niger bend', 'boucle du niger', 'lake chad', 'lac tchad', 'lago chad', 'bight of benin',
  'bone china', 'china clay', 'china ink', 'china paint', 'chinese white', 'india ink', 'indian ink', 'indian red',
  'indian yellow', 'indian ocean', 'océan indien', 'océano índico', 'american indian', 'north american indian',
  'west indian', 'east indian', 'egyptian blue', 'bleu égyptien', 'azul egipcio', 'azul egípcio', 'egyptian faience',
  'faïence égyptienne', 'egyptian alabaster', 'albâtre égyptien', 'turkey red', 'guinea fowl', 'gulf of guinea',
  'golfe de guinée', 'new guinea', 'river jordan', 'jordan river', 'isla española', 'la española',
  'strait of gibraltar', 'détroit de gibraltar', 'japanese paper', 'japan paper', 'papier japon', 'papel japonés',
  'morocco leather', 'morocco binding', 'red morocco', 'brown morocco', 'green morocco', 'black morocco',
  'olive morocco', 'citron morocco', 'russia leather', 'dutch gold', 'dutch metal', 'german silver',
  'plaster of paris', 'french polish', 'paris green', 'spanish white', 'armenian bole', 'turkish knot',
];

const strip = (s: string): string => s.replace(/^[!~]/u, '').trim();
const split = (s: string | undefined): string[] => (s ?? '').split('|').map((x) => x.trim()).filter(Boolean);

const LABELS = new Map<string, Partial<Record<CountryLang, string>>>();
const NAMES = new Map<string, string[]>();
const EXACT = new PhraseIndex<string>();
const SCAN = new PhraseIndex<string>();
for (const b of SCAN_BLOCKERS) SCAN.add(b, null);

for (const [code, names, aliases, demonyms] of COUNTRY_ROWS) {
  const labels: Partial<Record<CountryLang, string>> = {};
  const all: string[] = [];
  split(names).forEach((raw, i) => {
    const lang = COUNTRY_LANGS[i];
    if (lang) labels[lang] = strip(raw);
  });
  for (const raw of [...split(names), ...split(aliases), ...split(demonyms)]) {
    const name = strip(raw);
    if (!raw.startsWith('~')) EXACT.add(name, code);
    if (!raw.startsWith('!')) SCAN.add(name, code);
    if (!raw.startsWith('~') && !all.includes(name)) all.push(name);
  }
  LABELS.set(code, labels);
  NAMES.set(code, all);
}

/** Every country code of the gazetteer (ISO 3166-1 alpha-2 plus XK). */
export const COUNTRY_CODES: readonly string[] = COUNTRY_ROWS.map((row) => row[0]);
const CODE_SET = new Set(COUNTRY_CODES);

const LEADING_ARTICLES = new Set(['al', 'el', 'ar', 'as', 'an', 'ad', 'at', 'az', 'ash', 'the', 'la', 'le', 'les', 'los', 'las', 'die', 'der', 'o', 'a']);

/**
 * Code of a country named by the whole input (folded; any language, native or historical
 * spelling, adjective), or undefined. A leading article (Al-, El-, The, La…) is optional:
 * "Al-Iraq", "Iraq" and "العراق" all give IQ.
 */
export function resolveCountry(name: string): string | undefined {
  const hit = EXACT.exact(name);
  if (hit) return hit;
  const words = tokens(name);
  if (words.length > 1 && LEADING_ARTICLES.has(words[0] ?? '')) return EXACT.exact(words.slice(1).join(' '));
  return undefined;
}

/**
 * Countries named in free text (a caption, a place field, a TGN hierarchy), in order of first
 * mention, longest phrase first and word-boundary safe ("Iran" is not found in "Iranian", which is
 * found as the adjective). Cities and sites known to the gazetteer count (Baghdad → IQ).
 */
export function findCountries(text: string): string[] {
  const out: string[] = [];
  for (const hit of SCAN.scan(text)) if (!out.includes(hit.value)) out.push(hit.value);
  return out;
}

/** Country name in a language (en, fr, es, pt, de, ar, uk), falling back to English. */
export function countryLabel(code: string, lang: string): string | undefined {
  const labels = LABELS.get(code.toUpperCase());
  if (!labels) return undefined;
  return labels[lang as CountryLang] ?? labels.en;
}

/** All labels of a country by language. */
export function countryLabels(code: string): Partial<Record<CountryLang, string>> | undefined {
  const labels = LABELS.get(code.toUpperCase());
  return labels ? { ...labels } : undefined;
}

/** Every name of a country: labels, aliases and adjectives (not the cities used for scanning). */
export function countryNames(code: string): string[] {
  return [...(NAMES.get(code.toUpperCase()) ?? [])];
}

/**
 * The search API's `country` filter: an ISO code in any case ("sy", "SY") or a name in any
 * language ("Syrie", "سوريا", "Suriyah") → code; undefined when nothing matches (answer 400).
 */
export function resolveCountryQuery(input: string): string | undefined {
  const trimmed = input.trim();
  if (/^[A-Za-z]{2}$/u.test(trimmed) && CODE_SET.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return resolveCountry(trimmed);
}

/**
 * Country of a Getty TGN place as the Walters inventory gives it: the nation named after
 * `nations\` in the hierarchy, or the term itself when the hierarchy ends at `nations\`; for places
 * outside any nation (dependent states, islands, regions) the term is scanned for a country name.
 */
export function countryFromTgn(hierarchy: string, term?: string): string | undefined {
  const parts = hierarchy.split('\\').map((p) => p.trim());
  for (const marker of ['nations', 'dependent states']) {
    const i = parts.indexOf(marker);
    if (i < 0) continue;
    const next = parts[i + 1];
    const name = next || term;
    if (name) {
      const code = resolveCountry(name) ?? findCountries(name)[0];
      if (code) return code;
    }
  }
  return term ? (resolveCountry(term) ?? findCountries(term)[0]) : undefined;
}

/** Phrase conflicts in the gazetteer (a name given to two countries); should be empty. */
export function gazetteerConflicts(): string[] {
  return [...EXACT.conflicts, ...SCAN.conflicts].map((c) => `${c.phrase}: ${c.kept} / ${c.ignored}`);
}
