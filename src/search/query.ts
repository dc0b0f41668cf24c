import type { estypes } from '../es/client.js';
import { MAX_WINDOW, type FacetName } from '../schemas/search.js';
import { fingerprint, type SortValue } from './cursor.js';
import { buildFilters, FACET_FIELDS, othersThan, type FilterClauses } from './filters.js';
import type { SearchRequest } from './params.js';
import { textQuery, type TextInput } from './text.js';

/**
 * The pure builder: a normalised request in, the Elasticsearch search body out. No I/O, so the
 * exact DSL is pinned by golden snapshots.
 */

type Query = estypes.QueryDslQueryContainer;

/** Red List records are what an officer needs first when relevance is close. */
export const REDLIST_WEIGHT = 1.25;
/** The tree needs every category of the matching records, not the top few. */
const CATEGORY_FACET_SIZE = 3000;
const PERIOD_FACET_SIZE = 200;

/** The parts of the stored record a hit needs (the rest is served by `/v1/objects/:id`). */
export const HIT_SOURCE = [
  'record.id',
  'record.kind',
  'record.title',
  'record.list',
  'record.category',
  'record.objectType',
  'record.materials',
  'record.materialText',
  'record.description',
  'record.inscriptions',
  'record.places.countries',
  'record.images.sha256',
  'record.source.text',
];

export const SORT: estypes.Sort = [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }];

export interface BuiltSearch {
  body: estypes.SearchRequest;
  /** Offset of the first hit (0 with a cursor). */
  from: number;
  /** Hits asked for: one more than the page when that tells whether more hits exist. */
  fetch: number;
  /** Fingerprint of the query and filters, binding cursors to them. */
  queryHash: string;
  filters: FilterClauses;
}

/** Fingerprint of what selects and orders hits (not paging, language or facets). */
export function queryHashOf(req: SearchRequest): string {
  return fingerprint([req.text?.folded ?? '', req.filters]);
}

function facetAgg(req: SearchRequest, name: FacetName, filters: FilterClauses): estypes.AggregationsAggregationContainer {
  const field = FACET_FIELDS[name];
  const size = name === 'category' ? CATEGORY_FACET_SIZE : name === 'period' ? PERIOD_FACET_SIZE : req.facetSize;
  const values: estypes.AggregationsAggregationContainer = { terms: { field, size } };
  const selected = selectedOf(req, name);
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = { v: values };
  if (selected.length > 0 && name !== 'category' && name !== 'period') {
    // Counts of the selected values even when they fall outside the top `size`.
    aggs.sel = { terms: { field, size: selected.length, include: selected } };
  }
  const context = othersThan(filters.facet, name);
  return { filter: context.length > 0 ? { bool: { filter: context } } : { match_all: {} }, aggs };
}

export function selectedOf(req: SearchRequest, name: FacetName): string[] {
  const f = req.filters;
  switch (name) {
    case 'category':
      return f.category ?? [];
    case 'region':
      return f.region ?? [];
    case 'country':
      return f.country ?? [];
    case 'emergency_zone':
      return f.zone ?? [];
    case 'list':
      return f.list ?? [];
    case 'material':
      return f.material ?? [];
    case 'period':
      return f.period ?? [];
  }
}

/**
 * The text query of an analysed text, built once per text and mode: the analysis cache hands out
 * the same TextInput for the same words, and paging, facet clicks and popular queries repeat them.
 * Shared between requests, so never mutated (the body only goes to the client's serialiser).
 */
const textQueries = new WeakMap<TextInput, { strict?: Query; relaxed?: Query }>();

function textQueryOf(input: TextInput, relaxed: boolean): Query {
  let built = textQueries.get(input);
  if (!built) textQueries.set(input, (built = {}));
  return relaxed ? (built.relaxed ??= textQuery(input, { relaxed: true })) : (built.strict ??= textQuery(input));
}

/** Weight of a record whose own places name the country filtered on (against its list's coverage). */
const ORIGIN_WEIGHT = 1.5;

/**
 * Score functions from the filters: a country's own records first, then nearness to what was
 * asked (a single measurement: a Gaussian decay that keeps the full score at the value and halves
 * it at the window's edge; a date window: see below).
 */
function filterRanking(req: SearchRequest): estypes.QueryDslFunctionScoreContainer[] {
  const out: estypes.QueryDslFunctionScoreContainer[] = [];
  // A country asked for: the records that name it come before those its Red List's coverage adds.
  const country = req.filters.country;
  if (country?.length) out.push({ filter: { terms: { origin_countries: country } }, weight: ORIGIN_WEIGHT });
  // With words, nearness only breaks near-ties (the words decide); without, it is the ranking.
  const decay = req.text ? 0.8 : 0.5;
  for (const m of req.filters.measures) {
    const { target, lte } = m.range;
    if (target === undefined || lte <= target) continue;
    out.push({ gauss: { [m.field]: { origin: target, scale: Math.round((lte - target) * 100) / 100, decay } } });
  }
  // A date window with both ends ranks the records whose span fits it best first: each end of the
  // record's span is scored by its distance to the same end of the window (half at half the window's
  // length, at least 50 years), so a span of the window itself beats one of several millennia.
  const date = req.filters.date;
  if (date?.from !== undefined && date.to !== undefined) {
    const scale = Math.max(50, Math.round((date.to - date.from) / 2));
    out.push({ gauss: { date_earliest: { origin: date.from, scale, decay } } });
    out.push({ gauss: { date_latest: { origin: date.to, scale, decay } } });
  }
  return out;
}

export function buildSearch(req: SearchRequest, after?: SortValue[], opts: { relaxed?: boolean } = {}): BuiltSearch {
  const filters = buildFilters(req.filters);
  const text: Query = req.text ? textQueryOf(req.text, opts.relaxed === true) : { match_all: {} };
  const query: Query = {
    function_score: {
      query: filters.main.length > 0 ? { bool: { must: [text], filter: filters.main } } : text,
      functions: [{ filter: { term: { kind: 'redlist' } }, weight: REDLIST_WEIGHT }, ...filterRanking(req)],
      score_mode: 'multiply',
      boost_mode: 'multiply',
    },
  };
  const from = after ? 0 : (req.page - 1) * req.size;
  // One extra hit says whether there is a next page, as long as it stays inside the window.
  const probe = req.size > 0 && (after !== undefined || from + req.size + 1 <= MAX_WINDOW);
  const fetch = req.size + (probe ? 1 : 0);
  const postFilter = othersThan(filters.facet, undefined);
  const body: estypes.SearchRequest = {
    query,
    ...(postFilter.length > 0 ? { post_filter: { bool: { filter: postFilter } } } : {}),
    size: fetch,
    ...(from > 0 ? { from } : {}),
    sort: SORT,
    ...(after ? { search_after: after } : {}),
    track_total_hits: req.exactTotal ? true : Math.max(MAX_WINDOW, from + req.size + 1),
    _source: HIT_SOURCE,
    ...(req.facets.length > 0
      ? { aggs: Object.fromEntries(req.facets.map((name) => [name, facetAgg(req, name, filters)])) }
      : {}),
  };
  // The fingerprint is only needed for a next-page cursor: computed on first use.
  let queryHash: string | undefined;
  return {
    body,
    from,
    fetch,
    get queryHash() {
      return (queryHash ??= queryHashOf(req));
    },
    filters,
  };
}
