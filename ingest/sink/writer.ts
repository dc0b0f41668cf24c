import type { Es, estypes } from '../../src/es/client.js';
import type { Logger } from '../../src/logger.js';
import { runBulk, type BulkHooks, type BulkOp, type BulkTuning } from './bulk.js';
import { createVersionedIndex, ensureAlias, indexDefinition, swapAlias, aliasTargets, type MappingName } from './indices.js';
import { computeVersion, writeMeta } from './meta.js';
import { scanIds, scanSources } from './scan.js';

/**
 * Where one ingest run writes its documents behind an alias.
 *
 * - full: a new physical index (refresh off while it fills), the documents of other sources copied
 *   over from the current index, then — on commit — refresh, `dataset_version` in `_meta`, one
 *   atomic alias swap, and the old index deleted. Until the swap, searches see the old index.
 * - incremental: the alias's current index; existing `id → content_hash` of the run's scope are
 *   read first, only new or changed documents are written, and on commit the scope's documents
 *   the run did not see are deleted; `dataset_version` changes only when something did.
 */

export interface WriterOptions {
  alias: string;
  mapping: MappingName;
  full: boolean;
  /** The documents this run owns (its source, or one file of it). */
  scope: estypes.QueryDslQueryContainer;
  tuning: BulkTuning;
  hooks: BulkHooks;
  log: Logger;
}

export interface CommitResult {
  deleted: number;
  datasetVersion: string | undefined;
  changed: boolean;
  index: string;
}

export class IndexWriter {
  private readonly seen = new Set<string>();
  carried = 0;
  written = 0;

  private constructor(
    private readonly es: Es,
    private readonly opts: WriterOptions,
    readonly index: string,
    private readonly existing: Map<string, string>,
  ) {}

  static async open(es: Es, opts: WriterOptions): Promise<IndexWriter> {
    if (opts.full) {
      const current = (await aliasTargets(es, opts.alias)).at(-1);
      const index = await createVersionedIndex(es, opts.alias, opts.mapping, { settings: { refresh_interval: '-1' } });
      const writer = new IndexWriter(es, opts, index, new Map());
      if (current) await writer.carryOver(current);
      return writer;
    }
    const index = await ensureAlias(es, opts.alias, opts.mapping);
    const existing = new Map<string, string>();
    for await (const page of scanIds(es, index, opts.scope)) for (const [id, hash] of page) existing.set(id, hash);
    return new IndexWriter(es, opts, index, existing);
  }

  /** Copies the documents outside this run's scope from the old index (full builds only). */
  private async carryOver(from: string): Promise<void> {
    const es = this.es;
    const pages = scanSources(es, from, { bool: { must_not: [this.opts.scope] } });
    const ops = (async function* () {
      for await (const page of pages) for (const doc of page) yield { op: 'index', id: String(doc.id), body: JSON.stringify(doc) } as BulkOp;
    })();
    const r = await runBulk(es, this.index, ops, this.opts.tuning, this.opts.hooks);
    this.carried = r.ok;
    if (this.carried) this.opts.log.info({ from, to: this.index, carried: this.carried }, 'documents of other sources carried over');
  }

  /** Whether a document must be written: always in a full build, when new or changed otherwise. */
  needsWrite(id: string, hash: string): boolean {
    this.seen.add(id);
    return this.opts.full || this.existing.get(id) !== hash;
  }

  isNew(id: string): boolean {
    return !this.existing.has(id);
  }

  /** Ids of the scope's documents this run did not see (incremental only). */
  missing(): string[] {
    return [...this.existing.keys()].filter((id) => !this.seen.has(id));
  }

  async commit(written: number, meta: Record<string, unknown> = {}): Promise<CommitResult> {
    const { es, opts } = this;
    let deleted = 0;
    if (!opts.full) {
      const gone = this.missing();
      if (gone.length) {
        const r = await runBulk(es, this.index, gone.map((id) => ({ op: 'delete', id }) as BulkOp), opts.tuning, opts.hooks);
        deleted = r.ok;
      }
    }
    const changed = opts.full || written > 0 || deleted > 0;
    let datasetVersion: string | undefined;
    if (opts.full) {
      const refresh = indexDefinition(opts.mapping).settings.refresh_interval ?? '1s';
      await es.indices.putSettings({ index: this.index, settings: { refresh_interval: refresh } });
    }
    await es.indices.refresh({ index: this.index });
    if (changed || !(await hasVersion(es, this.index))) {
      datasetVersion = await computeVersion(es, this.index);
      await writeMeta(es, this.index, { ...meta, dataset_version: datasetVersion, updated_at: new Date().toISOString() });
    }
    if (opts.full) {
      const old = await swapAlias(es, opts.alias, this.index);
      opts.log.info({ alias: opts.alias, index: this.index, removed: old }, 'alias swapped');
    }
    return { deleted, datasetVersion, changed, index: this.index };
  }

  /** A failed full build leaves the alias untouched and removes its half-built index. */
  async abort(): Promise<void> {
    if (this.opts.full) await this.es.indices.delete({ index: this.index, ignore_unavailable: true });
  }
}

async function hasVersion(es: Es, index: string): Promise<boolean> {
  const res = (await es.indices.getMapping({ index })) as Record<string, { mappings?: { _meta?: Record<string, unknown> } }>;
  return typeof res[index]?.mappings?._meta?.dataset_version === 'string';
}
