import { stem, tokens } from '../../src/domain/fold.js';
import { Memo } from '../../src/memo.js';

/**
 * The text stored in a `search.*` field: the folded tokens in order (so phrase and shingle queries
 * on folded text match), followed once by each stem that differs from its own token (so a query
 * word matches through its stem: `figures` → `figur`). Both sides fold with `src/domain/fold.ts`.
 *
 * Speed: most parts repeat across records (vocabulary labels in every language, country names,
 * category labels, recurring captions), so the analysis of a part is memoised whole (bounded);
 * long parts (descriptions) are not, and their words are stemmed directly: `stem` returns most
 * words after one character test, cheaper than looking them up.
 */

interface Analysed {
  /** The folded tokens joined by single spaces ('' when none). */
  joined: string;
  /** Stems that differ from their own token, in order (may repeat). */
  extra: string[];
}

const MEMO_MAX = 100_000;
const MEMO_PART_CHARS = 320;

/** An `indexText` function with its own bounded memory. */
export function createIndexText(): (texts: (string | undefined)[]) => string | undefined {
  const parts = new Memo<Analysed>(MEMO_MAX);

  const analyse = (text: string): Analysed => {
    const toks = tokens(text);
    const extra: string[] = [];
    for (const t of toks) {
      const s = stem(t);
      if (s && s !== t) extra.push(s);
    }
    return { joined: toks.join(' '), extra };
  };

  const partOf = (text: string): Analysed => (text.length > MEMO_PART_CHARS ? analyse(text) : parts.get(text, () => analyse(text)));

  return (texts) => {
    let out = '';
    const analysed: Analysed[] = [];
    for (const text of texts) {
      if (!text) continue;
      const a = partOf(text);
      if (!a.joined) continue;
      analysed.push(a);
      out = out ? `${out} ${a.joined}` : a.joined;
    }
    if (!out) return undefined;
    let seen: Set<string> | undefined;
    for (const a of analysed) {
      for (const s of a.extra) {
        seen ??= new Set();
        if (!seen.has(s)) {
          seen.add(s);
          out += ` ${s}`;
        }
      }
    }
    return out;
  };
}

/** A process-wide `indexText` (bounded memory), for callers outside an ingest run. */
export const indexText = createIndexText();
