/**
 * Synthetic image hashes to grow an index to a realistic size: a random 256-bit hash per image
 * (unrelated photos sit 88-128 bits apart on the fixtures, close to random), and for the 90 % and
 * 80 % crops the same hash with 20 bits flipped, as the crops of one real photo lie close
 * together. Deterministic (xorshift), so an index built twice is the same.
 */
import { createHash } from 'node:crypto';
import { imageHashEntries, type ImageHashEntry } from '../../../ingest/images/index.js';
import type { Es } from '../../../src/es/client.js';

/** xorshift32. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

export const SYNTHETIC_SEED = 20240601;

export interface SyntheticImage {
  sha256: string;
  entries: ImageHashEntry[];
}

/** The i-th synthetic image: its (fake) sha256 and its nested hash entries, as ingest would store them. */
export function syntheticImage(i: number, next: () => number): SyntheticImage {
  const full = Buffer.alloc(32);
  for (let j = 0; j < 32; j += 4) full.writeUInt32BE(next(), j);
  const crop = () => {
    const b = Buffer.from(full);
    for (let f = 0; f < 20; f++) {
      const bit = next() % 256;
      b[bit >> 3] = (b[bit >> 3] as number) ^ (0x80 >> (bit & 7));
    }
    return b.toString('hex');
  };
  const sha256 = createHash('sha256').update(`synthetic-${i}`).digest('hex');
  return { sha256, entries: imageHashEntries(sha256, { hashes: [full.toString('hex'), crop(), crop()], quality: 1 }) };
}

/**
 * Adds `count` synthetic records (`synthetic:<i>`, kind inventory, image hashes only) to an index
 * of the objects mapping, in bulks of 5,000 with two in flight, then merges the index into one
 * segment: one HNSW graph holding everything is the hardest case for recall.
 */
export async function addSynthetic(es: Es, index: string, count: number, log: (line: string) => void = () => {}): Promise<void> {
  const next = rng(SYNTHETIC_SEED);
  const CHUNK = 5000;
  const send = async (from: number, to: number) => {
    const operations: unknown[] = [];
    for (let i = from; i < to; i++) {
      const img = syntheticImage(i, next);
      operations.push({ index: { _index: index, _id: `synthetic:${i}` } }, { id: `synthetic:${i}`, kind: 'inventory', image_hashes: img.entries });
    }
    const res = await es.bulk({ operations: operations as never[] });
    if (res.errors) throw new Error(`bulk failed: ${JSON.stringify(res.items.find((it) => it.index?.error)?.index?.error)}`);
  };
  const t0 = performance.now();
  for (let i = 0; i < count; i += 2 * CHUNK) {
    await Promise.all([send(i, Math.min(count, i + CHUNK)), ...(i + CHUNK < count ? [send(i + CHUNK, Math.min(count, i + 2 * CHUNK))] : [])]);
    log(`synthetic records: ${Math.min(count, i + 2 * CHUNK)} / ${count}`);
  }
  // Building the HNSW graph happens on refresh and merge: minutes (the client needs a long timeout).
  await es.indices.refresh({ index });
  const t1 = performance.now();
  await es.indices.forcemerge({ index, max_num_segments: 1 });
  log(`${count} synthetic records indexed in ${((t1 - t0) / 1000).toFixed(0)} s, merged into one segment in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
}
