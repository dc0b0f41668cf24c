/**
 * Entries of the period gazetteer: periods, dynasties, reigns, cultures, styles and polities that
 * name a span of time. Years are signed (BCE negative, no year 0), inclusive.
 *
 * `kind` tells the caption splitter what a caption part naming only this entry is:
 * `period`, `dynasty` and `reign` parts are dates; `culture`, `style` and `polity` parts are
 * places/cultures (their span is still recorded as a period of the object).
 */
export type PeriodKind = 'period' | 'dynasty' | 'reign' | 'culture' | 'style' | 'polity';

export type PeriodLabels = { en: string } & Partial<Record<'fr' | 'es' | 'ar' | 'uk' | 'de' | 'pt', string>>;

export interface PeriodEntry {
  /** Stable key, e.g. `eg-new-kingdom`, `cn-tang`, `meso-late-classic`. */
  key: string;
  label: PeriodLabels;
  /** Extra spellings (any language); every label is an alias too. */
  aliases: string[];
  earliest: number;
  latest: number;
  kind: PeriodKind;
  /** ISO 3166-1 alpha-2 codes where this reading of the name applies; absent = anywhere. */
  region?: string[];
  /**
   * Aliases that are also ordinary words or other things (`Song`, `Han`, `Tang`, `Qi`): they only
   * count next to a generic word such as `dynasty`, `period`, `culture` (`Song dynasty`,
   * `Song–Jin period`).
   */
  strict?: string[];
}

export interface EntryOptions {
  region?: string[];
  strict?: string[];
}

/** Compact constructor used by the data files. */
export function def(
  kind: PeriodKind,
  key: string,
  span: [number, number],
  label: PeriodLabels,
  aliases: string[] = [],
  opts: EntryOptions = {},
): PeriodEntry {
  const e: PeriodEntry = { key, label, aliases, earliest: span[0], latest: span[1], kind };
  if (opts.region) e.region = opts.region;
  if (opts.strict) e.strict = opts.strict;
  return e;
}

export const MESOAMERICA = ['MX', 'GT', 'BZ', 'HN', 'SV', 'NI', 'CR', 'PA'];
export const ANDES = ['PE', 'BO', 'EC', 'CL', 'AR', 'CO'];
export const CARIBBEAN = ['DO', 'HT', 'CU', 'PR', 'JM', 'BS'];
export const WEST_AFRICA = ['ML', 'NE', 'NG', 'BF', 'GH', 'CI', 'SN', 'GM', 'GN', 'MR', 'TD', 'CM', 'BJ', 'TG'];
export const MESOPOTAMIA = ['IQ', 'SY'];
