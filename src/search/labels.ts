import type { LangMap } from '../schemas/record.js';

/** Text of a language map in `lang`, else English, else any language present. */
export function pick(map: LangMap | undefined, lang: string): string | undefined {
  if (!map) return undefined;
  return map[lang] ?? map.en ?? Object.values(map)[0];
}

/** A readable stand-in for a key nobody labelled: `iraq-2015/clay-tablets` → `Clay tablets`. */
export function humanise(key: string): string {
  const last = key.split('/').pop() ?? key;
  const words = last.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** Chronological position of a period bucket key: `m-3` (3rd millennium BCE) → -3000, `c18` → 1701. */
export function bucketOrder(key: string): number {
  if (key === 'm-11plus') return -11_000;
  const m = /^([mc])(-?)(\d+)$/.exec(key);
  if (!m) return Number.MAX_SAFE_INTEGER;
  const n = Number(m[3]);
  const span = m[1] === 'm' ? 1000 : 100;
  return m[2] === '-' ? -n * span : (n - 1) * span + 1;
}

/** Category and list labels, as the lists index (or the hits themselves) give them. */
export interface ListInfo {
  id: string;
  title: LangMap;
  emergency: boolean;
}

export interface LabelSource {
  categoryLabel(key: string): LangMap | undefined;
  list(id: string): ListInfo | undefined;
}
