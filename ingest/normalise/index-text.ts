import { stem, tokens } from '../../src/domain/fold.js';

/**
 * The text stored in a `search.*` field: the folded tokens in order (so phrase and shingle queries
 * on folded text match), followed by the stems that differ from their token (so a query word
 * matches through its stem: `figures` → `figur`). Both sides fold with `src/domain/fold.ts`.
 */
export function indexText(parts: (string | undefined)[]): string | undefined {
  const toks: string[] = [];
  for (const p of parts) if (p) toks.push(...tokens(p));
  if (!toks.length) return undefined;
  const seen = new Set(toks);
  const extra: string[] = [];
  for (const t of toks) {
    const s = stem(t);
    if (s && !seen.has(s)) {
      seen.add(s);
      extra.push(s);
    }
  }
  return extra.length ? `${toks.join(' ')} ${extra.join(' ')}` : toks.join(' ');
}
