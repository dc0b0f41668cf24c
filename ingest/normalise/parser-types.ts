import type { DateRange, Measurements, Period, VocabTerm, Warning } from '../../src/schemas/record.js';

/**
 * What the normalisers need from the domain parsers, behind one seam (`parsers.ts` binds it to
 * `src/domain/*` and the caption parser). Every parser keeps what it cannot read as a warning.
 */
export interface Parsed<T> {
  value: T;
  warnings: Warning[];
}

/** A caption split into its parts, with its measurements and date already parsed. */
export interface CaptionResult {
  objectName?: string | undefined;
  materialText?: string | undefined;
  /** Place, site and culture parts, as printed. */
  placeTexts: string[];
  maker?: string | undefined;
  holder?: { institution?: string | undefined; inventoryNumber?: string | undefined } | undefined;
  /** Parts of the caption no rule recognised. */
  rest: string[];
  measurements?: Measurements | undefined;
  date?: DateRange | undefined;
  /** Measurement and date warnings. */
  warnings: Warning[];
}

export interface Parsers {
  /** `regions`: ISO codes of the list's coverage, to choose regional readings of period names. */
  caption(caption: string, lang: string, regions?: string[]): CaptionResult;
  measurements(text: string): Parsed<Measurements>;
  date(text: string, lang: string, regions?: string[]): Parsed<DateRange>;
  periods(text: string, lang: string): Period[];
  countries(text: string): string[];
  isCountry(text: string): boolean;
  regions(text: string): string[];
  /** `lang` also matches that language's homographs (French `or` = gold). */
  materials(text: string, lang?: string): VocabTerm[];
  objectTypes(text: string, lang?: string): VocabTerm[];
}
