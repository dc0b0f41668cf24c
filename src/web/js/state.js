// The whole page state lives in the querystring, in the API's own vocabulary, so a search can be
// bookmarked, shared, reloaded and walked with back/forward. Pure functions: no DOM, no fetch.

/** Filters that take several values (facets): repeated parameters, `country=IQ&country=SY`. */
export const MULTI = ['category', 'list', 'country', 'region', 'zone', 'material', 'period', 'kind'];
/** Single-valued search inputs. */
export const SINGLE = [
  'q', 'emergency', 'has_image', 'date_from', 'date_to',
  'height', 'width', 'length', 'diameter', 'unit', 'tolerance', 'page', 'cursor',
];
export const DIMENSIONS = ['height', 'width', 'diameter', 'length'];
export const UNITS = ['cm', 'mm', 'in', 'm'];
export const TOLERANCES = ['10', '20', '30', '50'];
export const VIEWS = ['search', 'object', 'photo', 'bulk'];
export const PAGE_SIZE = 20;
/** Hits reachable by page number; beyond, the API pages with a cursor. */
export const PAGE_WINDOW = 10000;
/** The API's bounds on `q` (MAX_QUERY_CHARS, MAX_QUERY_TERMS in src/schemas/search.ts). */
export const QUERY_MAX_CHARS = 200;
export const QUERY_MAX_WORDS = 16;
/**
 * Values asked for per flat facet: the API's maximum (`facet_size`, default 30), so that a facet's
 * "Show all" shows every value (the sample data has 41 countries and about 95 materials).
 */
export const FACET_SIZE = 200;
/** The API's bound on a measurement or year as text. */
export const FIELD_MAX_CHARS = 40;

const MAX_VALUES = 50;
const MAX_LEN = 500;

