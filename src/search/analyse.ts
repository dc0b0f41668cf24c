import { tokens as tokenise } from '../domain/fold.js';
import { AppError } from '../errors.js';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from '../schemas/search.js';
import type { SearchDomain } from './domain.js';
import type { TextInput } from './text.js';

/**
 * Turns the user's text into what the query builder needs: folded tokens (our folding, the same as
 * the index's), each token's forms (itself and its stem), and the vocabulary entries the text names
 * with the tokens they account for. Bounds the length so a query stays cheap.
 */
export function analyseText(q: string | undefined, domain: SearchDomain): TextInput | undefined {
  if (q === undefined) return undefined;
  const raw = q.trim();
  if (raw.length > MAX_QUERY_CHARS) {
    throw new AppError('SEARCH_QUERY_TOO_LONG', `q: at most ${MAX_QUERY_CHARS} characters`, [
      { name: 'q', reason: `is ${raw.length} characters long; at most ${MAX_QUERY_CHARS} are allowed` },
    ]);
  }
  const tokens = tokenise(raw);
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
  const expansions = domain.expandQuery(raw).map((e) => {
    const termStems = new Set(e.terms.flatMap((term) => tokenise(term).map((t) => domain.stem(t))));
    const covers = stems.flatMap((s, i) => (termStems.has(s) || termStems.has(tokens[i] ?? '') ? [i] : []));
    const narrower = domain.narrowerKeys(e.key).filter((k) => k !== e.key);
    // The query's own words are already searched for; keep the other terms, bounded. Single
    // words are stemmed like the index; phrases stay folded, as the index keeps token order.
    const folded = [...new Set(e.terms.map((t) => tokenise(t).join(' ')))].filter((t) => t && !own.has(t));
    const words = [...new Set(folded.filter((t) => !t.includes(' ')).map((t) => domain.stem(t)))].filter((t) => !own.has(t)).slice(0, 32);
    const phrases = folded.filter((t) => t.includes(' ')).slice(0, 12);
    return { key: e.key, kind: e.kind, words, phrases, narrower, covers };
  });
  return { folded: tokens.join(' '), tokens, forms, expansions };
}
