import { buildDocument, type DocumentDeps } from '../../ingest/normalise/document.js';
import { emptyRecord } from '../../ingest/normalise/record-base.js';
import type { Es } from '../../src/es/client.js';
import { indexNames } from '../../src/config.js';
import type { CanonicalRecord } from '../../src/schemas/record.js';
import type { ListDoc } from '../../src/search/reference.js';
import objectsMapping from '../../mappings/objects.json' with { type: 'json' };
import listsMapping from '../../mappings/lists.json' with { type: 'json' };

/**
 * Small indices for search tests, built the way the ingest builds them: canonical records through
 * the real document builder (`ingest/normalise/document.ts`), the mapping files, a versioned
 * physical index behind the `<prefix>-objects` alias, and `dataset_version` in its `_meta`.
 */

type Partial2<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

/** A canonical record with empty defaults; `over` sets what the test is about. */
export function record(id: string, over: Partial2<CanonicalRecord> = {}): CanonicalRecord {
  const base: CanonicalRecord = { ...emptyRecord(id, 'redlist', { name: 'test', file: 'test.json' }), title: { en: id } };
  return {
    ...base,
    ...over,
    measurements: { ...base.measurements, ...over.measurements },
    date: { ...base.date, ...over.date },
    places: { ...base.places, ...over.places },
    emergency: { ...base.emergency, ...over.emergency },
    source: { ...base.source, ...over.source },
  } as CanonicalRecord;
}

export async function createIndices(es: Es, prefix: string, version: string): Promise<{ objects: string; lists: string }> {
  const names = indexNames(prefix);
  const objects = `${names.objects}-v1`;
  const lists = `${names.lists}-v1`;
  const om = objectsMapping as { settings: object; mappings: { _meta?: object } & Record<string, unknown> };
  await es.indices.create({
    index: objects,
    settings: om.settings,
    mappings: { ...om.mappings, _meta: { ...om.mappings._meta, dataset_version: version } } as never,
    aliases: { [names.objects]: {} },
  });
  const lm = listsMapping as { settings: object; mappings: object };
  await es.indices.create({ index: lists, settings: lm.settings, mappings: lm.mappings as never, aliases: { [names.lists]: {} } });
  return { objects, lists };
}

/** Indexes documents in bulk (chunks of 2,000) and refreshes. */
export async function bulkDocs(es: Es, index: string, docs: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 2000) {
    const operations = docs.slice(i, i + 2000).flatMap((d) => [{ index: { _index: index, _id: String(d.id) } }, d]);
    const res = await es.bulk({ operations, refresh: false });
    if (res.errors) {
      const first = res.items.find((it) => it.index?.error)?.index?.error;
      throw new Error(`bulk failed: ${JSON.stringify(first)}`);
    }
  }
  await es.indices.refresh({ index });
}

/** Indexes records (through the document builder) and lists; returns the physical index names. */
export async function indexRecords(
  es: Es,
  prefix: string,
  records: CanonicalRecord[],
  opts: { lists?: ListDoc[]; version?: string; deps: DocumentDeps },
): Promise<{ objects: string; lists: string }> {
  const names = await createIndices(es, prefix, opts.version ?? 'test-version-1');
  await bulkDocs(es, names.objects, records.map((r) => buildDocument(r, opts.deps)));
  const lists = opts.lists ?? [];
  if (lists.length > 0) {
    await bulkDocs(
      es,
      names.lists,
      lists.map((l) => ({ id: l.id, year: l.year, emergency: l.emergency, list: l })),
    );
  }
  return names;
}

/**
 * Deletes the indices whose names start with the prefix, by name (Elasticsearch refuses wildcard
 * deletes by default: `action.destructive_requires_name`).
 */
export async function dropIndices(es: Es, prefix: string): Promise<void> {
  const found = await es.indices.get({ index: `${prefix}*`, expand_wildcards: 'all', allow_no_indices: true, ignore_unavailable: true });
  const names = Object.keys(found);
  if (names.length > 0) await es.indices.delete({ index: names, ignore_unavailable: true });
}
