import { isNotFound, type Es } from '../../src/es/client.js';
import { sha256Hex } from '../normalise/stable-json.js';
import { aliasTargets } from './indices.js';
import { scanIds } from './scan.js';

/**
 * The dataset version lives in the physical index's mapping `_meta.dataset_version`: a sha256 over
 * the sorted `id content_hash` pairs of every document, so the same content always has the same
 * version whichever way (full or incremental) it was built.
 */

/** The dataset version of what the alias points at, or undefined when there is no index yet. */
export async function datasetVersion(es: Es, alias: string): Promise<string | undefined> {
  let res: Record<string, { mappings?: { _meta?: Record<string, unknown> } }>;
  try {
    res = (await es.indices.getMapping({ index: alias })) as typeof res;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  const newest = Object.keys(res).sort().reverse()[0];
  const v = newest ? res[newest]?.mappings?._meta?.dataset_version : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Computes the content version of an index (refresh it first). */
export async function computeVersion(es: Es, index: string): Promise<string> {
  const pairs: string[] = [];
  for await (const page of scanIds(es, index, undefined)) for (const [id, hash] of page) pairs.push(`${id} ${hash}`);
  pairs.sort();
  return sha256Hex(pairs.join('\n'));
}

/** Writes `dataset_version` (and other keys) into `_meta`, keeping the keys already there. */
export async function writeMeta(es: Es, index: string, meta: Record<string, unknown>): Promise<void> {
  const res = (await es.indices.getMapping({ index })) as Record<string, { mappings?: { _meta?: Record<string, unknown> } }>;
  const current = res[index]?.mappings?._meta ?? {};
  await es.indices.putMapping({ index, _meta: { ...current, ...meta } });
}

/** The physical index behind an alias (the newest when several). */
export async function physicalIndex(es: Es, alias: string): Promise<string | undefined> {
  const all = await aliasTargets(es, alias);
  return all[all.length - 1];
}
