/** Types for the pure parts of i18n.js used by tests (plain JS served as-is to the browser). */
export const LANGUAGES: readonly string[];
export const RTL: ReadonlySet<string>;
export function chooseLanguage(opts: { url?: string | null; stored?: string | null; browser?: readonly string[] }): string;
export function pickText(map: Record<string, string> | string | null | undefined, want?: string): [string, string];
export function pick(map: Record<string, string> | string | null | undefined, want?: string): string;
export function pluralForm(forms: Record<string, string>, count: number | string | undefined, rules: Intl.PluralRules): string | undefined;
