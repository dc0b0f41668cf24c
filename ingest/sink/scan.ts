import type { Es, estypes } from '../../src/es/client.js';

/**
 * Reads every `id → content_hash` (and optionally `source_name`) of an index, optionally filtered,
 * in pages sorted by id with `search_after`, from doc values only. No scroll context is held open.
 */
export async function* scanIds(
  es: Es,
  index: string,
  query: estypes.QueryDslQueryContainer | undefined,
  pageSize = 5000,
  withSource = false,
): AsyncGenerator<[string, string, string?][]> {
  let after: estypes.SortResults | undefined;
  for (;;) {
    const res = await es.search({
      index,
      size: pageSize,
      _source: false,
      track_total_hits: false,
      docvalue_fields: withSource ? ['id', 'content_hash', 'source_name'] : ['id', 'content_hash'],
      sort: [{ id: 'asc' }],
      ...(query ? { query } : {}),
      ...(after ? { search_after: after } : {}),
    });
    const hits = res.hits.hits;
    if (!hits.length) return;
    yield hits.map((h) => {
      const f = h.fields as Record<string, unknown[]> | undefined;
      const id = String(f?.id?.[0] ?? h._id);
      const hash = String(f?.content_hash?.[0] ?? '');
      return withSource ? [id, hash, String(f?.source_name?.[0] ?? '')] : [id, hash];
    });
    after = hits[hits.length - 1]?.sort;
    if (hits.length < pageSize) return;
  }
}

/** Every document `_source` of an index matching a query, page by page. */
export async function* scanSources(
  es: Es,
  index: string,
  query: estypes.QueryDslQueryContainer | undefined,
  pageSize = 1000,
): AsyncGenerator<Record<string, unknown>[]> {
  let after: estypes.SortResults | undefined;
  for (;;) {
    const res = await es.search<Record<string, unknown>>({
      index,
      size: pageSize,
      track_total_hits: false,
      sort: [{ id: 'asc' }],
      ...(query ? { query } : {}),
      ...(after ? { search_after: after } : {}),
    });
    const hits = res.hits.hits;
    if (!hits.length) return;
    yield hits.map((h) => h._source ?? {});
    after = hits[hits.length - 1]?.sort;
    if (hits.length < pageSize) return;
  }
}
