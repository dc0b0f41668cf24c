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
 * - date:     the `date` span, widened by its tolerance (±5 % of its age, ±10 % when approximate;
 *             see `date-tolerance.ts`), meets the record's, or `q` named the period;
 * - measure:  a height, width or diameter within ±20 %;
 * - text:     `title`, `inscriptions` or `q` matched.
 * The row's country "contradicts" a hit when the row gives a country and the hit is not from it
 * (a Red List covers objects of its own countries); likewise for the date outside its tolerance
 * (`ca. 2100 BC` agrees with a record of 2136–2121 BC; `18th century` contradicts it).
 *
 * Levels:
 * - `strong`:   type, and at least two of material / country / date, neither the country nor the
 *               date contradicted, and a score at least half the row's best (a leading hit);
 * - `possible`: type, or at least two of the other signals, when the country is not contradicted;
 *               when it is (the hit is from another country's list), only an all-round resemblance
 *               counts: type, material, date and title/text together;
 * - `none`:     anything else, any hit scoring under MIN_SCORE, and rows without hits.
 * A row's level is the best level among its hits. Measured on the Walters inventory against the 17
 * sample lists: the 1,885 objects from countries with a Red List come out 49 % strong, 50 % possible,
 * 1 % none; the 12,073 from other countries 0.7 % strong (the list's records name that country too,
 * e.g. French medals in the Haiti list), 16 % possible, 83 % none. (Without the date tolerance:
 * 43 % / 56 % / 1 % and 0.6 % / 11 % / 88 %.)
 */

export const LEVELS = ['strong', 'possible', 'none'] as const;
export type Level = (typeof LEVELS)[number];

/** Below this a hit is only a faint textual echo. */
export const MIN_SCORE = 5;
/** A strong hit scores at least this share of the row's best hit. */
export const STRONG_SHARE = 0.5;

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

export function levelOf(score: number, best: number, matched: readonly string[], given: readonly InputField[]): Level {
  if (score < MIN_SCORE) return 'none';
  const signals = new Set<Signal>();
  for (const m of matched) {
    const s = SIGNAL_OF[m];
    if (s) signals.add(s);
  }
  const has = (...xs: Signal[]) => xs.every((x) => signals.has(x));
  const countryOk = !given.includes('country') || has('country');
  const dateOk = !given.includes('date') || has('date');
  const context = (['material', 'country', 'date'] as const).filter((s) => signals.has(s)).length;
  if (has('type') && context >= 2 && countryOk && dateOk && score >= STRONG_SHARE * best) return 'strong';
  if (countryOk) return has('type') || [...signals].filter((s) => s !== 'type').length >= 2 ? 'possible' : 'none';
  return has('type', 'material', 'date', 'text') ? 'possible' : 'none';
}

export const bestLevel = (levels: Iterable<Level>): Level => {
  let best: Level = 'none';
  for (const l of levels) if (LEVELS.indexOf(l) < LEVELS.indexOf(best)) best = l;
  return best;
};
