import type { CanonicalRecord, LangMap } from '../schemas/record.js';
import type { SearchResponse } from '../schemas/search-response.js';
import type { SearchDomain } from './domain.js';
import { highlight, type Matcher } from './highlight.js';
import { pick } from './labels.js';
import { TEXT_FIELDS } from './text.js';

/** One Elasticsearch hit → one API hit: labels in the asked language, why it matched, a thumbnail. */

type Hit = SearchResponse['hits'][number];

export interface HitContext {
  lang: string;
  domain: SearchDomain;
  matcher?: Matcher;
  /** Names of the active filters: every hit satisfied them. */
  filterNames: string[];
}

export interface EsHit {
  _id?: string | null;
  _score?: number | null;
  _source?: unknown;
  matched_queries?: string[] | Record<string, number>;
}

const FIELD_ORDER = [...TEXT_FIELDS.map(([name]) => name), 'date', 'phrase'];
const SNIPPET = 220;

export const thumbnailUrl = (sha256: string) => `/v1/images/${sha256}/thumb`;

/** Public field names of the clauses that matched (`title|3` → `title`). */
function matchedFields(hit: EsHit): Set<string> {
  const mq = hit.matched_queries;
  const out = new Set<string>();
  if (!mq) return out;
  for (const name of Array.isArray(mq) ? mq : Object.keys(mq)) {
    const bar = name.indexOf('|');
    out.add(bar < 0 ? name : name.slice(0, bar));
  }
  return out;
}

/**
 * The part of the record a hit is fetched with (`HIT_SOURCE`); Elasticsearch leaves out empty
 * arrays and absent fields when filtering the source, so every part is optional here.
 */
interface HitRecord {
  id?: string;
  kind?: CanonicalRecord['kind'];
  title?: LangMap;
  list?: CanonicalRecord['list'];
  category?: CanonicalRecord['category'];
  objectType?: CanonicalRecord['objectType'];
  materials?: CanonicalRecord['materials'];
  materialText?: string;
  description?: LangMap;
  inscriptions?: string;
  places?: { countries?: string[] };
  images?: { sha256?: string }[];
  source?: { text?: string };
}

/** Labels of vocabulary terms in `lang`, joined; empty when there are none. */
function joinLabels(terms: { label: LangMap }[] | undefined, lang: string, sep: string): string {
  let out = '';
  if (!terms) return out;
  for (let i = 0; i < terms.length; i++) {
    const label = pick(terms[i]!.label, lang) ?? '';
    out += i === 0 ? label : sep + label;
  }
  return out;
}

function materialText(r: HitRecord, lang: string): string {
  let out = '';
  for (const t of r.materials ?? []) {
    const label = pick(t.label, lang);
    if (label) out += out ? `, ${label}` : label;
  }
  if (r.materialText) out += out ? `, ${r.materialText}` : r.materialText;
  return out;
}

/**
 * The first other language's text with a match: a field that matched in a language other than the
 * one asked for still shows why (the index holds every language of a text).
 */
function inOtherLanguage(map: Record<string, string> | undefined, lang: string, m: Matcher, window = 0): string | undefined {
  for (const [l, text] of Object.entries(map ?? {})) {
    if (l === lang) continue;
    const v = highlight(text, m, window);
    if (v) return v;
  }
  return undefined;
}

/** Highlights of the fields Elasticsearch says matched, in the asked language when it matched there. */
function highlights(r: HitRecord, lang: string, m: Matcher | undefined, matched: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!m || matched.size === 0) return out;
  let v: string | undefined;
  if (matched.has('title') && (v = highlight(pick(r.title, lang), m) ?? inOtherLanguage(r.title, lang, m))) out.title = v;
  if (matched.has('object_type') && (v = highlight(joinLabels(r.objectType, lang, ', '), m))) out.object_type = v;
  if (matched.has('category') && (v = highlight(joinLabels(r.category, lang, ' › '), m))) out.category = v;
  if (matched.has('material') && (v = highlight(materialText(r, lang), m))) out.material = v;
  if (
    matched.has('description') &&
    (v = highlight(pick(r.description, lang), m, SNIPPET) ?? highlight(r.source?.text, m, SNIPPET) ?? inOtherLanguage(r.description, lang, m, SNIPPET))
  ) {
    out.description = v;
  }
  if (matched.has('inscriptions') && (v = highlight(r.inscriptions, m, SNIPPET))) out.inscriptions = v;
  if (!out.description && !out.title && (matched.has('place') || matched.has('period') || matched.has('phrase'))) {
    const caption = highlight(r.source?.text, m, SNIPPET);
    if (caption) out.caption = caption;
  }
  return out;
}

/** Matched field names in display order, then the active filters, each once. */
function matchedNames(matched: Set<string>, filterNames: string[]): string[] {
  const out: string[] = [];
  if (matched.size > 0) for (const n of FIELD_ORDER) if (matched.has(n)) out.push(n);
  for (const n of filterNames) if (!out.includes(n)) out.push(n);
  return out;
}

export function toHit(hit: EsHit, ctx: HitContext): Hit {
  const r = (hit._source as { record?: HitRecord } | undefined)?.record;
  const id = r?.id ?? hit._id ?? '';
  if (!r) {
    return { id, score: hit._score ?? 0, kind: 'redlist', title: id, list: null, category: [], countries: [], thumbnail: null, highlight: {}, matched: [] };
  }
  const image = r.images?.[0]?.sha256;
  const matched = matchedFields(hit);
  const lang = ctx.lang;
  const category: Hit['category'] = [];
  for (const s of r.category ?? []) category.push({ key: s.key, label: pick(s.label, lang) ?? s.key });
  const countries: Hit['countries'] = [];
  for (const c of r.places?.countries ?? []) countries.push({ key: c, label: ctx.domain.countryLabel(c, lang) });
  return {
    id,
    score: Math.round((hit._score ?? 0) * 1000) / 1000,
    kind: r.kind ?? 'redlist',
    title: pick(r.title, lang) ?? pick(r.objectType?.[0]?.label, lang) ?? id,
    list: r.list ? { id: r.list.id, title: pick(r.list.title, lang) ?? r.list.id, emergency: r.list.emergency } : null,
    category,
    countries,
    thumbnail: image ? thumbnailUrl(image) : null,
    highlight: highlights(r, lang, ctx.matcher, matched),
    matched: matchedNames(matched, ctx.filterNames),
  };
}
