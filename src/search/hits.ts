import type { CanonicalRecord, LangMap } from '../schemas/record.js';
import type { SearchResponse } from '../schemas/search-response.js';
import type { SearchDomain } from './domain.js';
import { highlight, type Matcher } from './highlight.js';
import { pick } from './labels.js';
import { publicName, TEXT_FIELDS } from './text.js';

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

function matchedFields(hit: EsHit): Set<string> {
  const mq = hit.matched_queries;
  return new Set((Array.isArray(mq) ? mq : mq ? Object.keys(mq) : []).map(publicName));
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

const labels = (terms: { label: LangMap }[] | undefined, lang: string) => (terms ?? []).map((t) => pick(t.label, lang));

/** Highlights of the fields Elasticsearch says matched, in the asked language. */
function highlights(r: HitRecord, ctx: HitContext, matched: Set<string>): Record<string, string> {
  const m = ctx.matcher;
  if (!m) return {};
  const out: Record<string, string> = {};
  const put = (field: string, value: () => string | undefined) => {
    if (!matched.has(field)) return;
    const v = value();
    if (v) out[field] = v;
  };
  put('title', () => highlight(pick(r.title, ctx.lang), m));
  put('object_type', () => highlight(labels(r.objectType, ctx.lang).join(', '), m));
  put('category', () => highlight(labels(r.category, ctx.lang).join(' › '), m));
  put('material', () => highlight([...labels(r.materials, ctx.lang), r.materialText].filter(Boolean).join(', '), m));
  put('description', () => highlight(pick(r.description, ctx.lang), m, SNIPPET) ?? highlight(r.source?.text, m, SNIPPET));
  put('inscriptions', () => highlight(r.inscriptions, m, SNIPPET));
  if (!out.description && !out.title && (matched.has('place') || matched.has('period') || matched.has('phrase'))) {
    const caption = highlight(r.source?.text, m, SNIPPET);
    if (caption) out.caption = caption;
  }
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
  return {
    id,
    score: Math.round((hit._score ?? 0) * 1000) / 1000,
    kind: r.kind ?? 'redlist',
    title: pick(r.title, ctx.lang) ?? pick(r.objectType?.[0]?.label, ctx.lang) ?? id,
    list: r.list ? { id: r.list.id, title: pick(r.list.title, ctx.lang) ?? r.list.id, emergency: r.list.emergency } : null,
    category: (r.category ?? []).map((s) => ({ key: s.key, label: pick(s.label, ctx.lang) ?? s.key })),
    countries: (r.places?.countries ?? []).map((c) => ({ key: c, label: ctx.domain.countryLabel(c, ctx.lang) })),
    thumbnail: image ? thumbnailUrl(image) : null,
    highlight: highlights(r, ctx, matched),
    matched: [...new Set([...FIELD_ORDER.filter((n) => matched.has(n)), ...ctx.filterNames])],
  };
}
