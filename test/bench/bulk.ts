import { Readable } from 'node:stream';
import { send, streamSearch } from '../../src/bulk/client/api.js';
import { buildRowQuery, hitSource } from '../../src/bulk/query.js';
import { readRows } from '../../src/bulk/rows.js';
import { indexNames, loadConfig, type Config } from '../../src/config.js';
import { createEs, type Es, type estypes } from '../../src/es/client.js';
import { provision } from '../../src/es/provision.js';
import { createLogger } from '../../src/logger.js';
import { realDomain } from '../../src/search/domain-real.js';
import { inventoryCsv, loadSampleLists, peakRssMiB, startChildApi } from '../fixtures/bulk/support.js';

/**
 * Bulk throughput and memory. 10,000 inventory rows through `POST /v1/bulk-search` of an API
 * running in a child process (real HTTP, streaming both ways), against the same queries sent as one
 * sequence of `_msearch` calls (BULK_CHUNK rows each) straight to Elasticsearch in the same run,
 * alternating, best of two rounds each.
 * Memory: the API's peak live heap for 1,000 and for 10,000 rows, each in a fresh process that
 * collects garbage every 500 ms while sampling (so the figure is what the process holds, not garbage
 * waiting for a collection), with its peak resident set (VmHWM). The unsampled throughput run's
 * VmHWM is reported too: it is higher because V8 lets garbage grow before collecting, and plateaus.
 * Targets: >= 200 rows/s, >= 0.8x the direct baseline, live heap not growing with the rows.
 */

export interface BulkBenchReport {
  rows: number;
  chunk: number;
  concurrency: number;
  api: { seconds: number; rowsPerS: number };
  direct: { seconds: number; rowsPerS: number };
  ratio: number;
  memory: { rows: number; liveHeapPeakMiB: number; rssPeakMiB: number }[];
  /** VmHWM of the throughput run (no forced collections). */
  throughputRssPeakMiB: number;
  pass: boolean;
}

async function directBaseline(config: Config, es: Es, csv: string): Promise<number> {
  const index = indexNames(config.INDEX_PREFIX).objects;
  const bodies: estypes.SearchSearchRequestBody[] = [];
  const unlimited = { maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER };
  for await (const row of readRows(Readable.from([csv]), { kind: 'csv', mapping: {}, limits: unlimited })) {
    if (row.error) continue;
    const q = buildRowQuery(row.fields, realDomain, 3);
    if (!('error' in q)) bodies.push({ ...(q.body as estypes.SearchSearchRequestBody), _source: hitSource('en') });
  }
  const t0 = performance.now();
  for (let i = 0; i < bodies.length; i += config.BULK_CHUNK) {
    const searches = bodies.slice(i, i + config.BULK_CHUNK).flatMap((b) => [{}, b]);
    await es.msearch({ index, searches });
  }
  return (performance.now() - t0) / 1000;
}

/** Runs `rows` through a fresh API process; seconds taken and its memory. */
async function viaApi(config: Config, csv: string, rows: number, sampleMs?: number): Promise<{ seconds: number; rssPeakMiB: number; liveHeapPeakMiB: number }> {
  const env = { BULK_MAX_ROWS: '1000000', BULK_MAX_BYTES: String(1024 * 1024 * 1024), BULK_CHUNK: String(config.BULK_CHUNK), BULK_CONCURRENCY: String(config.BULK_CONCURRENCY) };
  const child = await startChildApi({ esUrl: config.ELASTICSEARCH_URL ?? '', prefix: config.INDEX_PREFIX, env, ...(sampleMs ? { sampleMs } : {}) });
  try {
    // A small warm-up request, so both sides meet warm caches and loaded code.
    for await (const _ of streamSearch(Readable.from([csv.split('\n').slice(0, 201).join('\n')]), { api: child.url, kind: 'csv', k: 3 })) void _;
    // The results are read (every byte) but not parsed: the figure is the API's, not this client's.
    const t0 = performance.now();
    const res = await send(`${child.url}/v1/bulk-search?k=3`, 'POST', { 'content-type': 'text/csv' }, Readable.from([csv]));
    let n = 0;
    let tail = '';
    for await (const chunk of res as AsyncIterable<string>) {
      for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) n++;
      tail = (tail + chunk).slice(-400);
    }
    const seconds = (performance.now() - t0) / 1000;
    if (res.statusCode !== 200 || n !== rows || tail.includes('"row":null')) throw new Error(`expected ${rows} results, got ${n} (HTTP ${res.statusCode}): ${tail}`);
    if (sampleMs) await new Promise((r) => setTimeout(r, sampleMs * 2));
    return { seconds, rssPeakMiB: peakRssMiB(child.pid) ?? 0, liveHeapPeakMiB: child.liveHeapPeakMiB() };
  } finally {
    child.proc.kill('SIGTERM');
    await new Promise((r) => child.proc.once('exit', r));
  }
}

