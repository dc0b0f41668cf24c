import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so two structurally equal values always serialise
 * to the same string whatever order their keys were built in. `undefined` members are dropped,
 * as `JSON.stringify` does.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** sha256 of the stable JSON of a value: the content hash used for incremental ingest. */
export function contentHash(value: unknown): string {
  return sha256Hex(stableStringify(value));
}
