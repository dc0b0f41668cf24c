import { isNotFound, type Es } from '../es/client.js';
import { AppError } from '../errors.js';

/**
 * The dataset version of what the objects alias points at, read from the physical index's mapping
 * `_meta.dataset_version` and cached for a few seconds, so every response can cite it without an
 * extra round trip. Concurrent requests share one lookup.
 */
export class DatasetVersion {
  private value: string | undefined;
  private at = 0;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly es: Es,
    private readonly alias: string,
    private readonly ttlMs = 5000,
  ) {}

  async get(): Promise<string> {
    if (this.value !== undefined && Date.now() - this.at < this.ttlMs) return this.value;
    this.pending ??= this.load().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forget the cached value (after an ingest in the same process). */
  invalidate(): void {
    this.at = 0;
  }

  private async load(): Promise<string> {
    let res: Record<string, { mappings?: { _meta?: Record<string, unknown> } }>;
    try {
      res = (await this.es.indices.getMapping({ index: this.alias })) as typeof res;
    } catch (err) {
      if (isNotFound(err)) throw notReady(this.alias);
      throw err;
    }
    const indices = Object.keys(res).sort().reverse();
    const newest = indices[0];
    if (newest === undefined) throw notReady(this.alias);
    const meta = res[newest]?.mappings?._meta ?? {};
    const v = typeof meta.dataset_version === 'string' ? meta.dataset_version : typeof meta.dataset_version === 'number' ? String(meta.dataset_version) : newest;
    this.value = v;
    this.at = Date.now();
    return v;
  }
}

export const notReady = (alias: string) =>
  new AppError('INDEX_NOT_READY', `The index ${alias} does not exist yet; load data first`, [], 5);
