// Interface language: chosen from the browser, switchable, remembered. Messages are small JSON
// files loaded on demand; record content comes from the API in the language asked for.

// The API's label languages, in the order the chooser lists them.
export const LANGUAGES = ['en', 'fr', 'es', 'pt', 'de', 'uk', 'ar'];
export const RTL = new Set(['ar']);
const STORE_KEY = 'redlist.lang';

let lang = 'en';
let messages = {};
let plural = new Intl.PluralRules('en');

/** Picks the interface language: ?lang=, then the remembered choice, then the browser's list. */
export function chooseLanguage({ url, stored, browser = [] }) {
  for (const candidate of [url, stored, ...browser]) {
    const base = String(candidate ?? '').toLowerCase().split(/[-_]/)[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export function storedLanguage() {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(code) {
  try {
    localStorage.setItem(STORE_KEY, code);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Loads a language's messages and applies lang/dir to the document. */
export async function setLanguage(code) {
  const res = await fetch(new URL(`../i18n/${code}.json`, import.meta.url));
  if (!res.ok) throw new Error(`messages for ${code}: HTTP ${res.status}`);
  messages = await res.json();
  lang = code;
  plural = new Intl.PluralRules(code);
  document.documentElement.lang = code;
  document.documentElement.dir = RTL.has(code) ? 'rtl' : 'ltr';
}

export const currentLanguage = () => lang;

/**
 * The form of a plural message for a count: an exact form (`"=0"`) first, then the language's
 * plural category (one, few, many, ...), then `other`.
 */
export function pluralForm(forms, count, rules) {
  const n = Number(count ?? 0);
  return forms[`=${n}`] ?? forms[rules.select(n)] ?? forms.other;
}

/**
 * Translates a key. `{name}` placeholders take vars; a message given as { one, other, ... } is
 * chosen for vars.count by pluralForm.
 */
export function t(key, vars = {}) {
  let msg = messages[key];
  if (msg && typeof msg === 'object') msg = pluralForm(msg, vars.count, plural);
  if (typeof msg !== 'string') return key;
  return msg.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? (name === 'count' ? fmtNumber(vars.count) : String(vars[name])) : m));
}

/** Applies translations to static markup: data-i18n (text), data-i18n-aria (aria-label). */
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  document.title = t('app.name');
}

/**
 * The best text of a language map for the current language: [text, language of that text].
 * Falls back to English, then to any language the map has.
 */
export function pickText(map, want = lang) {
  if (map === null || map === undefined) return ['', want];
  if (typeof map === 'string') return [map, want];
  for (const code of [want, 'en']) if (map[code]) return [map[code], code];
  const first = Object.entries(map).find(([, v]) => v);
  return first ? [first[1], first[0]] : ['', want];
}

export const pick = (map, want = lang) => pickText(map, want)[0];

const numberFormats = new Map();
export function fmtNumber(n, opts = {}) {
  const key = lang + JSON.stringify(opts);
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(lang, { numberingSystem: 'latn', ...opts }));
  return numberFormats.get(key).format(Number(n));
}

let regions;
/** A country's name in the interface language from its ISO code; the code when unknown. */
export function countryName(code) {
  if (!/^[A-Z]{2}$/.test(String(code))) return String(code);
  try {
    if (!regions || regions.lang !== lang) regions = { lang, names: new Intl.DisplayNames([lang], { type: 'region' }) };
    return regions.names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function fmtDate(date) {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', numberingSystem: 'latn' }).format(date);
}
