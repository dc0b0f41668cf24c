import { isNotFound, type Es, type estypes } from '../es/client.js';
import { AppError, invalidParams } from '../errors.js';
import type { CanonicalRecord } from '../schemas/record.js';
import type { SearchParams } from '../schemas/search.js';
import type { SearchResponse } from '../schemas/search-response.js';
import { decodeCursor, encodeCursor, type SortValue } from './cursor.js';
import type { SearchDomain } from './domain.js';
import { readFacets } from './facets.js';
import { checkKnownKeys, unknownKeys } from './known-keys.js';
import { matcherFor } from './highlight.js';
import { toHit, type EsHit } from './hits.js';
import { normaliseParams, type SearchRequest } from './params.js';
import { buildSearch, queryHashOf } from './query.js';
import { relaxedRequiredOf, requiredOf, significantCount } from './text.js';
import { ReferenceCache, type ReferenceData } from './reference.js';
import { DatasetVersion, notReady } from './version.js';

/**
 * Runs a search: validated parameters → normalised request → pure query builder → one
 * Elasticsearch round trip → hits, facets, dataset version and the next cursor.
 */

/** Below this many hits, a query of several words is retried requiring fewer of them. */
export const RELAX_BELOW = 10;

/** Whether requiring fewer words would change the query (several significant words). */
export function canRelax(req: SearchRequest): boolean {
  const n = req.text ? significantCount(req.text) : 0;
  return n >= 2 && relaxedRequiredOf(n) < requiredOf(n);
}

export const totalOf = (res: estypes.SearchResponse<unknown>) => {
  const t = res.hits.total;
  return typeof t === 'number' ? t : (t?.value ?? 0);
};

export interface SearchServiceOptions {
  es: Es;
  /** Aliases of the objects and lists indices. */
  objects: string;
  lists: string;
  domain: SearchDomain;
  versionTtlMs?: number;
}

export class SearchService {
  readonly es: Es;
  readonly objects: string;
  readonly lists: string;
  readonly domain: SearchDomain;
  readonly version: DatasetVersion;
  readonly reference: ReferenceCache;

  constructor(o: SearchServiceOptions) {
    this.es = o.es;
    this.objects = o.objects;
    this.lists = o.lists;
    this.domain = o.domain;
    this.version = new DatasetVersion(o.es, o.objects, o.versionTtlMs);
    this.reference = new ReferenceCache(o.es, o.lists);
  }

  /** Dataset version and reference data (lists, labels) for the current data. */
  async context(): Promise<{ version: string; ref: ReferenceData }> {
    const version = await this.version.get();
    return { version, ref: await this.reference.get(version) };
  }

  /** The request as it will run; throws a 400 naming each bad parameter. */
  prepare(params: SearchParams): { req: SearchRequest; after?: SortValue[]; relaxed: boolean } {
    const req = normaliseParams(params, this.domain);
    if (req.cursor === undefined) return { req, relaxed: false };
    const { after, relaxed } = decodeCursor(req.cursor, queryHashOf(req));
    if (after.length !== 2 || typeof after[0] !== 'number' || typeof after[1] !== 'string') {
      throw invalidParams([{ name: 'cursor', reason: 'is not a cursor returned by this API' }], 'SEARCH_INVALID_CURSOR');
    }
    return { req, after, relaxed };
  }

  /**
   * A refusal of `prepare`, completed with the unknown lists and categories (they are otherwise
   * checked once the data's reference is at hand), so the user fixes every bad filter at once.
   */
  private async withUnknownKeys(err: unknown, params: SearchParams): Promise<unknown> {
    if (!(err instanceof AppError) || err.code !== 'SEARCH_INVALID_PARAMETER' || !(params.list || params.category)) return err;
    const { ref } = await this.context();
    const named = new Set(err.fields.map((f) => f.name));
    const more = unknownKeys({ list: params.list, category: params.category }, ref).filter((f) => !named.has(f.name));
    return more.length ? invalidParams([...err.fields, ...more]) : err;
  }

  /**
   * Runs the query; when fewer than RELAX_BELOW records match enough of the words (a word absent
   * from the data, a stray word), runs it again requiring only half of them, and says so.
   * A cursor carries the mode, so later pages stay consistent.
   */
  private async execute(req: SearchRequest, after: SortValue[] | undefined, relaxed: boolean) {
    const built = buildSearch(req, after, { relaxed });
    const res = await this.searchObjects(built.body);
    if (!relaxed && after === undefined && canRelax(req) && totalOf(res) < RELAX_BELOW) {
      const loose = buildSearch(req, after, { relaxed: true });
      const res2 = await this.searchObjects(loose.body);
      if (totalOf(res2) > totalOf(res)) return { built: loose, res: res2, relaxed: true };
    }
    return { built, res, relaxed };
  }

  /** A search on the objects alias; a missing alias is a 503 "index not ready", not a 500. */
  async searchObjects<T = unknown>(body: estypes.SearchRequest): Promise<estypes.SearchResponse<T>> {
    try {
      return await this.es.search<T>({ index: this.objects, ...body });
    } catch (err) {
      throw isNotFound(err) ? notReady(this.objects) : err;
    }
  }

  async search(params: SearchParams): Promise<SearchResponse> {
    let prepared: ReturnType<SearchService['prepare']>;
    try {
      prepared = this.prepare(params);
    } catch (err) {
      throw await this.withUnknownKeys(err, params);
    }
    const { req, after } = prepared;
    const [ctx, { built, res, relaxed }] = await Promise.all([this.context(), this.execute(req, after, prepared.relaxed)]);
    checkKnownKeys(req, ctx.ref);
    const esHits = res.hits.hits;
    const page = esHits.slice(0, req.size);
    const total = typeof res.hits.total === 'number' ? { value: res.hits.total, relation: 'eq' } : res.hits.total;
    const totalValue = total?.value ?? 0;
    const more = esHits.length > req.size || (built.fetch === req.size && totalValue > built.from + req.size);
    const last = page[page.length - 1];

    for (const h of page) {
      for (const s of (h._source as { record?: CanonicalRecord } | undefined)?.record?.category ?? []) ctx.ref.learnCategory(s.key, s.label);
    }
    const hitCtx = {
      lang: req.lang,
      domain: this.domain,
      filterNames: built.filters.names,
      ...(req.text ? { matcher: matcherFor(req.text, this.domain.stem) } : {}),
    };
    return {
      total: totalValue,
      total_relation: total?.relation === 'gte' ? 'gte' : 'eq',
      hits: page.map((h) => toHit(h as EsHit, hitCtx)),
      facets: readFacets(res.aggregations as Record<string, unknown> | undefined, req, { lang: req.lang, domain: this.domain, labels: ctx.ref }),
      dataset_version: ctx.version,
      next_cursor: more && last?.sort ? encodeCursor(last.sort as SortValue[], built.queryHash, relaxed) : null,
      relaxed,
    };
  }
}
