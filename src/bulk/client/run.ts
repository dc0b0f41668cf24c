import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { InputKind } from '../fields.js';
import { formatter, type OutputFormat } from '../format.js';
import { parseMapping, type Mapping } from '../mapping.js';
import type { BulkResult } from '../result.js';
import { createJob, jobResultsOf, jobState, streamSearch } from './api.js';
import { inputFile, type InputFile } from './input.js';
import { ProgressBar } from './progress.js';
import { count, newSummary, type Summary } from './summary.js';

/**
 * What `npm run bulk` does, independent of argument parsing: read the file, send it through the
 * API's streaming endpoint, a job, or straight to Elasticsearch (`direct`), write the results in
 * order as CSV or NDJSON, show progress, and return the totals.
 */

export type Mode = 'stream' | 'job' | 'direct';

export interface RunOptions {
  file: string;
  kind?: InputKind;
  out?: string;
  format?: OutputFormat;
  api: string;
  mapping: Mapping;
  k: number;
  lang: string;
  mode: Mode;
  /** For `direct`: results of a file without any API. */
  direct?: (input: InputFile, o: { mapping: Mapping; k: number; lang: string }) => Promise<AsyncIterable<BulkResult>>;
  stdout?: Writable;
}

/** `--mapping` value: inline JSON, `@file.json`, or the path of a JSON file. */
export function loadMapping(value: string | undefined): Mapping {
  if (!value) return {};
  const path = value.startsWith('@') ? value.slice(1) : existsSync(value) && value.endsWith('.json') ? value : undefined;
  const { mapping, problems } = parseMapping(path ? readFileSync(path, 'utf8') : value);
  if (problems.length) throw new Error(`--mapping: ${problems.map((p) => `${p.name} ${p.reason}`).join('; ')}`);
  return mapping;
}

export const formatOfPath = (path: string | undefined): OutputFormat => (path && /\.csv$/i.test(path) ? 'csv' : 'ndjson');

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function runBulk(o: RunOptions): Promise<Summary> {
  const input = inputFile(o.file, o.kind);
  const format = o.format ?? formatOfPath(o.out);
  const fmt = formatter(format, o.k);
  const out: Writable = o.out ? createWriteStream(o.out) : (o.stdout ?? process.stdout);
  const bar = new ProgressBar();
  const summary = newSummary();
  const startedAt = Date.now();
  const api = { api: o.api.replace(/\/+$/, ''), kind: input.kind, mapping: o.mapping, k: o.k, lang: o.lang };
  const progress = (fraction?: number, note?: string) =>
    bar.update({ rows: summary.rows, startedAt, ...(fraction !== undefined ? { fraction } : {}), ...(note ? { note } : {}) });

  let results: AsyncIterable<BulkResult>;
  if (o.mode === 'direct') {
    if (!o.direct) throw new Error('direct mode is not available');
    results = await o.direct(input, { mapping: o.mapping, k: o.k, lang: o.lang });
  } else if (o.mode === 'job') {
    const body = input.open();
    const uploading = setInterval(() => progress(input.read() / input.size, 'uploading'), 200);
    let job: { id: string; rows_total: number };
    try {
      job = await createJob(body, api, o.file.split('/').pop());
    } finally {
      clearInterval(uploading);
    }
    for (;;) {
      const s = await jobState(api.api, job.id);
      bar.update({ rows: s.rows_done, startedAt, fraction: s.rows_total ? s.rows_done / s.rows_total : 1, note: `job ${job.id} ${s.status}` }, true);
      if (s.status === 'done') break;
      if (s.status === 'failed' || s.status === 'cancelled') throw new Error(`job ${job.id} ${s.status}: ${s.failure ?? ''}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    results = jobResultsOf(api.api, job.id);
  } else {
    results = streamSearch(input.open(), api);
  }

  try {
    await write(out, fmt.header());
    let buf = '';
    for await (const r of results) {
      count(summary, r);
      buf += fmt.line(r);
      if (buf.length > 64 * 1024) {
        await write(out, buf);
        buf = '';
      }
      if (o.mode !== 'job') progress(input.size ? input.read() / input.size : undefined);
    }
    await write(out, buf);
  } finally {
    summary.seconds = (Date.now() - startedAt) / 1000;
    progress(1);
    bar.done();
    if (o.out) {
      out.end();
      await once(out, 'close');
    }
  }
  return summary;
}
