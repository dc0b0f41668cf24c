import type { estypes } from '../es/client.js';
import { AppError } from '../errors.js';
import { analyseText } from '../search/analyse.js';
import type { SearchDomain } from '../search/domain.js';
import { textQuery, type TextInput } from '../search/text.js';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from '../schemas/search.js';
import type { BulkInput, InputField, RowError } from './fields.js';
import { Memo } from '../memo.js';
import { readSignals } from './signals.js';
import { dateWindow } from './date-tolerance.js';

/**
 * One row → one Elasticsearch search body. Every clause carries `_name` = the input column it
 * comes from, so each hit's `matched_queries` say which of the row's inputs it matched (the
 * `reasons`, and the basis of the verdict level).
 *
 * - `q` is built by the search API's own text builder (`/v1/search?q=`), so a row with only `q`
 *   ranks exactly as a search; its inner field names are kept as `q.<field>` (q.object_type,
 *   q.material, q.place, q.period...).
 * - `title`, `object_type`, `material`, `inscriptions`: the same folding, stemming, typo tolerance
 *   and multilingual vocabulary as the search, but looser (any significant word of the cell may
 *   match), aimed at the record fields that matter for that column; `object_type` and `material`
 *   also match vocabulary keys (so `statuette` in a French inventory finds `figurine`).
 * - A hit must match at least one text input. `country`, `date` and measurements do not filter:
 *   they add score (a Red List for the object's own country comes first) and count as reasons.
 *   The date matches within a margin that grows with its age and its vagueness (`date-tolerance.ts`).
 * - Only Red List records (`kind: redlist`) are searched.
 */

type Query = estypes.QueryDslQueryContainer;

export const TEXT_INPUTS = ['q', 'title', 'object_type', 'material', 'inscriptions'] as const;
/**
 * The structured signals multiply the text score (so they weigh the same whatever the length of
 * the row's text): a record of the row's own country ×4, a date within tolerance ×1.5, each
 * measurement within tolerance ×1.2. Their named clauses add (almost) nothing themselves: they are
 * there to report which signals matched.
 */
export const COUNTRY_WEIGHT = 4;
/** Further weight when the record's own places (not only its list's coverage) name the row's country. */
export const ORIGIN_WEIGHT = 1.5;
export const DATE_WEIGHT = 1.5;
export const MEASURE_WEIGHT = 1.2;
const NAMED_ONLY = 0.001;
/** Words in a cell beyond this are not searched (the search API's own bound). */
const MAX_WORDS = MAX_QUERY_TERMS;

/** Record fields each text column is aimed at: [indexed field, boost]. */
const FIELDS: Record<Exclude<(typeof TEXT_INPUTS)[number], 'q'>, [string, number][]> = {
  object_type: [['search.object_type', 4], ['search.category', 3], ['search.title', 3]],
  title: [['search.title', 3], ['search.object_type', 3], ['search.category', 2], ['search.material', 1], ['search.description', 1]],
  material: [['search.material', 3], ['search.title', 1], ['search.description', 0.5]],
  inscriptions: [['search.inscriptions', 3], ['search.description', 1], ['search.title', 1]],
};

const STOPWORDS = new Set(
  ('a an the of and or in on at to with from by for ' +
    'le la les l un une des du de d et ou en au aux avec sur pour par ' +
    'el los las lo unos unas del y o con por para al ' +
    'os as um uma dos das da do e em no na nos nas com ' +
    'der die das den dem des ein eine einer und oder mit von vom zum zur im aus ' +
    'і й та в у з із на до від для по و في من على الى عن مع').split(' '),
);

/** Built clauses by column and cell text (shared, never mutated). */
const clauses = new Memo<Query | undefined>();

export interface RowQuery {
  body: estypes.SearchRequest;
  /** The inputs the row gave that the query uses (after reading). */
  given: InputField[];
  warnings: RowError[];
}

/** Cuts a cell to what the text analyser accepts: at most the search's word and character bounds. */
function bounded(text: string): string {
  const words = text.split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS).join(' ');
  return words.length > MAX_QUERY_CHARS ? words.slice(0, MAX_QUERY_CHARS).replace(/\s+\S*$/u, '') : words;
}

/**
 * The domain for the text columns: the search's own, without finding places and periods in the
 * words (the row has its own `country` and `date` columns; that scan is most of the analysis time).
 */
const textOnly = new WeakMap<SearchDomain, SearchDomain>();
function wordsDomain(domain: SearchDomain): SearchDomain {
  let d = textOnly.get(domain);
  if (!d) {
    d = { ...domain, placesIn: undefined, periodsIn: undefined };
    textOnly.set(domain, d);
  }
  return d;
}

function analyse(text: string, domain: SearchDomain): TextInput | undefined {
  try {
    return analyseText(bounded(text), domain);
  } catch (err) {
    if (err instanceof AppError) return undefined;
    throw err;
  }
}

/** Renames every `_name` inside a query (`object_type` → `q.object_type`), or removes them. */
export function renameQueries<T>(q: T, rename: (name: string) => string | undefined): T {
  if (Array.isArray(q)) return q.map((x) => renameQueries(x, rename)) as T;
  if (q === null || typeof q !== 'object') return q;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(q)) {
    if (k === '_name' && typeof v === 'string') {
      const n = rename(v);
      if (n !== undefined) out[k] = n;
    } else out[k] = renameQueries(v, rename);
  }
  return out as T;
}

