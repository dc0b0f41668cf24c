import type { Es, estypes } from '../es/client.js';
import { AppError } from '../errors.js';
import type { SearchDomain } from '../search/domain.js';
import type { InputField, InputRow, RowError } from './fields.js';
import { orderedChunks } from './ordered.js';
import { buildRowQuery, hitSource } from './query.js';
import { okResult, shapeHit, type BulkResult, type EsHit } from './result.js';

/**
 * Runs rows through `_msearch`: one request per chunk of rows, a bounded number of chunks in
 * flight, results in input order (see `orderedChunks`). Rows that are errors already, or whose
 * inputs leave nothing to search, are answered without a query. Each checked row carries the
 * dataset version read just before its chunk was searched, so a check that straddles a reload of
 * the data says which rows saw which data.
 */

export interface BulkEngine {
  es: Es;
  /** The objects alias. */
  index: string;
  domain: SearchDomain;
  chunk: number;
  concurrency: number;
  /** The dataset version behind `index` (a short-lived cache: see `DatasetVersion`). */
  version: () => Promise<string>;
}

export interface CheckOptions {
  /** Hits per row. */
  k: number;
  /** Language of labels (English fallback). */
  lang: string;
}

interface Prepared {
  row: InputRow;
  given: InputField[];
  warnings: RowError[];
  body?: estypes.SearchRequest;
  error?: RowError;
}

function prepare(row: InputRow, engine: BulkEngine, opts: CheckOptions): Prepared {
  if (row.error) return { row, given: [], warnings: [], error: row.error };
  const q = buildRowQuery(row.fields, engine.domain, opts.k);
  if ('error' in q) return { row, given: [], warnings: [], error: q.error };
  return { row, given: q.given, warnings: q.warnings, body: q.body };
}

type MsearchItem = estypes.MsearchResponseItem<unknown>;

function errorReason(item: MsearchItem): string {
  const e = (item as estypes.ErrorResponseBase).error;
  return e ? `${e.type}: ${e.reason ?? 'search failed'}` : 'search failed';
}

/** Checks one chunk of rows with a single `_msearch`; results in the rows' order. */
export async function checkChunk(rows: InputRow[], engine: BulkEngine, opts: CheckOptions): Promise<BulkResult[]> {
  const prepared = rows.map((r) => prepare(r, engine, opts));
  const searches: estypes.MsearchRequestItem[] = [];
  const _source = hitSource(opts.lang);
  for (const p of prepared) if (p.body) searches.push({}, { ...(p.body as estypes.SearchSearchRequestBody), _source });
  const version = searches.length ? await engine.version() : '';
  const responses: MsearchItem[] = searches.length
    ? (await engine.es.msearch({ index: engine.index, searches })).responses
    : [];
  if (responses.length && responses.every((r) => 'error' in r && r.error.type === 'index_not_found_exception')) {
    throw new AppError('INDEX_NOT_READY', `The index ${engine.index} does not exist yet; load the Red Lists first`, [], 30);
  }
  let i = 0;
  return prepared.map((p): BulkResult => {
    if (!p.body) return { ref: p.row.ref, row: p.row.row, error: p.error! };
    const item = responses[i++];
    if (!item || 'error' in item) {
      return { ref: p.row.ref, row: p.row.row, error: { field: 'query', reason: item ? errorReason(item) : 'no response' } };
    }
    const best = item.hits.hits[0]?._score ?? 0;
    const hits = item.hits.hits.map((h) => shapeHit(h as EsHit, best, p.given, opts.lang));
    return okResult(p.row.ref, p.row.row, hits, p.warnings, version);
  });
}

/** Checks a stream of rows; yields result chunks in order, memory bounded by chunk × concurrency. */
export function checkRows(rows: AsyncIterable<InputRow>, engine: BulkEngine, opts: CheckOptions): AsyncGenerator<BulkResult[]> {
  return orderedChunks(rows, { chunkSize: engine.chunk, concurrency: engine.concurrency }, (chunk) => checkChunk(chunk, engine, opts));
}
