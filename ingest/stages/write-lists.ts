import type { Es } from '../../src/es/client.js';
import type { Logger } from '../../src/logger.js';
import type { NormalisedList } from '../normalise/list-types.js';
import { runBulk, type BulkHooks, type BulkOp, type BulkTuning } from '../sink/bulk.js';
import { IndexWriter } from '../sink/writer.js';
import { listDocument } from './lists.js';

export interface ListWriteOptions {
  full: boolean;
  /** Lists the source held before this run (from its records), deleted if they are gone now. */
  owned: string[];
  /** The run covers one list file: other lists are left alone. */
  singleFile: boolean;
  tuning: BulkTuning;
  hooks: BulkHooks;
  log: Logger;
}

/** Writes the run's lists behind the lists alias: full rebuild or only what changed. */
export async function writeLists(es: Es, alias: string, lists: NormalisedList[], o: ListWriteOptions) {
  const ids = lists.map((l) => l.id);
  const scopeIds = o.singleFile ? ids : [...new Set([...o.owned, ...ids])];
  const writer = await IndexWriter.open(es, {
    alias,
    mapping: 'lists',
    full: o.full,
    scope: { ids: { values: scopeIds } },
    tuning: o.tuning,
    hooks: o.hooks,
    log: o.log,
  });
  let unchanged = 0;
  const ops: BulkOp[] = [];
  for (const list of lists) {
    const doc = listDocument(list);
    if (writer.needsWrite(doc.id, doc.content_hash)) ops.push({ op: 'index', id: doc.id, body: JSON.stringify(doc) });
    else unchanged++;
  }
  try {
    const r = ops.length ? await runBulk(es, writer.index, ops, o.tuning, o.hooks) : { ok: 0 };
    const c = await writer.commit(r.ok);
    return { read: lists.length, indexed: r.ok, unchanged, deleted: c.deleted };
  } catch (err) {
    await writer.abort().catch(() => {});
    throw err;
  }
}
