import { MATERIALS } from './materials.js';
import { OBJECT_TYPES } from './object-types.js';
import { allPhrases, descendants, type VocabKind, type Vocabulary } from './vocab/build.js';
import { searchText } from './fold.js';

export { matchTerms, buildVocabulary, VOCAB_LANGS } from './vocab/build.js';
export type { TermMatch, VocabEntry, VocabKind, VocabLang, Vocabulary } from './vocab/build.js';

/**
 * Query-side use of the vocabularies: which material and object-type keys a query names, with every
 * equivalent term in every language, so the search engine can add them as optional clauses.
 */

const VOCABS: readonly Vocabulary[] = [MATERIALS, OBJECT_TYPES];

export interface QueryExpansion {
  key: string;
  kind: VocabKind;
  /** The words of the query that named it. */
  source: string;
  /** Every folded term of the key, all languages (for display or phrase clauses on folded text). */
  terms: string[];
  /** The same terms in `searchText` form (folded + stemmed), for fields indexed with `searchText`. */
  normalised: string[];
}

function vocabOf(kind: VocabKind): Vocabulary {
  return kind === 'material' ? MATERIALS : OBJECT_TYPES;
}

function expansion(vocab: Vocabulary, key: string, source: string): QueryExpansion {
  const entry = vocab.entries.get(key);
  const terms = entry ? allPhrases(entry) : [];
  return { key, kind: vocab.kind, source, terms, normalised: [...new Set(terms.map(searchText))] };
}

/**
 * Vocabulary keys named by a query (phrases first: "cylinder seal" is one key, not two), in every
 * language at once: `manuscrito`, `manuscrit`, `مخطوطة` and `рукопис` all give `manuscript`.
 * A homograph ("grès": sandstone in French, stoneware in Spanish) gives every reading.
 */
export function expandQuery(text: string): QueryExpansion[] {
  const out: QueryExpansion[] = [];
  const seen = new Set<string>();
  for (const vocab of VOCABS) {
    for (const hit of vocab.queryIndex.scan(text)) {
      for (const key of hit.value) {
        const id = `${vocab.kind}:${key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(expansion(vocab, key, hit.source));
      }
    }
  }
  return out;
}

/** Expansion of a single word or phrase taken as a whole (no partial matches). */
export function expandQueryToken(token: string): QueryExpansion[] {
  const out: QueryExpansion[] = [];
  for (const vocab of VOCABS) {
    for (const key of vocab.queryIndex.exact(token) ?? []) out.push(expansion(vocab, key, token));
  }
  return out;
}

/** Keys below `key` (transitively, excluding `key`): `metal` → bronze, copper, gold, silver… */
export function narrowerKeys(key: string, kind?: VocabKind): string[] {
  const vocabs = kind ? [vocabOf(kind)] : VOCABS;
  return [...new Set(vocabs.flatMap((v) => (v.entries.has(key) ? descendants(v, key) : [])))];
}

/** Labels of a key by language (en always present), or undefined for an unknown key. */
export function labelsFor(key: string, kind?: VocabKind): Record<string, string> | undefined {
  const vocabs = kind ? [vocabOf(kind)] : VOCABS;
  for (const v of vocabs) {
    const entry = v.entries.get(key);
    if (entry) return { ...entry.label };
  }
  return undefined;
}

/** Label of a key in one language, falling back to English. */
export function labelFor(key: string, lang: string, kind?: VocabKind): string | undefined {
  const labels = labelsFor(key, kind);
  return labels ? (labels[lang] ?? labels.en) : undefined;
}