function looseText(name: keyof typeof FIELDS, input: TextInput): Query | undefined {
  const fields = FIELDS[name];
  const words = input.tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => !STOPWORDS.has(t) && (t.length > 2 || /\p{Script=Han}/u.test(t)) && !/^\d+$/.test(t));
  // Per word: its best field (multi_match best_fields is a dis_max of one match per field), over
  // the word's forms (itself and its stem).
  const weighted = fields.map(([field, boost]) => `${field}^${boost}`);
  const should: Query[] = words.map(({ i }) => {
    const forms = (input.forms[i] ?? []).map((form): Query => ({ multi_match: { query: form, fields: weighted, type: 'best_fields', tie_breaker: 0.2 } }));
    return forms.length === 1 ? forms[0]! : { dis_max: { queries: forms } };
  });
  if (name === 'object_type' || name === 'material') {
    const kind = name === 'material' ? 'material' : 'objectType';
    const keyField = name === 'material' ? 'material_keys' : 'object_type_keys';
    const keys = [...new Set(input.expansions.filter((e) => e.kind === kind).flatMap((e) => [e.key, ...e.narrower]))];
    if (keys.length) should.push({ terms: { [keyField]: keys, boost: 12 } });
  }
  if (!should.length) return undefined;
  if (words.length >= 2) {
    should.push({ match_phrase: { [fields[0]![0]]: { query: input.folded, slop: 2, boost: 2 } } });
  }
  return { bool: { should, minimum_should_match: 1, _name: name } };
}

/** Builds the search for one row's inputs; `undefined` body when nothing searchable remains. */
export function buildRowQuery(fields: BulkInput, domain: SearchDomain, k: number): RowQuery | { error: RowError } {
  const text: Query[] = [];
  const given: InputField[] = [];
  const warnings: RowError[] = [];
  if (fields.q) {
    const q = fields.q;
    const clause = clauses.get(`q\u0000${q}`, () => {
      const input = analyse(q, domain);
      return input && { bool: { should: [renameQueries(textQuery(input), (n) => `q.${n}`)], _name: 'q' } };
    });
    if (clause) {
      text.push(clause);
      given.push('q');
    }
  }
  for (const name of ['title', 'object_type', 'material', 'inscriptions'] as const) {
    const value = fields[name];
    if (!value) continue;
    const clause = clauses.get(`${name}\u0000${value}`, () => {
      const input = analyse(value, wordsDomain(domain));
      return input && looseText(name, input);
    });
    if (clause) {
      text.push(clause);
      given.push(name);
    } else warnings.push({ field: name, reason: 'has no word that can be searched; ignored' });
  }
  if (!text.length) {
    const field = TEXT_INPUTS.find((f) => fields[f]) ?? 'row';
    return { error: { field, reason: 'no word that can be searched in the text columns' } };
  }
  const sig = readSignals(fields, domain);
  warnings.push(...sig.warnings);
  const named: Query[] = [];
  const functions: estypes.QueryDslFunctionScoreContainer[] = [];
  const range = (field: string, gte: number, lte: number, extra: object = {}): Query => ({ range: { [field]: { gte, lte, ...extra } } });
  if (sig.countries.length) {
    named.push({ terms: { countries: sig.countries, boost: NAMED_ONLY, _name: 'country' } });
    functions.push({ filter: { terms: { countries: sig.countries } }, weight: COUNTRY_WEIGHT });
    // A record naming the row's country itself ranks before the other examples of its list.
    functions.push({ filter: { terms: { origin_countries: sig.countries } }, weight: ORIGIN_WEIGHT });
    given.push('country');
  }
  if (sig.date) {
    const { from, to } = dateWindow(sig.date);
    named.push(range('date_range', from, to, { relation: 'intersects', boost: NAMED_ONLY, _name: 'date' }));
    functions.push({ filter: range('date_range', from, to, { relation: 'intersects' }), weight: DATE_WEIGHT });
    given.push('date');
  }
  for (const m of sig.measures) {
    named.push(range(m.field, m.range.gte, m.range.lte, { boost: NAMED_ONLY, _name: m.name }));
    functions.push({ filter: range(m.field, m.range.gte, m.range.lte), weight: MEASURE_WEIGHT });
    given.push(m.name);
  }
  const bool: Query = {
    bool: {
      must: [text.length === 1 ? text[0]! : { bool: { should: text, minimum_should_match: 1 } }],
      ...(named.length ? { should: named } : {}),
      filter: [{ term: { kind: 'redlist' } }],
    },
  };
  const query: Query = functions.length ? { function_score: { query: bool, functions, score_mode: 'multiply', boost_mode: 'multiply' } } : bool;
  return {
    body: { query, size: k, track_total_hits: false },
    given,
    warnings,
  };
}

/**
 * The parts of the stored record a bulk hit shows, in the asked language and English only (list
 * titles, category and object-type labels carry up to seven languages; a 10,000-row check would
 * otherwise move them all). Titles are kept whole: a caption may exist in one language only.
 */
export function hitSource(lang: string): { includes: string[] } {
  const langs = lang === 'en' ? ['en'] : ['en', lang];
  return {
    includes: [
      'record.id',
      'record.title',
      'record.list.id',
      'record.list.emergency',
      'record.category.key',
      'record.places.countries',
      ...langs.flatMap((l) => [`record.list.title.${l}`, `record.category.label.${l}`, `record.objectType.label.${l}`]),
    ],
  };
}
