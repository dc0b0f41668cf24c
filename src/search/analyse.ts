import { tokens as tokenise } from '../domain/fold.js';
import { AppError } from '../errors.js';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from '../schemas/search.js';
import type { Expansion, SearchDomain } from './domain.js';
import type { TextInput } from './text.js';

/**
 * Turns the user's text into what the query builder needs: folded tokens (our folding, the same as
 * the index's), each token's forms (itself and its stem), and the vocabulary entries the text names
 * with the tokens they account for. Bounds the length so a query stays cheap.
 */
interface Terms {
  /** Stems of every word of every term. */
  stems: Set<string>;
  /** Single-word terms, stemmed like the index. */
  words: string[];
  /** Multi-word terms, folded (the index keeps token order). */
  phrases: string[];
}

/** A vocabulary entry's terms in query form, computed once per entry (keyed by its term list). */
const termCache = new WeakMap<readonly string[], Terms>();

function termsOf(e: Expansion, domain: SearchDomain): Terms {
  let t = termCache.get(e.terms);
  if (!t) {
    const folded = [...new Set(e.terms.map((term) => tokenise(term).join(' ')))].filter(Boolean);
    t = {
      stems: new Set(folded.flatMap((term) => term.split(' ').map((w) => domain.stem(w)))),
      words: [...new Set(folded.filter((w) => !w.includes(' ')).map((w) => domain.stem(w)))],
      phrases: folded.filter((p) => p.includes(' ')),
    };
    termCache.set(e.terms, t);
  }
  return t;
}

/** Recent analyses: paging and facet clicks repeat the same text. Values are never mutated. */
const recent = new Map<string, { domain: SearchDomain; text: TextInput | undefined }>();
const RECENT_MAX = 2000;

export function analyseText(q: string | undefined, domain: SearchDomain): TextInput | undefined {
  if (q === undefined) return undefined;
  const hit = recent.get(q);
  if (hit && hit.domain === domain) return hit.text;
  const text = analyse(q, domain);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(q, { domain, text });
  return text;
}

function analyse(q: string, domain: SearchDomain): TextInput | undefined {
  const raw = q.trim();
  if (raw.length > MAX_QUERY_CHARS) {
    throw new AppError('SEARCH_QUERY_TOO_LONG', `q: at most ${MAX_QUERY_CHARS} characters`, [
      { name: 'q', reason: `is ${raw.length} characters long; at most ${MAX_QUERY_CHARS} are allowed` },
    ]);
  }
  const words = tokenise(raw);
  const tokens = words.flatMap((t) => domain.splitCompound?.(t) ?? [t]);
  if (tokens.length === 0) return undefined;
  if (tokens.length > MAX_QUERY_TERMS) {
    throw new AppError('SEARCH_QUERY_TOO_LONG', `q: at most ${MAX_QUERY_TERMS} words`, [
      { name: 'q', reason: `has ${tokens.length} words; at most ${MAX_QUERY_TERMS} are allowed` },
    ]);
  }
  // The index holds every folded token followed by its stem when different, so the stem alone
  // finds every inflection; typos are absorbed by fuzziness on it.
  const stems = tokens.map((t) => domain.stem(t));
  const forms = stems.map((s) => [s]);
  const own = new Set([...tokens, ...stems]);
  const expansions = domain.expandQuery(tokens.length > words.length ? tokens.join(' ') : raw).map((e) => {
    const t = termsOf(e, domain);
    const covers = stems.flatMap((s, i) => (t.stems.has(s) || t.stems.has(tokens[i] ?? '') ? [i] : []));
    const narrower = domain.narrowerKeys(e.key).filter((k) => k !== e.key);
    // The query's own words are already searched for; keep the other terms, bounded.
    const words = t.words.filter((w) => !own.has(w)).slice(0, 32);
    const phrases = t.phrases.slice(0, 12);
    return { key: e.key, kind: e.kind, words, phrases, narrower, covers };
  });
  const places = domain.placesIn?.(tokens) ?? [];
  const periods = domain.periodsIn?.(tokens) ?? [];
  return { folded: tokens.join(' '), tokens, forms, expansions, places, periods };
}
