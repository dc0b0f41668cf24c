import { invalidParams, type ProblemField } from '../errors.js';
import { MAX_WINDOW, MEASURES, FACETS, type FacetName, type MeasureName, type SearchParams } from '../schemas/search.js';
import { analyseText } from './analyse.js';
import type { SearchDomain } from './domain.js';
import { parseMeasure, type NumRange } from './measure.js';
import type { TextInput } from './text.js';

/**
 * From validated parameters to a normalised search request: country names resolved to ISO codes,
 * measurements to millimetre/gram ranges, years to signed integers, materials to vocabulary keys.
 * Every problem is collected and reported at once, each naming its parameter.
 */

export const KINDS = ['redlist', 'inventory', 'report'] as const;

export interface Filters {
  list?: string[];
  category?: string[];
  country?: string[];
  region?: string[];
  zone?: string[];
  /** Selected material keys (as given, resolved). */
  material?: string[];
  /** Selected keys with their narrower keys: what the filter matches. */
  materialMatch?: string[];
  period?: string[];
  kind?: string[];
  emergency?: boolean;
  hasImage?: boolean;
  date?: { from?: number; to?: number };
  measures: { name: MeasureName | 'weight'; field: string; range: NumRange }[];
}

export interface SearchRequest {
  text?: TextInput;
  lang: string;
  filters: Filters;
  facets: FacetName[];
  facetSize: number;
  size: number;
  page: number;
  cursor?: string;
  exactTotal: boolean;
}

const LIST_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const CATEGORY_KEY = /^[\p{L}\p{N}][\p{L}\p{N}_~.-]*(\/[\p{L}\p{N}][\p{L}\p{N}_~.-]*){0,5}$/u;
const YEAR_MIN = -100_000;
const YEAR_MAX = 3_000;

function checkKeys(name: string, values: string[] | undefined, re: RegExp, errors: ProblemField[]): string[] | undefined {
  if (!values) return undefined;
  for (const v of values) if (!re.test(v)) errors.push({ name, reason: `"${v}" is not a valid ${name} key` });
  return [...new Set(values)];
}

function countryHint(v: string, domain: SearchDomain): string {
  if (/^[A-Z]{3}$/.test(v.trim())) return ' (use the two-letter ISO 3166 code, e.g. IQ for Iraq)';
  const s = domain.suggestCountry?.(v);
  return s ? `; did you mean ${domain.countryLabel(s, 'en')} (${s})?` : '';
}

function resolveCountries(name: string, values: string[] | undefined, domain: SearchDomain, errors: ProblemField[]): string[] | undefined {
  if (!values) return undefined;
  const out = new Set<string>();
  for (const v of values) {
    const code = domain.resolveCountry(v);
    if (code) {
      out.add(code);
      continue;
    }
    // A city or site of the gazetteer stands for its country, as in the bulk check (Palmyra → SY).
    const within = domain.countriesIn?.(v) ?? [];
    if (within.length === 1) out.add(within[0] as string);
    else if (within.length > 1) errors.push({ name, reason: `"${v}" names places in several countries (${within.join(', ')}); give one` });
    else errors.push({ name, reason: `"${v}" is not a known country code, country name or place${countryHint(v, domain)}` });
  }
  return [...out];
}

function resolveRegions(values: string[] | undefined, domain: SearchDomain, errors: ProblemField[]): string[] | undefined {
  if (!values) return undefined;
  if (!domain.resolveRegion) return [...new Set(values)];
  const out = new Set<string>();
  for (const v of values) {
    const key = domain.resolveRegion(v);
    if (key) out.add(key);
    else errors.push({ name: 'region', reason: `"${v}" is not a known region (e.g. mesopotamia, levant)` });
  }
  return [...out];
}

function resolveMaterials(values: string[] | undefined, domain: SearchDomain, errors: ProblemField[]): string[] | undefined {
  if (!values) return undefined;
  const out = new Set<string>();
  for (const v of values) {
    if (domain.vocabLabel(v, 'en') !== undefined) {
      out.add(v);
      continue;
    }
    const found = domain.expandQuery(v).filter((e) => e.kind === 'material');
    if (found.length === 0) errors.push({ name: 'material', reason: `"${v}" is not a known material` });
    for (const e of found) out.add(e.key);
  }
  return [...out];
}

