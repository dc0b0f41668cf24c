import { indexNames, type Config } from '../../config.js';
import { createEs } from '../../es/client.js';
import type { SearchDomain } from '../../search/domain.js';
import { DatasetVersion } from '../../search/version.js';
import { checkRows } from '../execute.js';
import type { Mapping } from '../mapping.js';
import type { BulkResult } from '../result.js';
import { readRows } from '../rows.js';
import type { InputFile } from './input.js';

/**
 * `npm run bulk -- --direct`: the same check as the API, in this process, against the configured
 * Elasticsearch (ELASTICSEARCH_URL, else the managed local node's port). No row or byte limit:
 * the file is local and streamed.
 */
export async function* directResults(
  config: Config,
  domain: SearchDomain,
  input: InputFile,
  o: { mapping: Mapping; k: number; lang: string },
): AsyncGenerator<BulkResult> {
  const url = config.ELASTICSEARCH_URL ?? `http://127.0.0.1:${config.ELASTICSEARCH_PORT}`;
  const es = createEs({ url, apiKey: config.ELASTICSEARCH_API_KEY });
  try {
    const index = indexNames(config.INDEX_PREFIX).objects;
    const version = new DatasetVersion(es, index, 1000);
    const engine = { es, index, domain, chunk: config.BULK_CHUNK, concurrency: config.BULK_CONCURRENCY, version: () => version.get() };
    const unlimited = { maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER };
    const rows = readRows(input.open(), { kind: input.kind, mapping: o.mapping, limits: unlimited });
    for await (const chunk of checkRows(rows, engine, { k: o.k, lang: o.lang })) yield* chunk;
  } finally {
    await es.close();
  }
}
