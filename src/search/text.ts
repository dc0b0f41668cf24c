import type { estypes } from '../es/client.js';
import type { Expansion } from './domain.js';

/**
 * The free-text part of the query, built from folded tokens only: every clause is a `match`,
 * `match_phrase`, `multi_match` or `terms` query, so nothing the user types is ever parsed as query
 * syntax. Each field clause carries `_name` (the field's public name plus a serial, see
 * `publicName`), so a hit's `matched_queries` say which fields made it.
 */

type Query = estypes.QueryDslQueryContainer;

/** Public field name, indexed field, boost: object type, title and category weigh most. */
export const TEXT_FIELDS: readonly (readonly [string, string, number])[] = [
  ['object_type', 'search.object_type', 4],
  ['title', 'search.title', 3],
  ['category', 'search.category', 3],
  ['material', 'search.material', 2],
  ['place', 'search.place', 1.5],
  ['period', 'search.period', 1.5],
  ['inscriptions', 'search.inscriptions', 1],
  ['description', 'search.description', 1],
  ['holder', 'search.holder', 0.5],
];

/** Fields where a misspelt word is still looked for (typos matter where officers read). */
const FUZZY_FIELDS = new Set(['object_type', 'title', 'category', 'material', 'place', 'description']);
/** Score added for each of the query's words a record contains (coordination). */
export const WORD_FOUND = 50;
/** Score of a record whose object type or material key is the one the query names. */
export const VOCAB_KEY_BOOST = 12;
/** Score of a record whose text holds an equivalent of the word in another language. */
export const VOCAB_TEXT_BOOST = 6;
/** Score of a record from the country or region the query names. */
export const PLACE_BOOST = 10;
/** Score of a record of the period the query names, and of one merely dated within its span. */
export const PERIOD_KEY_BOOST = 8;
export const PERIOD_SPAN_BOOST = 4;
const PERIOD_SPAN_MAX_YEARS = 800;

const PHRASE_FIELDS = ['search.object_type^3', 'search.title^3', 'search.category^2', 'search.description'];
const PAIR_FIELDS = ['search.object_type.pairs^2', 'search.title.pairs^2', 'search.category.pairs'];

/** Articles and prepositions that never decide a match on their own (folded forms). */
const STOPWORDS = new Set(
  (
    'a an the of and or in on at to with from by for ' +
    'le la les l un une des du de d et ou en au aux avec sur pour par ' +
    'el los las lo unos unas del y o con por para al ' +
    'o os as um uma dos das da do e em no na nos nas com ' +
    'der die das den dem des ein eine einer und oder mit von vom zum zur im aus ' +
    'і й та в у з із на до від для по ' +
    'و في من على الى عن مع'
  ).split(' '),
);

/**
 * Edit distance allowed for a token: none up to 4 characters (one edit turns too many short words
 * into others: `mari` → `mali`, `theb(es)` → `the`), 1 up to 7, 2 from 8.
 */
export function fuzzinessOf(token: string): number {
  const n = [...token].length;
  return n <= 4 ? 0 : n <= 7 ? 1 : 2;
}

export interface VocabularyHit {
  key: string;
  kind: Expansion['kind'];
  /** Narrower keys, matched too. */
  narrower: string[];
  /** Single-word equivalents in every language, stemmed like the index. */
  words: string[];
  /** Multi-word equivalents, folded. */
  phrases: string[];
  /** Indices of the query tokens this entry accounts for. */
  covers: number[];
}

export interface TextInput {
  /** Folded query text. */
  folded: string;
  /** Folded tokens in order. */
  tokens: string[];
  /** Per token, the distinct forms to look for (the token and, when different, its stem). */
  forms: string[][];
  /** Vocabulary entries found in the query, with their narrower keys and the tokens they cover. */
  expansions: VocabularyHit[];
  /** Countries and regions the query names, with the tokens that name them. */
  places: { field: 'countries' | 'regions'; value: string; covers: number[] }[];
  /** Named periods, with their year spans, where they apply (ISO codes) and the tokens that name them. */
  periods: { key: string; earliest: number; latest: number; covers: number[]; countries?: string[] }[];
}

/** How many of `n` significant tokens a hit must match: all of 1-2, all but one of 3-4, 70% beyond. */
export function requiredOf(n: number): number {
  if (n <= 2) return n;
  if (n <= 4) return n - 1;
  return Math.ceil(n * 0.7);
}

/** The relaxed requirement, used when too few records match: half the significant words. */
export function relaxedRequiredOf(n: number): number {
  return Math.max(1, Math.ceil(n / 2));
}

/** Significant (non-stopword) tokens of the query; all tokens when every one is a stopword. */
export function significantCount(input: TextInput): number {
  const n = input.tokens.filter((t) => !STOPWORDS.has(t)).length;
  return n > 0 ? n : input.tokens.length;
}

/**
 * Elasticsearch keeps one query per `_name`, so every clause gets a unique name: the public field
 * name, `|`, a serial number. `publicName` gives the field name back.
 */
type Namer = (base: string) => string;
const namer = (): Namer => {
  let n = 0;
  return (base) => `${base}|${n++}`;
};
export const publicName = (name: string): string => name.split('|', 1)[0] ?? name;

