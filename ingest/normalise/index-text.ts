import { stem, tokens } from '../../src/domain/fold.js';

/**
 * The text stored in a `search.*` field: the folded tokens in order (so phrase and shingle queries
 * on folded text match), followed once by each stem that differs from its own token (so a query
 * word matches through its stem: `figures` → `figur`). Both sides fold with `src/domain/fold.ts`.
 *
 * Speed: a token never spans whitespace, so `tokens(text)` equals the concatenation of `tokens`
 * over the text's whitespace-separated chunks; chunks repeat a lot across records, so their
 * tokens and stems are memoised (bounded).
 */

interface Chunk {
  toks: string[];
  joined: string;
  /** Stems that differ from their own token, in order. */
  extra: string[];
}

const MEMO_MAX = 200_000;
let memo = new Map<string, Chunk>();

function chunkOf(raw: string): Chunk {
  let c = memo.get(raw);
  if (!c) {
    const toks = tokens(raw);
    const extra: string[] = [];
    for (const t of toks) {
      const s = stem(t);
      if (s && s !== t) extra.push(s);
    }
    c = { toks, joined: toks.join(' '), extra };
    if (memo.size >= MEMO_MAX) memo = new Map();
    memo.set(raw, c);
  }
  return c;
}

export function indexText(parts: (string | undefined)[]): string | undefined {
  const chunks: Chunk[] = [];
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    for (const raw of p.split(/\s+/)) {
      if (!raw) continue;
      const c = chunkOf(raw);
      if (!c.toks.length) continue;
      chunks.push(c);
      out = out ? `${out} ${c.joined}` : c.joined;
    }
  }
  if (!out) return undefined;
  let seen: Set<string> | undefined;
  for (const c of chunks) {
    for (const s of c.extra) {
      seen ??= new Set();
      if (!seen.has(s)) {
        seen.add(s);
        out += ` ${s}`;
      }
    }
  }
  return out;
}
