import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { InputKind } from '../fields.js';

/** A local file to check: its bytes (gunzipped when `.gz`), its kind, and how far it has been read. */
export interface InputFile {
  path: string;
  kind: InputKind;
  size: number;
  open(): Readable;
  /** Bytes of the file (compressed, for `.gz`) read so far, for progress. */
  read(): number;
}

export function kindOfPath(path: string): InputKind | undefined {
  const ext = extname(path.replace(/\.gz$/i, '')).toLowerCase();
  if (['.csv', '.tsv', '.txt'].includes(ext)) return 'csv';
  if (['.ndjson', '.jsonl', '.json'].includes(ext)) return 'ndjson';
  return undefined;
}

export function inputFile(path: string, kind?: InputKind): InputFile {
  const k = kind ?? kindOfPath(path);
  if (!k) throw new Error(`cannot tell whether ${path} is CSV or NDJSON from its extension; give --kind csv or --kind ndjson`);
  const size = statSync(path).size;
  let raw: Readable | undefined;
  return {
    path,
    kind: k,
    size,
    open() {
      raw = createReadStream(path);
      return /\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw;
    },
    read: () => (raw as (Readable & { bytesRead?: number }) | undefined)?.bytesRead ?? 0,
  };
}
