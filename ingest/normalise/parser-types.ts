import type { DateRange, Measurements, Period, VocabTerm, Warning } from '../../src/schemas/record.js';

/**
 * What the normalisers need from the domain parsers, behind one seam (`parsers.ts` binds it to
 * `src/domain/*` and the caption parser). Every parser keeps what it cannot read as a warning.
 */
export interface Parsed<T> {
  value: T;
  warnings: Warning[];
}

export interface CaptionParts {
  objectName?: string | undefined;
  materialText?: string | undefined;
  placeText?: string | undefined;
  dateText?: string | undefined;
  measurementText?: string | undefined;
  holder?: { institution?: string | undefined; inventoryNumber?: string | undefined } | undefined;
  /** Parts of the caption no rule recognised. */
  rest: string[];
}

export interface Parsers {
  caption(caption: string, lang: string): CaptionParts;
  measurements(text: string): Parsed<Measurements>;
  date(text: string, lang: string): Parsed<DateRange>;
  periods(text: string, lang: string): Period[];
  countries(text: string): string[];
  isCountry(text: string): boolean;
  regions(text: string): string[];
  /** `lang` also matches that language's homographs (French `or` = gold). */
  materials(text: string, lang?: string): VocabTerm[];
  objectTypes(text: string, lang?: string): VocabTerm[];
}
