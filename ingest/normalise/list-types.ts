import type { LangMap, Warning } from '../../src/schemas/record.js';

/** A normalised Red List: what the lists index stores in `list` (see mappings/README.md). */

export interface Coverage {
  /** ISO 3166-1 alpha-2 codes of the names that resolved. */
  countries: string[];
  /** Regions named instead of countries (e.g. `América Latina`). */
  regions: string[];
  /** Names as printed. */
  verbatim: string[];
}

export interface ListCategory {
  /** `<list id>/<slug of en heading>[/<slug>]` */
  key: string;
  label: LangMap;
  dates?: string;
  text?: LangMap;
  /** Record ids of the illustrations directly under this category. */
  illustrations: string[];
  children: ListCategory[];
}

export interface ListSection {
  /** Era block heading, when the booklet has one. */
  heading?: LangMap;
  /** Whether the section is emergency (its own override or the list's flag). */
  emergency: boolean;
  coverage: Coverage;
  categories: ListCategory[];
}

export interface NormalisedList {
  id: string;
  number?: number;
  title: LangMap;
  year?: number;
  published?: string;
  emergency: boolean;
  coverage: Coverage;
  /** ISO codes of every country under an emergency list or section. */
  zone: string[];
  languages: string[];
  supersedes?: string;
  legislation: { country?: string; countryCode?: string; text?: string; convention?: string; ratified?: string }[];
  contacts: { name: string; city?: string; country?: string; countryCode?: string }[];
  suspiciousCharacteristics: LangMap[];
  sections: ListSection[];
  illustrationCount: number;
  source: { name: string; file: string };
  warnings: Warning[];
}
