import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { InputKind } from '../fields.js';
import type { BulkResult } from '../result.js';

/**
 * Talking to a running API from the CLI (and the benchmark): the streaming endpoint over one full-
 * duplex HTTP/1.1 request (the upload is still being sent while results come back, so neither side
 * stalls), and the job endpoints.
 */

export interface ApiOptions {
  api: string;
  kind: InputKind;
  mapping?: Record<string, string> | undefined;
  k: number;
  lang?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    let detail = body;
    try {
      const p = JSON.parse(body) as { code?: string; detail?: string };
      if (p.detail) detail = `${p.code ?? status}: ${p.detail}`;
    } catch {
      /* not JSON */
    }
    super(`API answered ${status}: ${detail.slice(0, 500)}`);
  }
}

const CONTENT_TYPE: Record<InputKind, string> = { csv: 'text/csv', ndjson: 'application/x-ndjson' };

function query(o: ApiOptions, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ k: String(o.k), ...(o.lang ? { lang: o.lang } : {}), ...extra });
  if (o.mapping && Object.keys(o.mapping).length) p.set('mapping', JSON.stringify(o.mapping));
  return p.toString();
}

async function readAll(res: IncomingMessage): Promise<string> {
  let s = '';
  for await (const c of res) s += String(c);
  return s;
}

/** NDJSON lines of a text stream (decoded: chunks are whole characters), parsed. */
export async function* ndjsonResults(res: AsyncIterable<Buffer | string>): AsyncGenerator<BulkResult> {
  let rest = '';
  for await (const chunk of res) {
    rest += String(chunk);
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      if (line.trim()) yield JSON.parse(line) as BulkResult;
    }
  }
  if (rest.trim()) yield JSON.parse(rest) as BulkResult;
}

/** Sends `body` and resolves with the response as soon as its headers arrive. */
export function send(url: string, method: string, headers: Record<string, string>, body?: Readable): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = (u.protocol === 'https:' ? requestTls : request)(u, { method, headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.setEncoding('utf8');
      resolve(res);
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (!body) return void req.end();
    // An early answer (413, 400) may close the connection mid-upload: the answer wins.
    pipeline(body, req).catch((err: unknown) => {
      if (!answered) setTimeout(() => !answered && reject(err), 1000);
    });
  });
}

/** `POST /v1/bulk-search`: results as they stream back. */
export async function* streamSearch(body: Readable, o: ApiOptions): AsyncGenerator<BulkResult> {
  const res = await send(`${o.api}/v1/bulk-search?${query(o, { format: 'ndjson' })}`, 'POST', { 'content-type': CONTENT_TYPE[o.kind], accept: 'application/x-ndjson' }, body);
  if (res.statusCode !== 200) throw new ApiError(res.statusCode ?? 0, await readAll(res));
  yield* ndjsonResults(res);
}

export interface JobState {
  id: string;
  status: string;
  rows_total: number;
  rows_done: number;
  rate: number | null;
  eta_s: number | null;
  failure: string | null;
}

/** `POST /v1/bulk-jobs`: uploads the rows; the job id once stored. */
export async function createJob(body: Readable, o: ApiOptions, name?: string): Promise<{ id: string; rows_total: number }> {
  const res = await send(`${o.api}/v1/bulk-jobs?${query(o, name ? { name } : {})}`, 'POST', { 'content-type': CONTENT_TYPE[o.kind] }, body);
  const text = await readAll(res);
  if (res.statusCode !== 202) throw new ApiError(res.statusCode ?? 0, text);
  return JSON.parse(text) as { id: string; rows_total: number };
}

export async function jobState(api: string, id: string): Promise<JobState> {
  const res = await send(`${api}/v1/bulk-jobs/${encodeURIComponent(id)}`, 'GET', { accept: 'application/json' });
  const text = await readAll(res);
  if (res.statusCode !== 200) throw new ApiError(res.statusCode ?? 0, text);
  return JSON.parse(text) as JobState;
}

export async function* jobResultsOf(api: string, id: string): AsyncGenerator<BulkResult> {
  const res = await send(`${api}/v1/bulk-jobs/${encodeURIComponent(id)}/results?format=ndjson`, 'GET', { accept: 'application/x-ndjson' });
  if (res.statusCode !== 200) throw new ApiError(res.statusCode ?? 0, await readAll(res));
  yield* ndjsonResults(res);
}