/** Parses `location.search` into a state object; unknown parameters are ignored. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const state = { view: 'search', filters: {} };
  for (const key of MULTI) {
    const values = [...new Set(p.getAll(key).flatMap(splitValues))].slice(0, MAX_VALUES);
    if (values.length) state.filters[key] = values;
  }
  for (const key of SINGLE) {
    const v = (p.get(key) ?? '').trim().slice(0, MAX_LEN);
    if (v !== '') state[key] = v;
  }
  const page = Number(state.page);
  if (!Number.isInteger(page) || page < 1) delete state.page;
  if (state.emergency !== 'true' && state.emergency !== 'false') delete state.emergency;
  if (state.has_image !== 'true') delete state.has_image;
  if (state.unit && !UNITS.includes(state.unit)) delete state.unit;
  if (state.tolerance && !TOLERANCES.includes(state.tolerance)) delete state.tolerance;
  const object = p.get('object');
  const view = p.get('view');
  if (object) {
    state.view = 'object';
    state.object = object.slice(0, MAX_LEN);
  } else if (view && VIEWS.includes(view)) {
    state.view = view;
  }
  const job = p.get('job');
  if (state.view === 'bulk' && job) state.job = job.slice(0, MAX_LEN);
  return state;
}

function splitValues(v) {
  const s = v.trim();
  return s ? [s.slice(0, MAX_LEN)] : [];
}

/** The querystring for a state (with leading `?`, or '' when empty), in a stable order. */
export function toQuery(state) {
  const p = new URLSearchParams();
  if (state.view === 'object' && state.object) p.set('object', state.object);
  else if (state.view === 'photo' || state.view === 'bulk') p.set('view', state.view);
  if (state.view === 'bulk' && state.job) p.set('job', state.job);
  if (state.view === 'search' || state.view === 'object') {
    for (const key of SINGLE) {
      const v = state[key];
      if (v === undefined || v === null || v === '') continue;
      if (key === 'page' && String(v) === '1') continue;
      p.set(key, String(v));
    }
    for (const key of MULTI) for (const v of state.filters?.[key] ?? []) p.append(key, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** True when the state asks for a search (a query or any filter). */
export function hasSearch(state) {
  if (state.q) return true;
  if (Object.values(state.filters ?? {}).some((v) => v.length)) return true;
  return ['emergency', 'has_image', 'date_from', 'date_to', ...DIMENSIONS].some((k) => state[k]);
}

/** A copy of the state with one facet value toggled; paging starts again. */
export function toggleFilter(state, facet, key) {
  const current = state.filters?.[facet] ?? [];
  const next = current.includes(key) ? current.filter((v) => v !== key) : [...current, key];
  const filters = { ...state.filters, [facet]: next };
  if (!next.length) delete filters[facet];
  return resetPaging({ ...state, filters });
}

export function resetPaging(state) {
  const next = { ...state };
  delete next.page;
  delete next.cursor;
  return next;
}

/** Only the search part of a state (used for "back to results" and the object page's links). */
export function searchPart(state) {
  const next = { ...state, view: 'search' };
  delete next.object;
  delete next.job;
  return next;
}

/**
 * The `/v1/search` parameters for a state. Measurements go with their unit (`height=24cm`) and
 * the tolerance as a fraction; years are signed integers already.
 */
export function apiSearchParams(state, lang, size = PAGE_SIZE) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  p.set('lang', lang);
  for (const key of MULTI) for (const v of state.filters?.[key] ?? []) p.append(key, v);
  for (const key of ['emergency', 'has_image', 'date_from', 'date_to']) if (state[key]) p.set(key, state[key]);
  const unit = state.unit ?? 'cm';
  let anyDimension = false;
  for (const key of DIMENSIONS) {
    if (!state[key]) continue;
    anyDimension = true;
    p.set(key, measureParam(state[key], unit));
  }
  if (anyDimension && state.tolerance) p.set('tolerance', String(Number(state.tolerance) / 100));
  p.set('size', String(size));
  p.set('facet_size', String(FACET_SIZE));
  if (state.cursor) p.set('cursor', state.cursor);
  else if (state.page && state.page !== '1') p.set('page', state.page);
  return p;
}

/** True when a measurement as typed names no unit of its own (`24`, `9 1/2`, `9½`, `20-30`). */
export function needsUnit(value) {
  return /[\d\u00bc-\u00be\u2150-\u215e]$/.test(String(value).trim());
}

/**
 * A measurement for the API: as typed, with the unit chosen in the dropdown added when the text
 * has none (`24` + cm -> `24cm`, `9 1/2` + in -> `9 1/2 in`, `20-30 cm` stays as it is).
 */
export function measureParam(value, unit = 'cm') {
  const v = String(value).trim();
  if (!needsUnit(v)) return v;
  return /^\d+(\.\d+)?$/.test(v) ? `${v}${unit}` : `${v} ${unit}`;
}

/** A measurement as shown to people: `24 cm`, `9 1/2 in`, `20-30 cm`. */
export function measureText(value, unit = 'cm') {
  const v = String(value).trim();
  return needsUnit(v) ? `${v} ${unit}` : v;
}

// Words as the API counts them (`tokens` in src/domain/fold.ts): a raw word is letters, marks and
// digits of any script with apostrophes between them; it is folded (accents and the Arabic tatweel
// dropped, every apostrophe-like sign made `'`), split on anything that is not a letter or digit
// (hyphens, `½` → `1⁄2`), and split at an apostrophe after a one-letter word or an elided article
// (`d'un` and `l'objet` are two words each, `qur'an` is one).
const RAW_WORD_RE = /[\p{L}\p{M}\p{N}\u200c\u200d]+(?:['’‘ʼʻʿʾ`´][\p{L}\p{M}\p{N}\u200c\u200d]+)*/gu;
const ELISIONS = new Set(['qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'dell', 'nell', 'all', 'sull', 'dall', 'coll', 'quell', 'un']);

function foldWord(raw) {
  return raw.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/[\u0640\u200b-\u200d\ufeff\u00ad]/gu, '').replace(/[’‘‛ʼʻʿʾ`´′]/gu, "'");
}

function apostropheParts(word) {
  const parts = word.split("'").filter((p) => p.length > 0);
  let count = 0;
  let current = '';
  for (const part of parts) {
    if (current === '') current = part;
    else if (current.length === 1 || ELISIONS.has(current)) {
      count++;
      current = part;
    } else current += part;
  }
  return count + (current ? 1 : 0);
}

/**
 * Words in a query, counted as the API counts them (see above). The API also splits a German-style
 * compound of two vocabulary terms into two words, which the page cannot know: it may count one
 * fewer there.
 */
export function queryWords(text) {
  let n = 0;
  for (const raw of String(text ?? '').match(RAW_WORD_RE) ?? []) {
    for (const word of foldWord(raw).split(/[^\p{L}\p{N}']+/u)) n += apostropheParts(word);
  }
  return n;
}

/** Page numbers to show around `current` (1-based) with gaps as null: [1, null, 4, 5, 6, null, 20]. */
export function pageWindow(current, last, radius = 2) {
  const pages = [];
  const near = (n) => n === 1 || n === last || Math.abs(n - current) <= radius;
  for (let n = 1; n <= last; n++) {
    // A gap never hides a single page: show that page instead.
    if (near(n) || (near(n - 1) && near(n + 1))) pages.push(n);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}

/** The last page reachable by number for a total, within the API's page window. */
export function lastPage(total, size = PAGE_SIZE) {
  return Math.max(1, Math.ceil(Math.min(total, PAGE_WINDOW) / size));
}
