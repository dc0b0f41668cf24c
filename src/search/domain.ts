/**
 * What the search needs from the domain modules (folding, vocabularies, countries, measurements,
 * dates), behind one interface so the pure builders can be exercised with any vocabulary and the
 * service wires the real one (`realDomain` in `./domain-real.ts`).
 */

export interface Expansion {
  key: string;
  kind: 'material' | 'objectType';
  /** Folded equivalent terms in every language (single words or phrases). */
  terms: string[];
}

export interface SearchDomain {
  /** Vocabulary entries the query text names, with their equivalents in every language. */
  expandQuery(text: string): Expansion[];
  /** Keys under `key` in its vocabulary (not including `key`). */
  narrowerKeys(key: string): string[];
  /** Label of a vocabulary key in `lang` (English fallback); undefined for an unknown key. */
  vocabLabel(key: string, lang: string): string | undefined;
  /** ISO code for an ISO code or a country name in any language; undefined when unknown. */
  resolveCountry(input: string): string | undefined;
  /** Countries of the places a text names, cities and sites included (`Baghdad` → IQ), in order. */
  countriesIn?(text: string): string[];
  /** The country whose name is a typo away from the input (`Syira` → SY), for a "did you mean". */
  suggestCountry?(input: string): string | undefined;
  countryLabel(code: string, lang: string): string;
  /** Region key for a key or a region name in any language; undefined when unknown. */
  resolveRegion?(input: string): string | undefined;
  regionLabel(key: string, lang: string): string;
  /** Label of a period bucket (`m-3`, `c18`); undefined when the key is not a bucket. */
  periodLabel(bucket: string, lang: string): string | undefined;
  /** Millimetres for a length with its unit; bare numbers take `defaultUnit`. */
  parseLength(text: string, defaultUnit?: string): number | undefined;
  /** Grams for a weight with its unit. */
  parseWeight(text: string): number | undefined;
  /** A signed year for `1000 BC`, `AD 500`, `3rd millennium BC`...: the start (`earliest`) or end of the span. */
  parseYear(text: string, end: 'earliest' | 'latest'): number | undefined;
  /** The same light stemmer the index uses. */
  stem(token: string): string;
  /**
   * Countries and regions a query names, each with the query words that name it
   * (`statuette bronze syrie` → SY from `syrie`; `Mesopotamian seal` → region `mesopotamia`).
   */
  placesIn?(tokens: string[]): { field: 'countries' | 'regions'; value: string; covers: number[] }[];
  /** Named periods among the query's words (`colonial`, `Old Babylonian`, `Tang dynasty`), with their spans. */
  periodsIn?(tokens: string[]): { key: string; earliest: number; latest: number; covers: number[]; countries?: string[] }[];
  /**
   * Parts of a compound word whose parts are vocabulary terms but which is not one itself
   * (`keilschrifttafel` → `keilschrift tafel`, `bronzestatuette` → `bronze statuette`).
   */
  splitCompound?(word: string): string[] | undefined;
}
