import type { InputField } from './fields.js';

/**
 * The verdict of one hit, from which of the row's inputs it matched and its score. A hit is a
 * reason to check provenance, never a proof: the levels say how closely the row resembles a
 * Red List category, not whether the object is stolen.
 *
 * Signals (a `q` row counts the record fields its words matched):
 * - type:     `object_type` matched, or `q` matched the record's object type or category;
 * - material: `material` matched, or `q` matched the record's materials;
 * - country:  `country` matched the record's countries, or `q` named the place;
 * - date:     the `date` span overlaps the record's, or `q` named the period;
 * - measure:  a height, width or diameter within ±20 %;
 * - text:     `title`, `inscriptions` or `q` matched.
 *
 * Levels:
 * - `strong`:   type, and at least two of material / country / date, and neither the row's country
 *               nor its date contradicts the hit (given but not matched), and score ≥ STRONG_MIN_SCORE;
 * - `possible`: type, or at least two of the other signals, and score ≥ POSSIBLE_MIN_SCORE;
 * - `none`:     anything else (a weak, single-word resemblance), and rows without hits.
 * A row's level is the best level among its hits.
 */

export const LEVELS = ['strong', 'possible', 'none'] as const;
export type Level = (typeof LEVELS)[number];

/** Below this a hit is only a faint textual echo (one fuzzy word in a long description). */
export const POSSIBLE_MIN_SCORE = 8;
export const STRONG_MIN_SCORE = 30;

type Signal = 'type' | 'material' | 'country' | 'date' | 'measure' | 'text';

const SIGNAL_OF: Record<string, Signal> = {
  object_type: 'type',
  'q.object_type': 'type',
  'q.category': 'type',
  material: 'material',
  'q.material': 'material',
  country: 'country',
  'q.place': 'country',
  date: 'date',
  'q.period': 'date',
  height: 'measure',
  width: 'measure',
  diameter: 'measure',
  title: 'text',
  inscriptions: 'text',
  q: 'text',
};

/** The row's inputs a hit matched, in input order (the `reasons` shown to the user). */
export function reasonsOf(matched: readonly string[], given: readonly InputField[]): string[] {
  const set = new Set(matched);
  const out: string[] = given.filter((g) => set.has(g));
  // For `q`, the record fields its words were found in.
  for (const m of matched) if (m.startsWith('q.') && m !== 'q.phrase' && !out.includes(m)) out.push(m);
  return out;
}

export function levelOf(score: number, matched: readonly string[], given: readonly InputField[]): Level {
  const signals = new Set<Signal>();
  for (const m of matched) {
    const s = SIGNAL_OF[m];
    if (s) signals.add(s);
  }
  const context = (['material', 'country', 'date'] as const).filter((s) => signals.has(s)).length;
  const contradicted = (given.includes('country') && !signals.has('country')) || (given.includes('date') && !signals.has('date'));
  if (signals.has('type') && context >= 2 && !contradicted && score >= STRONG_MIN_SCORE) return 'strong';
  const others = [...signals].filter((s) => s !== 'type').length;
  if ((signals.has('type') || others >= 2) && score >= POSSIBLE_MIN_SCORE) return 'possible';
  return 'none';
}

export const bestLevel = (levels: Iterable<Level>): Level => {
  let best: Level = 'none';
  for (const l of levels) if (LEVELS.indexOf(l) < LEVELS.indexOf(best)) best = l;
  return best;
};
