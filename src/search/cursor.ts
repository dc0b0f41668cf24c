import { hash } from 'node:crypto';
import { invalidParams } from '../errors.js';

/**
 * Opaque paging cursors: base64url of the `search_after` sort values of the last hit, bound to the
 * query they came from (a short hash of the normalised query and filters), so a cursor replayed
 * with another query is rejected instead of silently skipping hits.
 */

export type SortValue = string | number | null;

interface CursorBody {
  v: 1;
  /** Sort values of the last hit of the previous page. */
  s: SortValue[];
  /** Query fingerprint. */
  q: string;
  /** The search ran relaxed (too few records matched every word). */
  r?: 1;
}

export function fingerprint(parts: unknown): string {
  return hash('sha256', JSON.stringify(parts), 'base64url').slice(0, 12);
}

export function encodeCursor(sort: SortValue[], queryHash: string, relaxed = false): string {
  const body: CursorBody = { v: 1, s: sort, q: queryHash, ...(relaxed ? { r: 1 as const } : {}) };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const bad = (reason: string) => invalidParams([{ name: 'cursor', reason }], 'SEARCH_INVALID_CURSOR');

/** Where to continue; throws a 400 naming `cursor` when it is not ours or not for this query. */
export function decodeCursor(cursor: string, queryHash: string): { after: SortValue[]; relaxed: boolean } {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) throw bad('is not a cursor returned by this API');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('is not a cursor returned by this API');
  }
  const b = body as Partial<CursorBody> | null;
  if (
    !b ||
    typeof b !== 'object' ||
    b.v !== 1 ||
    !Array.isArray(b.s) ||
    b.s.length === 0 ||
    b.s.length > 4 ||
    !b.s.every((x) => x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) ||
    typeof b.q !== 'string'
  ) {
    throw bad('is not a cursor returned by this API');
  }
  if (b.q !== queryHash) throw bad('belongs to a different query or filters; start again without it');
  return { after: b.s, relaxed: b.r === 1 };
}
