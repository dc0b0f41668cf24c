import { tokenSpans } from './fold.js';
import { stem } from './stem.js';

/**
 * A dictionary of phrases (one or more words) built once, then used to find those phrases in free
 * text or to look a whole string up. Phrases and text are compared token by token after `fold` and
 * `stem`, so case, accents, punctuation and light plurals do not matter, and matches never start or
 * end inside a word. Scanning is greedy from left to right, longest phrase first: "cylinder seal"
 * wins over "seal", "Guinea-Bissau" over "Guinea".
 *
 * A phrase may be registered as a *blocker* (value `null`): it consumes its words and yields
 * nothing, e.g. "Egyptian blue" (a pigment) stops "Egyptian" from tagging Egypt.
 */

export interface PhraseHit<V> {
  value: V;
  /** The matched words as written in the source text. */
  source: string;
  /** Offsets in the source text (end exclusive). */
  start: number;
  end: number;
}

interface Entry<V> {
  stems: string[];
  value: V | null;
}

/** Stems of a phrase as the index compares them. */
export function phraseKey(phrase: string): string[] {
  return tokenSpans(phrase).map((t) => stem(t.text));
}

export class PhraseIndex<V> {
  private readonly byFirst = new Map<string, Entry<V>[]>();
  private readonly exactMap = new Map<string, Entry<V>>();
  /** Phrases registered twice with different values (without `merge`, the first is kept). */
  readonly conflicts: { phrase: string; kept: V | null; ignored: V | null }[] = [];

  /** `merge` combines the values of a phrase registered twice (e.g. union of keys). */
  constructor(private readonly merge?: (kept: V, added: V) => V) {}

  /** Register a phrase; returns false when it folds to nothing. */
  add(phrase: string, value: V | null): boolean {
    const stems = phraseKey(phrase);
    const first = stems[0];
    if (first === undefined) return false;
    const key = stems.join(' ');
    const existing = this.exactMap.get(key);
    if (existing) {
      if (existing.value === value) return true;
      if (this.merge && existing.value !== null && value !== null) {
        existing.value = this.merge(existing.value, value);
      } else {
        this.conflicts.push({ phrase, kept: existing.value, ignored: value });
      }
      return true;
    }
    const entry: Entry<V> = { stems, value };
    this.exactMap.set(key, entry);
    const list = this.byFirst.get(first) ?? [];
    list.push(entry);
    list.sort((a, b) => b.stems.length - a.stems.length);
    this.byFirst.set(first, list);
    return true;
  }

  /** The value of a phrase that is exactly the whole input (after folding), if any. */
  exact(text: string): V | undefined {
    return this.exactMap.get(phraseKey(text).join(' '))?.value ?? undefined;
  }

  /** Every registered phrase found in the text, left to right, longest match first. */
  scan(text: string): PhraseHit<V>[] {
    const spans = tokenSpans(text);
    const stems = spans.map((s) => stem(s.text));
    const hits: PhraseHit<V>[] = [];
    let i = 0;
    while (i < stems.length) {
      const entry = this.longestAt(stems, i);
      if (!entry) {
        i += 1;
        continue;
      }
      if (entry.value !== null) {
        const start = spans[i]?.start ?? 0;
        const end = spans[i + entry.stems.length - 1]?.end ?? start;
        hits.push({ value: entry.value, source: text.slice(start, end), start, end });
      }
      i += entry.stems.length;
    }
    return hits;
  }

  private longestAt(stems: string[], i: number): Entry<V> | undefined {
    const candidates = this.byFirst.get(stems[i] ?? '');
    if (!candidates) return undefined;
    return candidates.find(
      (c) => i + c.stems.length <= stems.length && c.stems.every((s, k) => stems[i + k] === s),
    );
  }

  get size(): number {
    return this.exactMap.size;
  }
}
