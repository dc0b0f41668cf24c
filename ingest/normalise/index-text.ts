import { stem, tokens } from '../../src/domain/fold.js';
import { Memo } from '../../src/memo.js';
import { CallMemo, JoinedParts } from './index-text-memo.js';

/**
 * The text stored in a `search.*` field: the folded tokens in order (so phrase and shingle queries
 * on folded text match), followed once by each stem that differs from its own token (so a query
 * word matches through its stem: `figures` → `figur`). Both sides fold with `src/domain/fold.ts`.
 *
 * Speed: vocabulary labels in every language, country names, category and period labels repeat
 * across records; the caller says so (`repeats`), and then each part's analysis and the whole
 * answer are remembered (bounded, per run). Other parts (titles, descriptions, inventory numbers)
 * are mostly unique to their record: they are analysed directly, and their words stemmed directly
 * (`stem` returns most words after one character test, cheaper than looking them up).
 */

interface Analysed {
  /** The folded tokens joined by single spaces ('' when none). */
  joined: string;
  /** Stems that differ from their own token, each once, in order of first appearance. */
  extra: string[];
  /** `extra` joined by single spaces. */
  extraJoined: string;
}

/** A part of a search text: a text, or values to join with spaces (a label in every language). */
export type TextPart = string | readonly string[] | undefined;

/**
 * The index text of some parts. `repeats`: the caller expects these parts, and this very
 * combination of them, on many records (vocabulary labels, country names, category paths), so
 * they are remembered; parts unique to a record (titles, inventory numbers) are better left out.
 */
export type IndexText = (texts: TextPart[], repeats?: boolean) => string | undefined;

const MEMO_MAX = 100_000;
const MEMO_PART_CHARS = 320;

/** An `indexText` function with its own bounded memory. */
export function createIndexText(): IndexText {
  const parts = new Memo<Analysed>(MEMO_MAX);
  const calls = new CallMemo(MEMO_MAX);
  const joins = new JoinedParts(MEMO_MAX);

  const analyse = (text: string): Analysed => {
    const toks = tokens(text);
    let extra: string[] = [];
    for (const t of toks) {
      const s = stem(t);
      if (s && s !== t) extra.push(s);
    }
    if (extra.length > 1) extra = [...new Set(extra)];
    return { joined: toks.join(' '), extra, extraJoined: extra.join(' ') };
  };

  const partOf = (text: string): Analysed => (text.length > MEMO_PART_CHARS ? analyse(text) : parts.get(text, () => analyse(text)));

  const compute = (texts: readonly string[], remember: boolean): string | undefined => {
    let out = '';
    const analysed: Analysed[] = [];
    let withExtra = 0;
    for (const text of texts) {
      const a = remember ? partOf(text) : analyse(text);
      if (!a.joined) continue;
      analysed.push(a);
      if (a.extra.length) withExtra++;
      out = out ? `${out} ${a.joined}` : a.joined;
    }
    if (!out || !withExtra) return out || undefined;
    if (withExtra === 1) {
      // One part with stems: its own list is already each stem once.
      for (const a of analysed) if (a.extra.length) return `${out} ${a.extraJoined}`;
    }
    const seen = new Set<string>();
    for (const a of analysed) {
      for (const s of a.extra) {
        if (!seen.has(s)) {
          seen.add(s);
          out += ` ${s}`;
        }
      }
    }
    return out;
  };

  return (texts, repeats = false) => {
    const given: string[] = [];
    for (const t of texts) {
      const text = typeof t === 'string' || t === undefined ? t : joins.join(t);
      if (text) given.push(text);
    }
    return repeats ? calls.get(given, () => compute(given, true)) : compute(given, false);
  };
}

/** A process-wide `indexText` (bounded memory), for callers outside an ingest run. */
export const indexText = createIndexText();
