import { fold, tokens as tokenise } from '../domain/fold.js';
import { Memo } from '../memo.js';
import type { TextInput } from './text.js';
import { fuzzinessOf } from './text.js';

/**
 * Highlights on the record's own text (accents and case as printed), not on the folded index
 * text: a word is marked when it folds to a query word, its stem, a vocabulary equivalent, or a
 * spelling within the query word's typo allowance. Output is HTML-escaped with `<em>` marks.
 */

export interface Matcher {
  exact: Set<string>;
  /** Query words with a typo allowance, and their stems (the index matches stems with fuzziness). */
  fuzzy: { token: string; stem: string; max: number }[];
  stem: (t: string) => string;
  /** Verdicts per folded word, shared by every hit of a response (words repeat across records). */
  seen: Map<string, boolean>;
  /** Highlighted texts of recent responses (labels repeat across hits), per window (0: whole text). */
  texts: Map<number, Map<string, string | undefined>>;
}

/**
 * Matchers of recent queries, so paging, facet clicks and popular queries reuse their word
 * verdicts and highlighted texts (the analysis cache hands out the same TextInput for the same q).
 */
const recentMatchers = new Map<TextInput, Matcher>();
const RECENT_MATCHERS = 200;

export function matcherFor(text: TextInput, stem: (t: string) => string): Matcher {
  let m = recentMatchers.get(text);
  if (m && m.stem === stem) {
    recentMatchers.delete(text);
    recentMatchers.set(text, m);
    return m;
  }
  m = matcherOf(text, stem);
  if (recentMatchers.size >= RECENT_MATCHERS) recentMatchers.delete(recentMatchers.keys().next().value as TextInput);
  recentMatchers.set(text, m);
  return m;
}

export function matcherOf(text: TextInput, stem: (t: string) => string): Matcher {
  const exact = new Set<string>();
  for (const forms of text.forms) for (const f of forms) exact.add(f);
  for (const e of text.expansions) {
    for (const w of e.words) exact.add(w);
    for (const p of e.phrases) for (const t of tokenise(p)) if (t.length > 2) exact.add(stem(t));
  }
  const fuzzy = text.tokens.map((token) => ({ token, stem: stem(token), max: fuzzinessOf(token) })).filter((f) => f.max > 0);
  return { exact, fuzzy, stem, seen: new Map(), texts: new Map() };
}

// Rows of the distance table, reused for words (short); longer strings get their own.
const ROWS = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Optimal-string-alignment distance, giving up as soon as it exceeds `max`. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let [prev2, prev, cur] = b.length < 63 ? ROWS : [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]! <= max;
}

/** Process-wide memos of the two per-word costs (bounded). */
const MEMO_MAX = 50_000;
const stems = new Memo<string>(MEMO_MAX);
const folds = new Memo<string>(MEMO_MAX);

function stemOf(word: string, m: Matcher): string {
  return stems.get(word, () => m.stem(word));
}

function foldOf(word: string): string {
  return folds.get(word, () => fold(word));
}

function hits(word: string, m: Matcher): boolean {
  let v = m.seen.get(word);
  if (v === undefined) {
    v =
      m.exact.has(word) ||
      m.exact.has(stemOf(word, m)) ||
      m.fuzzy.some((f) => f.token[0] === word[0] && (withinEdits(f.token, word, f.max) || withinEdits(f.stem, stemOf(word, m), f.max)));
    if (m.seen.size < 5000) m.seen.set(word, v);
  }
  return v;
}

// Raw words as `tokenSpans` reads them (letters, marks, digits, inner apostrophes); folding is
// skipped for plain ASCII words, the common case, which fold to their lower case.
const RAW_WORD = /[\p{L}\p{M}\p{N}\u200c\u200d]+(?:['’‘ʼʻʿʾ`´][\p{L}\p{M}\p{N}\u200c\u200d]+)*/gu;
const PLAIN = /^[a-z0-9]+$/;
const SPLIT = /[^\p{L}\p{N}]+/u;

function wordMatches(raw: string, m: Matcher): boolean {
  const lower = raw.toLowerCase();
  if (PLAIN.test(lower)) return hits(lower, m);
  const folded = foldOf(lower);
  if (hits(folded.replace(/'/g, ''), m)) return true;
  return folded.split(SPLIT).some((part) => part.length > 0 && hits(part, m));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The text with matching words marked, or undefined when nothing matches. With `window`, only a
 * fragment of about that many characters around the first match is returned.
 */
export function highlight(text: string | undefined, m: Matcher, window = 0): string | undefined {
  if (!text) return undefined;
  let texts = m.texts.get(window);
  if (!texts) m.texts.set(window, (texts = new Map()));
  const known = texts.get(text);
  if (known !== undefined || texts.has(text)) return known;
  const out = mark(text, m, window);
  if (texts.size < 300) texts.set(text, out);
  return out;
}

function mark(text: string, m: Matcher, window: number): string | undefined {
  const marks: [number, number][] = [];
  for (const w of text.matchAll(RAW_WORD)) {
    if (!wordMatches(w[0], m)) continue;
    const start = w.index;
    const end = start + w[0].length;
    const last = marks[marks.length - 1];
    if (last && last[1] >= start) last[1] = Math.max(last[1], end);
    else marks.push([start, end]);
  }
  if (marks.length === 0) return undefined;
  let from = 0;
  let to = text.length;
  if (window && text.length > window) {
    const first = marks[0]![0];
    from = Math.max(0, first - Math.floor(window / 3));
    while (from > 0 && !/\s/.test(text[from - 1] ?? ' ')) from--;
    to = Math.min(text.length, from + window);
    while (to < text.length && !/\s/.test(text[to] ?? ' ')) to++;
  }
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [s, e] of marks) {
    if (e <= from || s >= to) continue;
    out += escape(text.slice(at, Math.max(at, s))) + '<em>' + escape(text.slice(Math.max(at, s), Math.min(e, to))) + '</em>';
    at = Math.min(e, to);
  }
  out += escape(text.slice(at, to)) + (to < text.length ? '…' : '');
  return out;
}
