import { fold } from '../fold.js';
import { PhraseIndex } from '../phrase-index.js';

/** Languages every common vocabulary entry is labelled in. */
export const VOCAB_LANGS = ['en', 'fr', 'es', 'pt', 'de', 'ar', 'uk'] as const;
export type VocabLang = (typeof VOCAB_LANGS)[number];

export type VocabKind = 'material' | 'objectType';

export interface VocabEntry {
  key: string;
  label: { en: string } & Partial<Record<VocabLang, string>>;
  /** Every spelling, plural and synonym in any language, matched whatever the text's language. */
  terms: string[];
  /**
   * Homographs matched only when the caller says the text is in that language (ISO 639-1), e.g.
   * French `or` (gold, but English "or"), Spanish `temple` (tempera), Portuguese `os`.
   * Query expansion (language unknown) uses them too.
   */
  langTerms?: Record<string, string[]>;
  /** Key of the broader entry: a query for the broader key also matches this one. */
  broader?: string;
}

export interface Vocabulary {
  kind: VocabKind;
  entries: ReadonlyMap<string, VocabEntry>;
  /** Direct narrower keys of each key. */
  children: ReadonlyMap<string, readonly string[]>;
  /** Index for a text in a given language (language-neutral terms plus that language's homographs). */
  indexFor(lang?: string): PhraseIndex<string>;
  /** Index for queries: every term of every language; a phrase may name several keys. */
  queryIndex: PhraseIndex<string[]>;
  /** Phrases that two entries of this vocabulary both claim (should be empty). */
  conflicts(): string[];
}

export interface TermMatch {
  key: string;
  /** The words as written in the text. */
  source: string;
}

/**
 * Compact entry notation used by the data files:
 * `v(key, 'en|fr|es|pt|de|ar|uk', 'term, term, fr:homograph, …', broader?)`.
 * Labels are also terms, except a label written `=label` (shown, never matched: an Arabic word
 * that also means something else). An empty label slot falls back to English. A term written
 * `xx:term` is a homograph matched only in texts of language `xx` (see `langTerms`).
 */
export function v(key: string, labels: string, terms = '', broader?: string): VocabEntry {
  const parts = labels.split('|').map((s) => s.trim());
  const label: VocabEntry['label'] = { en: (parts[0] ?? '').replace(/^=/u, '') || key };
  const list: string[] = [];
  VOCAB_LANGS.forEach((lang, i) => {
    const text = parts[i];
    if (!text) return;
    label[lang] = text.replace(/^=/u, '');
    if (!text.startsWith('=')) list.push(text);
  });
  const langTerms: Record<string, string[]> = {};
  for (const raw of terms.split(',')) {
    const t = raw.trim();
    if (!t) continue;
    const m = /^([a-z]{2}):(.+)$/u.exec(t);
    if (m?.[1] && m[2]) (langTerms[m[1]] ??= []).push(m[2]);
    else list.push(t);
  }
  const entry: VocabEntry = { key, label, terms: list };
  if (Object.keys(langTerms).length > 0) entry.langTerms = langTerms;
  if (broader) entry.broader = broader;
  return entry;
}

/** Folded phrases of a term list, with `-s` plurals of 3-letter words (jar/jars, urn/urns). */
export function foldedPhrases(list: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of list) {
    const f = fold(text);
    if (!f) continue;
    out.add(f);
    if (/^[a-z]{3}$/u.test(f)) out.add(`${f}s`);
  }
  return [...out];
}

/** Every folded phrase naming an entry, in all languages. */
export function allPhrases(entry: VocabEntry): string[] {
  return foldedPhrases([...entry.terms, ...Object.values(entry.langTerms ?? {}).flat()]);
}

/** Build a vocabulary once (at module load): indexes, entry map and hierarchy. */
export function buildVocabulary(kind: VocabKind, list: readonly VocabEntry[], blockers: readonly string[] = []): Vocabulary {
  const entries = new Map<string, VocabEntry>();
  const children = new Map<string, string[]>();
  for (const entry of list) {
    if (entries.has(entry.key)) throw new Error(`duplicate ${kind} key ${entry.key}`);
    entries.set(entry.key, entry);
    if (entry.broader) children.set(entry.broader, [...(children.get(entry.broader) ?? []), entry.key]);
  }
  const build = (lang?: string): PhraseIndex<string> => {
    const index = new PhraseIndex<string>();
    for (const b of blockers) index.add(b, null);
    for (const e of list) {
      const extra = lang ? (e.langTerms?.[lang] ?? []) : [];
      for (const p of foldedPhrases([...e.terms, ...extra])) index.add(p, e.key);
    }
    return index;
  };
  const byLang = new Map<string, PhraseIndex<string>>([['', build()]]);
  const queryIndex = new PhraseIndex<string[]>((a, b) => [...new Set([...a, ...b])]);
  for (const b of blockers) queryIndex.add(b, null);
  for (const e of list) for (const p of allPhrases(e)) queryIndex.add(p, [e.key]);
  const langs = new Set(list.flatMap((e) => Object.keys(e.langTerms ?? {})));
  for (const lang of langs) byLang.set(lang, build(lang));
  return {
    kind,
    entries,
    children,
    indexFor: (lang) => byLang.get(lang ?? '') ?? (byLang.get('') as PhraseIndex<string>),
    queryIndex,
    conflicts: () =>
      [...byLang.values()].flatMap((ix) => ix.conflicts.map((c) => `${c.phrase}: ${c.kept} / ${c.ignored}`)),
  };
}

/**
 * Vocabulary entries named in a text (folded, token-boundary safe, longest phrase first, light
 * plural handling through `stem`). Pass the text's language to also match that language's
 * homographs. Each key appears once, in order of first appearance.
 */
export function matchTerms(text: string, vocab: Vocabulary, lang?: string): TermMatch[] {
  const seen = new Set<string>();
  const out: TermMatch[] = [];
  for (const hit of vocab.indexFor(lang).scan(text)) {
    if (seen.has(hit.value)) continue;
    seen.add(hit.value);
    out.push({ key: hit.value, source: hit.source });
  }
  return out;
}

/** Every key below `key` in the hierarchy (transitively), not including `key` itself. */
export function descendants(vocab: Vocabulary, key: string): string[] {
  const out: string[] = [];
  const stack = [...(vocab.children.get(key) ?? [])];
  while (stack.length > 0) {
    const k = stack.pop() as string;
    if (out.includes(k)) continue;
    out.push(k);
    stack.push(...(vocab.children.get(k) ?? []));
  }
  return out;
}