function fieldClauses(form: string, name$: Namer): Query[] {
  const fuzziness = fuzzinessOf(form);
  return TEXT_FIELDS.map(([name, field, boost]) => ({
    match: {
      [field]: {
        query: form,
        boost,
        _name: name$(name),
        ...(fuzziness > 0 && FUZZY_FIELDS.has(name) ? { fuzziness, prefix_length: 1, max_expansions: 30 } : {}),
      },
    },
  }));
}

function vocabularyClause(e: VocabularyHit, name$: Namer): Query {
  const keyField = e.kind === 'material' ? 'material_keys' : 'object_type_keys';
  const name = e.kind === 'material' ? 'material' : 'object_type';
  const fields =
    e.kind === 'material'
      ? ['search.material^2', 'search.title', 'search.description^0.5']
      : ['search.object_type^4', 'search.title^2', 'search.category^2', 'search.description^0.5'];
  const { words, phrases } = e;
  const should: Query[] = [{ terms: { [keyField]: [e.key, ...e.narrower], boost: VOCAB_KEY_BOOST, _name: name$(name) } }];
  // Terms are stemmed like the index; one OR-match covers every single-word equivalent.
  // A record carries its terms in every language, so summing the matches of all equivalents
  // would score a record by how many languages label it: any equivalent scores the same.
  if (words.length > 0) {
    const any: Query = { bool: { should: fields.map((f) => ({ terms: { [f.replace(/\^.*$/, '')]: words } })) } };
    should.push({ constant_score: { filter: any, boost: VOCAB_TEXT_BOOST, _name: name$(name) } });
  }
  for (const p of phrases) {
    should.push({ constant_score: { filter: { multi_match: { query: p, type: 'phrase', slop: 1, fields } }, boost: VOCAB_TEXT_BOOST, _name: name$(name) } });
  }
  return { bool: { should } };
}

function tokenClause(i: number, input: TextInput, name$: Namer, coordinated = true): Query {
  const queries: Query[] = (input.forms[i] ?? []).flatMap((form) => fieldClauses(form, name$));
  for (const e of input.expansions) if (e.covers.includes(i)) queries.push(vocabularyClause(e, name$));
  for (const p of input.places) {
    if (p.covers.includes(i)) queries.push({ term: { [p.field]: { value: p.value, boost: PLACE_BOOST, _name: name$('place') } } });
  }
  for (const p of input.periods) {
    if (!p.covers.includes(i)) continue;
    queries.push({ term: { period_keys: { value: p.key, boost: PERIOD_KEY_BOOST, _name: name$('period') } } });
    // A short period's span also finds records dated within it but not named after it.
    if (p.latest - p.earliest <= PERIOD_SPAN_MAX_YEARS) {
      const span: Query = { range: { date_range: { gte: p.earliest, lte: p.latest, relation: 'intersects' } } };
      const where: Query[] = p.countries ? [{ terms: { countries: p.countries } }] : [];
      queries.push({ constant_score: { filter: { bool: { filter: [span, ...where] } }, boost: PERIOD_SPAN_BOOST, _name: name$('date') } });
    }
  }
  // Each word found adds WORD_FOUND: a record with more of the words always ranks first, then
  // the fields and rarity (BM25) decide among records with as many.
  const best: Query = { dis_max: { queries, tie_breaker: 0.2 } };
  return coordinated ? { function_score: { query: best, functions: [{ weight: WORD_FOUND }], boost_mode: 'sum' } } : best;
}

/**
 * Every significant token must be found (in any field, possibly misspelt, or through a vocabulary
 * equivalent) subject to `requiredOf` (`relaxedRequiredOf` when relaxed); stopwords only add score; adjacent words add a proximity
 * bonus through `match_phrase` with slop and the `.pairs` shingle fields.
 */
export function textQuery(input: TextInput, opts: { relaxed?: boolean } = {}): Query {
  const { tokens } = input;
  const name$ = namer();
  const significant = tokens.map((t, i) => ({ t, i })).filter(({ t }) => !STOPWORDS.has(t));
  const core = significant.length > 0 ? significant : tokens.map((t, i) => ({ t, i }));
  const optional = significant.length > 0 ? tokens.map((t, i) => ({ t, i })).filter(({ t }) => STOPWORDS.has(t)) : [];

  const should: Query[] = optional.map(({ i }) => tokenClause(i, input, name$, false));
  if (core.length >= 2) {
    should.push(
      { multi_match: { query: input.folded, type: 'phrase', slop: 2, fields: PHRASE_FIELDS, boost: 2, _name: name$('phrase') } },
      { multi_match: { query: input.folded, type: 'most_fields', fields: PAIR_FIELDS, boost: 1.5, _name: name$('phrase') } },
    );
  }
  // Vocabulary entries that cover no single token (e.g. found through a phrase) still add score.
  for (const e of input.expansions) if (e.covers.length === 0) should.push(vocabularyClause(e, name$));

  const must: Query =
    core.length === 1
      ? tokenClause(core[0]!.i, input, name$)
      : { bool: { should: core.map(({ i }) => tokenClause(i, input, name$)), minimum_should_match: (opts.relaxed ? relaxedRequiredOf : requiredOf)(core.length) } };
  return should.length > 0 ? { bool: { must: [must], should } } : must;
}
