import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so two structurally equal values always serialise
 * to the same string whatever order their keys were built in. `undefined` members are dropped,
 * as `JSON.stringify` does.
 */
export function stableStringify(value: unknown): string {
  return write(value) ?? 'null';
}

/** Serialises directly in sorted-key order, without building sorted copies. */
function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => write(v) ?? 'null').join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = write(obj[key]);
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
  }
  return `{${parts.join(',')}}`;
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** sha256 of the stable JSON of a value: the content hash used for incremental ingest. */
export function contentHash(value: unknown): string {
  return sha256Hex(stableStringify(value));
}
