import type { Es, estypes } from '../../src/es/client.js';
import type { Logger } from '../../src/logger.js';
import { runBulk, type BulkHooks, type BulkOp, type BulkTuning } from './bulk.js';
import { aliasTargets, createVersionedIndex, ensureAlias, indexDefinition, swapAlias, type MappingName } from './indices.js';
import { readMeta, writeMeta } from './meta.js';
import { scanIds, scanSources } from './scan.js';
import { datasetVersionOf, digestsFromMeta, sourceDigest, type SourceDigests } from './version.js';

/**
 * Where one ingest run writes its documents behind an alias.
 *
 * - full: a new physical index (refresh off while it fills), the documents outside the run's scope
 *   copied over from the current index, then — on commit — refresh back on, `dataset_version` in
 *   `_meta`, one atomic alias swap, and the old index deleted. Until the swap, searches see the old
 *   index, complete.
 * - incremental: the alias's current index; existing `id → content_hash` of the run's scope are
 *   read first, only new or changed documents are written, and on commit the scope's documents the
 *   run did not see are deleted; `dataset_version` changes only when something did.
 */

export interface WriterOptions {
  alias: string;
  mapping: MappingName;
  full: boolean;
  /** The documents this run owns (its source, or one file of it). */
  scope: estypes.QueryDslQueryContainer;
  /** The run's source, for the dataset version (objects index); none for the lists index. */
  source?: { name: string; file?: string | undefined } | undefined;
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

type Pair = readonly [string, string];

export class IndexWriter {
  /** The scope's `id → content_hash` once this run is committed. */
  private readonly final = new Map<string, string>();
  /** Documents copied from the old index in a full build, by source. */
  private readonly carriedBySource = new Map<string, Pair[]>();
  carried = 0;

  private constructor(
    private readonly es: Es,
    private readonly opts: WriterOptions,
    readonly index: string,
    private readonly existing: Map<string, string>,
    private readonly previousMeta: Record<string, unknown>,
    /** Full builds: the indices the alias pointed at when the build began. */
    private readonly replaced: string[] = [],
  ) {}

  static async open(es: Es, opts: WriterOptions): Promise<IndexWriter> {
    if (opts.full) {
      const before = await aliasTargets(es, opts.alias);
      const current = before.at(-1);
      const index = await createVersionedIndex(es, opts.alias, opts.mapping, { settings: { refresh_interval: '-1' } });
      // The new index's _meta is the mapping file's: no need to read it back later.
      const writer = new IndexWriter(es, opts, index, new Map(), { ...indexDefinition(opts.mapping).mappings._meta }, before);
      try {
        if (current) await writer.carryOver(current);
      } catch (err) {
        await writer.abort();
        throw err;
      }
      return writer;
    }
    const index = await ensureAlias(es, opts.alias, opts.mapping);
    const existing = new Map<string, string>();
    for await (const page of scanIds(es, index, opts.scope)) for (const [id, hash] of page) existing.set(id, hash);
    return new IndexWriter(es, opts, index, existing, await readMeta(es, index));
  }

  /** Copies the documents outside this run's scope from the old index (full builds only). */
  private async carryOver(from: string): Promise<void> {
    const { es, carriedBySource } = this;
    const pages = scanSources(es, from, { bool: { must_not: [this.opts.scope] } });
    const ops = (async function* () {
      for await (const page of pages) {
        for (const doc of page) {
          const id = String(doc.id);
          const source = String(doc.source_name ?? '');
          const list = carriedBySource.get(source) ?? [];
          list.push([id, String(doc.content_hash ?? '')]);
          carriedBySource.set(source, list);
          yield { op: 'index', id, body: JSON.stringify(doc) } as BulkOp;
        }
      }
    })();
    const r = await runBulk(es, this.index, ops, this.opts.tuning, this.opts.hooks);
    this.carried = r.ok;
    if (this.carried) this.opts.log.info({ from, to: this.index, carried: this.carried }, 'documents outside the run carried over');
  }

  /** Whether a document must be written: always in a full build, when new or changed otherwise. */
  needsWrite(id: string, hash: string): boolean {
    this.final.set(id, hash);
    return this.opts.full || this.existing.get(id) !== hash;
  }

  /** A document Elasticsearch refused: what the index holds for it is what it held before. */
  rejected(id: string): void {
    const old = this.opts.full ? undefined : this.existing.get(id);
    if (old === undefined) this.final.delete(id);
    else this.final.set(id, old);
  }

  /** Ids of the scope's documents this run did not see (incremental only). */
  missing(): string[] {
    return [...this.existing.keys()].filter((id) => !this.final.has(id));
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
    if (opts.full) {
      const refresh = indexDefinition(opts.mapping).settings.refresh_interval ?? '1s';
      await es.indices.putSettings({ index: this.index, settings: { refresh_interval: refresh } });
    }
    await es.indices.refresh({ index: this.index });
    let datasetVersion: string | undefined;
    if (opts.source && (changed || typeof this.previousMeta.dataset_version !== 'string')) {
      const sources = await this.digests(opts.source);
      datasetVersion = datasetVersionOf(sources);
      await writeMeta(es, this.index, { ...meta, sources, dataset_version: datasetVersion, updated_at: new Date().toISOString() }, this.previousMeta);
    }
    if (opts.full) {
      const old = await swapAlias(es, opts.alias, this.index, this.replaced);
      opts.log.info({ alias: opts.alias, index: this.index, removed: old }, 'alias swapped');
    }
    return { deleted, datasetVersion, changed, index: this.index };
  }

  /** Digests of every source in the index after this run, recomputing only what it can't know. */
  private async digests(source: { name: string; file?: string | undefined }): Promise<SourceDigests> {
    const { es } = this;
    const mine: Pair[] = [...this.final];
    let others: SourceDigests;
    if (this.opts.full) {
      others = {};
      for (const [name, pairs] of this.carriedBySource) {
        if (name === source.name) mine.push(...pairs);
        else others[name] = sourceDigest(pairs);
      }
    } else {
      const known = digestsFromMeta(this.previousMeta);
      if (known) others = known;
      else {
        // An index written before digests were kept: read every source once.
        const bySource = new Map<string, Pair[]>();
        for await (const page of scanIds(es, this.index, { bool: { must_not: [{ term: { source_name: source.name } }] } }, 5000, true)) {
          for (const [id, hash, name] of page) bySource.set(name ?? '', [...(bySource.get(name ?? '') ?? []), [id, hash]]);
        }
        others = Object.fromEntries([...bySource].map(([name, pairs]) => [name, sourceDigest(pairs)]));
      }
      if (source.file !== undefined) {
        const rest = { bool: { filter: [{ term: { source_name: source.name } }], must_not: [{ term: { source_file: source.file } }] } };
        for await (const page of scanIds(es, this.index, rest)) for (const [id, hash] of page) mine.push([id, hash]);
      }
    }
    const out: SourceDigests = { ...others };
    delete out[source.name];
    if (mine.length) out[source.name] = sourceDigest(mine);
    return out;
  }

  /** A failed full build leaves the alias untouched and removes its half-built index. */
  async abort(): Promise<void> {
    if (this.opts.full) await this.es.indices.delete({ index: this.index, ignore_unavailable: true });
  }
}