export async function benchBulk(config: Config, es: Es, opts: { rows?: number; rounds?: number } = {}): Promise<BulkBenchReport> {
  const rows = opts.rows ?? 10_000;
  const big = await inventoryCsv(rows);
  const small = await inventoryCsv(Math.round(rows / 10));
  await directBaseline(config, es, small); // warm-up
  // Alternating rounds, best of each side: the machine is shared and a round can meet a busy spell.
  let direct = Infinity;
  let api = { seconds: Infinity, rssPeakMiB: 0, liveHeapPeakMiB: 0 };
  for (let round = 0; round < (opts.rounds ?? 2); round++) {
    direct = Math.min(direct, await directBaseline(config, es, big));
    const a = await viaApi(config, big, rows);
    if (a.seconds < api.seconds) api = a;
  }
  const memSmall = await viaApi(config, small, Math.round(rows / 10), 500);
  const memBig = await viaApi(config, big, rows, 500);
  const memory = [
    { rows: Math.round(rows / 10), liveHeapPeakMiB: memSmall.liveHeapPeakMiB, rssPeakMiB: memSmall.rssPeakMiB },
    { rows, liveHeapPeakMiB: memBig.liveHeapPeakMiB, rssPeakMiB: memBig.rssPeakMiB },
  ];
  const ratio = direct / api.seconds;
  const growth = memBig.liveHeapPeakMiB - memSmall.liveHeapPeakMiB;
  return {
    rows,
    chunk: config.BULK_CHUNK,
    concurrency: config.BULK_CONCURRENCY,
    api: { seconds: api.seconds, rowsPerS: rows / api.seconds },
    direct: { seconds: direct, rowsPerS: rows / direct },
    ratio,
    memory,
    throughputRssPeakMiB: api.rssPeakMiB,
    pass: rows / api.seconds >= 200 && ratio >= 0.8 && growth < 16,
  };
}

export function printReport(r: BulkBenchReport): void {
  console.log(`bulk: ${r.rows} rows, chunk ${r.chunk}, concurrency ${r.concurrency}`);
  console.log(`API (streaming, HTTP)      ${r.api.seconds.toFixed(1).padStart(6)} s  ${r.api.rowsPerS.toFixed(0).padStart(6)} rows/s (target >= 200)`);
  console.log(`direct _msearch sequence   ${r.direct.seconds.toFixed(1).padStart(6)} s  ${r.direct.rowsPerS.toFixed(0).padStart(6)} rows/s`);
  console.log(`API / direct throughput = ${r.ratio.toFixed(2)}x (target >= 0.8x)`);
  for (const m of r.memory) {
    console.log(`API memory, ${String(m.rows).padStart(6)} rows: live heap peak ${m.liveHeapPeakMiB.toFixed(1)} MiB, RSS peak ${m.rssPeakMiB.toFixed(0)} MiB`);
  }
  const [a, b] = r.memory;
  if (a && b) console.log(`live heap growth from ${a.rows} to ${b.rows} rows: ${(b.liveHeapPeakMiB - a.liveHeapPeakMiB).toFixed(1)} MiB (target < 16)`);
  console.log(`RSS peak of the throughput run (no forced collections): ${r.throughputRssPeakMiB.toFixed(0)} MiB`);
  console.log(r.pass ? 'bulk bench: targets met' : 'bulk bench: TARGETS MISSED');
}

async function main(): Promise<void> {
  const base = loadConfig();
  const node = await provision(base, 'test', createLogger('warn', process.stderr));
  const prefix = `bench-bulk-${process.pid}`;
  const config = Object.freeze({ ...base, ELASTICSEARCH_URL: node.url, INDEX_PREFIX: prefix });
  const es = createEs({ url: node.url, apiKey: base.ELASTICSEARCH_API_KEY });
  try {
    await loadSampleLists(config, es);
    printReport(await benchBulk(config, es, { rows: Number(process.argv[2] ?? 10_000) }));
  } finally {
    const existing = Object.keys(await es.indices.get({ index: `${prefix}-*`, expand_wildcards: 'all' }).catch(() => ({})));
    if (existing.length) await es.indices.delete({ index: existing });
    await es.close();
    await node.release();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
