/** Types for state.js (plain JS served as-is to the browser). */
export interface PageState {
  view: 'search' | 'object' | 'photo' | 'bulk';
  filters: Partial<Record<string, string[]>>;
  object?: string;
  job?: string;
  [key: string]: unknown;
}
export const MULTI: readonly string[];
export const SINGLE: readonly string[];
export const DIMENSIONS: readonly string[];
export const UNITS: readonly string[];
export const TOLERANCES: readonly string[];
export const VIEWS: readonly string[];
export const PAGE_SIZE: number;
export const PAGE_WINDOW: number;
export function parseState(search: string): PageState;
export function toQuery(state: PageState): string;
export function hasSearch(state: PageState): boolean;
export function toggleFilter(state: PageState, facet: string, key: string): PageState;
export function resetPaging(state: PageState): PageState;
export function searchPart(state: PageState): PageState;
export function apiSearchParams(state: PageState, lang: string, size?: number): URLSearchParams;
export function pageWindow(current: number, last: number, radius?: number): (number | null)[];
export function lastPage(total: number, size?: number): number;
export const QUERY_MAX_CHARS: number;
export const QUERY_MAX_WORDS: number;
export const FIELD_MAX_CHARS: number;
export const FACET_SIZE: number;
export function needsUnit(value: string): boolean;
export function measureParam(value: string, unit?: string): string;
export function measureText(value: string, unit?: string): string;
export function queryWords(text: string | undefined): number;
