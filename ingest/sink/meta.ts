import { isNotFound, type Es } from '../../src/es/client.js';
import { aliasTargets } from './indices.js';

/** `_meta` of the physical index behind an alias: the dataset version and the per-source digests. */

type Mappings = Record<string, { mappings?: { _meta?: Record<string, unknown> } }>;

/** The dataset version of what the alias points at, or undefined when there is no index yet. */
export async function datasetVersion(es: Es, alias: string): Promise<string | undefined> {
  let res: Mappings;
  try {
    res = (await es.indices.getMapping({ index: alias })) as Mappings;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  const newest = Object.keys(res).sort().reverse()[0];
  const v = newest ? res[newest]?.mappings?._meta?.dataset_version : undefined;
  return typeof v === 'string' ? v : undefined;
}

export async function readMeta(es: Es, index: string): Promise<Record<string, unknown>> {
  const res = (await es.indices.getMapping({ index })) as Mappings;
  return res[index]?.mappings?._meta ?? {};
}

/** Writes keys into `_meta`, keeping the keys already there (`current`, when the caller knows them). */
export async function writeMeta(es: Es, index: string, meta: Record<string, unknown>, current?: Record<string, unknown>): Promise<void> {
  const base = current ?? (await readMeta(es, index));
  await es.indices.putMapping({ index, _meta: { ...base, ...meta } });
}

/** The physical index behind an alias (the newest when several). */
export async function physicalIndex(es: Es, alias: string): Promise<string | undefined> {
  const all = await aliasTargets(es, alias);
  return all[all.length - 1];
}
