/**
 * One gazetteer row: `[ISO 3166-1 alpha-2, 'en|fr|es|pt|de|ar|uk', 'alias|alias…', 'demonym|…']`.
 *
 * Names, aliases and demonyms are matched after `fold` + `stem`. A prefix changes where a name is used:
 * - `!name`: only as a whole input (`resolveCountry`), never found inside free text, because it is
 *   also an ordinary word: Arabic قطر (Qatar, also "diameter"), Ukrainian Того (Togo, also "of that"),
 *   Spanish Guadalupe (Guadeloupe, also the Virgin of Guadalupe), German Island (Iceland);
 * - `~name`: only inside free text (`findCountries`), never as a whole input: a city or site that
 *   places a caption in a country (Baghdad → IQ) but is not a country name for the `country` filter.
 * An empty label slot falls back to English.
 */
export type CountryRow = readonly [code: string, names: string, aliases?: string, demonyms?: string];

export const COUNTRY_LANGS = ['en', 'fr', 'es', 'pt', 'de', 'ar', 'uk'] as const;
export type CountryLang = (typeof COUNTRY_LANGS)[number];
