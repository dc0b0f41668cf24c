/** Types for years.js (plain JS served as-is to the browser). */
export type YearParse = { ok: true; year: number | null } | { ok: false; reason: 'format' | 'zero' };
export function parseYear(text: string | null | undefined): YearParse;
export function formatYear(year: number | string | null | undefined, lang?: string, withEra?: boolean): string;
export function formatRange(earliest: number | null | undefined, latest: number | null | undefined, lang?: string): string;
