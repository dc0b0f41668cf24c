import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so two structurally equal values always serialise
 * to the same string whatever order their keys were built in. `undefined` members are dropped,
 * as `JSON.stringify` does.
 */
export function stableStringify(value: unknown): string {
  return write(value) ?? 'null';
}

const quoted = new Map<string, string>();

/** A key as JSON, memoised (records use a few hundred distinct keys). */
function quote(key: string): string {
  let q = quoted.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quoted.size < 10_000) quoted.set(key, q);
  }
  return q;
}

/** Serialises directly in sorted-key order, without building sorted copies. */
function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i]) ?? 'null');
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (const key of keys) {
    const v = write(obj[key]);
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + quote(key) + ':' + v;
  }
  return `${out}}`;
}

export function sha256Hex(text: string | Buffer): string {
  return hash('sha256', text, 'hex');
}

/** sha256 of the stable JSON of a value: the content hash used for incremental ingest. */
export function contentHash(value: unknown): string {
  return sha256Hex(stableStringify(value));
}

/**
 * sha256 of the document format and the plain JSON of a value whose key order is fixed by how it was built: a record
 * validated by `CanonicalRecord` has its object keys in the schema's order, and its language maps
 * in the order the normaliser wrote them, which the same source always repeats. Cheaper than
 * `contentHash` (no key sorting); the content hash of records for incremental ingest.
 */
export function recordHash(value: unknown): string {
  return recordJsonAndHash(value).hash;
}

/**
 * A record's JSON and its `recordHash`, from one serialisation: the document embeds the same
 * JSON (`documentJson`), so a run serialises each record once.
 */
export function recordJsonAndHash(value: unknown): { json: string; hash: string } {
  const json = JSON.stringify(value);
  return { json, hash: hash('sha256', DOCUMENT_FORMAT + json, 'hex') };
}

/**
 * The version of what a document derives from its record, part of the content hash: change it
 * whenever a change to `document.ts` or the mapping gives documents new or different derived
 * fields, so the next incremental run of each source rewrites its documents (their records
 * being unchanged, it would otherwise keep the old documents). 2: `origin_countries`.
 */
export const DOCUMENT_FORMAT = '2\n';