function year(name: 'date_from' | 'date_to', v: number | string | undefined, domain: SearchDomain, errors: ProblemField[]) {
  if (v === undefined) return undefined;
  let y: number | undefined;
  if (typeof v === 'number') y = v;
  else if (/^[+-]?\d{1,6}$/.test(v)) y = Number(v);
  else y = domain.parseYear(v, name === 'date_from' ? 'earliest' : 'latest');
  if (y === undefined || !Number.isInteger(y)) {
    errors.push({ name, reason: `"${v}" is not a year (use a signed year such as -1000, or 1000 BC)` });
    return undefined;
  }
  if (y < YEAR_MIN || y > YEAR_MAX) {
    errors.push({ name, reason: `must be between ${YEAR_MIN} and ${YEAR_MAX}` });
    return undefined;
  }
  return y;
}

export function normaliseParams(p: SearchParams, domain: SearchDomain): SearchRequest {
  const errors: ProblemField[] = [];
  const text = analyseText(p.q, domain);
  if (!text && p.q !== undefined && p.q.trim() !== '') {
    // Emoji, punctuation or invisible characters only: searching nothing would answer every record.
    errors.push({ name: 'q', reason: 'has no word to search for (letters or digits); leave q out to browse every record' });
  }

  const kind = p.kind ? [...new Set(p.kind)] : undefined;
  for (const k of kind ?? []) {
    if (!(KINDS as readonly string[]).includes(k)) errors.push({ name: 'kind', reason: `"${k}" is not one of ${KINDS.join(', ')}` });
  }
  const period = p.period ? [...new Set(p.period)] : undefined;
  for (const b of period ?? []) {
    if (domain.periodLabel(b, 'en') === undefined) {
      errors.push({ name: 'period', reason: `"${b}" is not a period bucket (e.g. m-3 for the 3rd millennium BCE, c18 for the 18th century CE)` });
    }
  }

  const from = year('date_from', p.date_from, domain, errors);
  const to = year('date_to', p.date_to, domain, errors);
  if (from !== undefined && to !== undefined && from > to) {
    errors.push({ name: 'date_to', reason: `must not be earlier than date_from (${from} > ${to})` });
  }

  const tolerance = p.tolerance ?? 0.2;
  const measures: Filters['measures'] = [];
  for (const name of [...MEASURES, 'weight'] as const) {
    const v = p[name];
    if (v === undefined) continue;
    const range = parseMeasure(v, name === 'weight' ? 'weight' : 'length', tolerance, domain);
    if (typeof range === 'string') errors.push({ name, reason: range });
    else measures.push({ name, field: name === 'weight' ? 'weight_g' : `${name}_mm`, range });
  }

  const material = resolveMaterials(p.material, domain, errors);
  const filters: Filters = {
    list: checkKeys('list', p.list, LIST_ID, errors),
    category: checkKeys('category', p.category, CATEGORY_KEY, errors),
    country: resolveCountries('country', p.country, domain, errors),
    region: resolveRegions(p.region, domain, errors),
    zone: resolveCountries('zone', p.zone, domain, errors),
    material,
    materialMatch: material ? [...new Set(material.flatMap((k) => [k, ...domain.narrowerKeys(k)]))] : undefined,
    period,
    kind,
    emergency: p.emergency,
    hasImage: p.has_image,
    date: from !== undefined || to !== undefined ? { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) } : undefined,
    measures,
  };

  const size = p.size ?? 20;
  const page = p.page ?? 1;
  if (p.cursor !== undefined && p.page !== undefined) {
    errors.push({ name: 'page', reason: 'cannot be combined with cursor; a cursor already knows where to continue' });
  } else if (page * size > MAX_WINDOW) {
    errors.push({ name: 'page', reason: `page x size must stay within ${MAX_WINDOW}; continue with next_cursor beyond` });
  }
  if (errors.length > 0) throw invalidParams(errors);

  return {
    ...(text ? { text } : {}),
    lang: p.lang ?? 'en',
    filters,
    facets: p.facets ? FACETS.filter((f) => p.facets?.includes(f)) : [...FACETS],
    facetSize: p.facet_size ?? 30,
    size,
    page,
    ...(p.cursor !== undefined ? { cursor: p.cursor } : {}),
    exactTotal: p.exact_total ?? false,
  };
}
