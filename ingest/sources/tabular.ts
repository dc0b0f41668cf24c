import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { JsonArraySplitter } from './json-array.js';

/**
 * Streaming readers for tabular sources: CSV (header row), NDJSON and JSON arrays, each optionally
 * gzipped (`.gz`, detected by the magic bytes as well). Rows come one at a time; a row that cannot
 * be parsed is yielded as an error with its position and the run goes on.
 */

export type TabularFormat = 'csv' | 'ndjson' | 'json';

export type SourceRow =
  | { ok: true; at: string; row: Record<string, unknown> }
  | { ok: false; at: string; error: string };

export interface TabularOptions {
  format?: TabularFormat | undefined;
  /** CSV only; default `,` (`\t` for .tsv). */
  delimiter?: string | undefined;
  /** Called with the number of (compressed) bytes read from the file, for progress. */
  onBytes?: ((n: number) => void) | undefined;
}

/** The format named by a file's extension (`.csv`, `.ndjson`/`.jsonl`, `.json`, each maybe `.gz`). */
export function formatOf(file: string): TabularFormat | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  if (name.endsWith('.json')) return 'json';
  return undefined;
}

/** A byte stream of the file, gunzipped when it starts with the gzip magic bytes. */
export async function openMaybeGzip(file: string, onBytes?: (n: number) => void): Promise<Readable> {
  const head = await new Promise<Buffer>((resolve, reject) => {
    const s = createReadStream(file, { start: 0, end: 1 });
    const parts: Buffer[] = [];
    s.on('data', (b) => parts.push(b as Buffer));
    s.on('end', () => resolve(Buffer.concat(parts)));
    s.on('error', reject);
  });
  const file$ = createReadStream(file, { highWaterMark: 256 * 1024 });
  const raw: Readable = onBytes ? file$.pipe(counter(onBytes)) : file$;
  if (onBytes) file$.on('error', (e) => raw.destroy(e));
  if (head.length === 2 && head[0] === 0x1f && head[1] === 0x8b) {
    // Larger output chunks than zlib's 16 KiB default: fewer stream turns per row.
    const gunzip = createGunzip({ chunkSize: 128 * 1024 });
    raw.on('error', (e) => gunzip.destroy(e));
    return raw.pipe(gunzip);
  }
  return raw;
}

export async function* readTabular(file: string, opts: TabularOptions = {}): AsyncGenerator<SourceRow> {
  const format = opts.format ?? formatOf(file);
  if (!format) throw new Error(`cannot tell the format of ${file}: name it .csv, .ndjson, .jsonl or .json (optionally .gz), or set "format" in the profile`);
  const stream = await openMaybeGzip(file, opts.onBytes);
  if (format === 'ndjson') yield* readNdjson(stream);
  else if (format === 'json') yield* readJsonArray(stream);
  else yield* readCsv(stream, opts.delimiter ?? (file.toLowerCase().replace(/\.gz$/, '').endsWith('.tsv') ? '\t' : ','));
}

/** NDJSON rows of a byte stream (exported for tests). */
export async function* readNdjson(stream: Readable): AsyncGenerator<SourceRow> {
  // Lines are cut on the newline byte and each decoded alone: a newline byte is never part of a
  // multi-byte UTF-8 character, so this reads what decoding the whole stream would, but ASCII lines
  // stay one-byte strings (quicker to parse) and no chunk-sized strings are built and re-copied.
  // The start of a line still unfinished at the end of a chunk is kept as copies (a stream may
  // reuse a chunk's memory once it is consumed), joined once its end arrives.
  let pending: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl >= 0; nl = chunk.indexOf(NEWLINE, start)) {
      n++;
      let line: string;
      if (pending.length) {
        pending.push(chunk.subarray(start, nl));
        line = Buffer.concat(pending).toString('utf8');
        pending = [];
      } else line = chunk.toString('utf8', start, nl);
      start = nl + 1;
      if (line.trim() !== '') yield toRow(`line ${n}`, line);
    }
    if (start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
  }
  if (pending.length) {
    const line = Buffer.concat(pending).toString('utf8');
    if (line.trim() !== '') yield toRow(`line ${n + 1}`, line);
  }
}

const NEWLINE = 0x0a;

async function* readJsonArray(stream: Readable): AsyncGenerator<SourceRow> {
  stream.setEncoding('utf8');
  const splitter = new JsonArraySplitter();
  for await (const chunk of stream) {
    const first = splitter.index;
    const elements = splitter.push(chunk as string);
    for (let i = 0; i < elements.length; i++) yield toRow(`element ${first + i + 1}`, elements[i] ?? '');
  }
  splitter.end();
}

function toRow(at: string, text: string): SourceRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, at, error: `invalid JSON: ${(err as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, at, error: 'not a JSON object' };
  }
  return { ok: true, at, row: value as Record<string, unknown> };
}

async function* readCsv(stream: Readable, delimiter: string): AsyncGenerator<SourceRow> {
  const skipped: SourceRow[] = [];
  const parser = stream.pipe(
    parseCsv({
      columns: true,
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_quotes: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (err) => {
        if (err) skipped.push({ ok: false, at: `line ${err.lines}`, error: `CSV: ${err.message}` });
      },
    }),
  );
  stream.on('error', (e) => parser.destroy(e));
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift() as SourceRow;
    yield { ok: true, at: `line ${item.info.lines}`, row: item.record };
  }
  while (skipped.length) yield skipped.shift() as SourceRow;
}

function counter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}
