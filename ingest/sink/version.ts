import { sha256Hex } from '../normalise/stable-json.js';

/**
 * Dataset versions without rescanning the index. Each source has a digest (sha256 over its sorted
 * `id content_hash` lines) kept in the physical index's `_meta.sources`; the dataset version is a
 * sha256 over the sorted source digests. The same content always gives the same version, whether
 * it was built by a full rebuild or by incremental runs, and a run only recomputes its own source.
 */

export interface SourceDigest {
  digest: string;
  count: number;
}

export type SourceDigests = Record<string, SourceDigest>;

export function sourceDigest(pairs: Iterable<readonly [string, string]>): SourceDigest {
  const lines: string[] = [];
  for (const [id, hash] of pairs) lines.push(`${id} ${hash}`);
  lines.sort();
  return { digest: sha256Hex(lines.join('\n')), count: lines.length };
}

export function datasetVersionOf(sources: SourceDigests): string {
  const lines = Object.keys(sources)
    .sort()
    .map((name) => `${name} ${sources[name]?.digest} ${sources[name]?.count}`);
  return sha256Hex(lines.join('\n'));
}

/** Reads `_meta.sources` back, ignoring anything malformed. */
export function digestsFromMeta(meta: Record<string, unknown> | undefined): SourceDigests | undefined {
  const raw = meta?.sources;
  if (!raw || typeof raw !== 'object') return undefined;
  const out: SourceDigests = {};
  for (const [name, v] of Object.entries(raw as Record<string, unknown>)) {
    const d = v as Partial<SourceDigest> | undefined;
    if (d && typeof d.digest === 'string' && typeof d.count === 'number') out[name] = { digest: d.digest, count: d.count };
  }
  return out;
}
