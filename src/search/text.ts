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

/** Score of a record whose object type or material key is the one the query names. */
export const VOCAB_KEY_BOOST = 12;

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

/** Edit distance allowed for a token: none up to 3 characters, 1 up to 7, 2 from 8. */
export function fuzzinessOf(token: string): number {
  const n = [...token].length;
  return n <= 3 ? 0 : n <= 7 ? 1 : 2;
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
}

/** How many of `n` significant tokens a hit must match: all of 1-2, all but one of 3-4, 70% beyond. */
export function requiredOf(n: number): number {
  if (n <= 2) return n;
  if (n <= 4) return n - 1;
  return Math.ceil(n * 0.7);
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
        ...(fuzziness > 0 ? { fuzziness, prefix_length: 1, max_expansions: 30 } : {}),
      },
    },
  }));
}

function vocabularyClause(e: VocabularyHit, name$: Namer): Query {
  const keyField = e.kind === 'material' ? 'material_keys' : 'object_type_keys';
  const name = e.kind === 'material' ? 'material' : 'object_type';
  const fields = e.kind === 'material' ? ['search.material^2', 'search.title'] : ['search.object_type^4', 'search.title^2', 'search.category^2'];
  const { words, phrases } = e;
  const should: Query[] = [{ terms: { [keyField]: [e.key, ...e.narrower], boost: VOCAB_KEY_BOOST, _name: name$(name) } }];
  // Terms are stemmed like the index; one OR-match covers every single-word equivalent.
  if (words.length > 0) should.push({ multi_match: { query: words.join(' '), fields, boost: 0.8, _name: name$(name) } });
  for (const p of phrases) should.push({ multi_match: { query: p, type: 'phrase', slop: 1, fields, boost: 0.8, _name: name$(name) } });
  return { bool: { should } };
}

function tokenClause(i: number, input: TextInput, name$: Namer): Query {
  const queries: Query[] = (input.forms[i] ?? []).flatMap((form) => fieldClauses(form, name$));
  for (const e of input.expansions) if (e.covers.includes(i)) queries.push(vocabularyClause(e, name$));
  return { dis_max: { queries, tie_breaker: 0.2 } };
}

/**
 * Every significant token must be found (in any field, possibly misspelt, or through a vocabulary
 * equivalent) subject to `requiredOf`; stopwords only add score; adjacent words add a proximity
 * bonus through `match_phrase` with slop and the `.pairs` shingle fields.
 */
export function textQuery(input: TextInput): Query {
  const { tokens } = input;
  const name$ = namer();
  const significant = tokens.map((t, i) => ({ t, i })).filter(({ t }) => !STOPWORDS.has(t));
  const core = significant.length > 0 ? significant : tokens.map((t, i) => ({ t, i }));
  const optional = significant.length > 0 ? tokens.map((t, i) => ({ t, i })).filter(({ t }) => STOPWORDS.has(t)) : [];

  const should: Query[] = optional.map(({ i }) => tokenClause(i, input, name$));
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
      : { bool: { should: core.map(({ i }) => tokenClause(i, input, name$)), minimum_should_match: requiredOf(core.length) } };
  return should.length > 0 ? { bool: { must: [must], should } } : must;
}
