import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { buildApp } from '../../src/app.js';
import { indexNames, loadConfig, type Config } from '../../src/config.js';
import { createEs, type Es, type estypes } from '../../src/es/client.js';
import { provision } from '../../src/es/provision.js';
import { createLogger } from '../../src/logger.js';
import { SearchParams } from '../../src/schemas/search.js';
import { realDomain } from '../../src/search/domain-real.js';
import { normaliseParams } from '../../src/search/params.js';
import { buildSearch } from '../../src/search/query.js';
import { canRelax, RELAX_BELOW, totalOf } from '../../src/search/service.js';
import { ingestSample } from '../eval/search.js';
import { loadQueries } from '../helpers/search-relevance.js';

/**
 * Search latency: the relevance-set queries through the API over real HTTP against the identical
 * Elasticsearch request bodies sent straight to Elasticsearch, interleaved in the same run. Both
 * sides use a keep-alive undici pool (the Elasticsearch client's own transport) and parse the JSON.
 * p50/p95 of each and their ratios, then throughput with 16 concurrent clients.
 * Targets: API p50 within 1 ms of raw, API p95 within 1.10x of raw.
 */

export interface LatencyFigures {
  p50: number;
  p95: number;
  mean: number;
}

export interface SearchBenchReport {
  queries: number;
  samples: number;
  raw: LatencyFigures;
  api: LatencyFigures;
  p50DiffMs: number;
  p95Ratio: number;
  /** Median and p95 of the per-query differences (API - raw, same query, same round): the noise-robust overhead. */
  pairedDiffMs: { p50: number; p95: number };
  /**
   * Median per-query difference of a bare node:http server making the same Elasticsearch calls and
   * answering the API's own bytes (no routing, validation, query building or shaping) against raw:
   * what any HTTP API in front of Elasticsearch pays on this machine.
   */
  floorPairedMs: number;
  throughput: { clients: number; seconds: number; apiRps: number; rawRps: number };
  pass: boolean;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
function figures(xs: number[]): LatencyFigures {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

interface Case {
  qs: string;
  /** The bodies the API sends for this query, in order (a second, relaxed one when the first finds too few). */
  bodies: estypes.SearchRequest[];
}

/** Every relevance query, as a query string and as the exact bodies the API sends to Elasticsearch. */
async function cases(raw: Es, index: string): Promise<Case[]> {
  const out: Case[] = [];
  for (const q of loadQueries()) {
    const params: Record<string, string | string[]> = { ...(q.q ? { q: q.q } : {}), lang: q.lang, ...q.params };
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, x);
    const req = normaliseParams(SearchParams.parse(params), realDomain);
    const strict = buildSearch(req).body;
    const bodies = [strict];
    if (canRelax(req) && totalOf(await raw.search({ index, ...strict })) < RELAX_BELOW) bodies.push(buildSearch(req, undefined, { relaxed: true }).body);
    out.push({ qs: qs.toString(), bodies });
  }
  return out;
}

/** GET over the pool; the JSON body parsed, as the Elasticsearch client does with its answers. */
async function httpGet(pool: Pool, path: string): Promise<unknown> {
  const res = await pool.request({ method: 'GET', path });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** A bare HTTP server: `GET /<i>` makes case i's Elasticsearch calls and answers `answers[i]`. */
async function floorServer(es: Es, index: string, all: Case[], answers: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const i = Number((req.url ?? '').slice(1));
    const run = async () => {
      for (const body of all[i]?.bodies ?? []) await es.search({ index, ...body });
    };
    run().then(
      () => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(answers[i]),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Runs the benchmark against an index prefix that holds data. */
export async function benchSearch(config: Config, es: Es, opts: { rounds?: number; seconds?: number } = {}): Promise<SearchBenchReport> {
  const rounds = opts.rounds ?? 8;
  const seconds = opts.seconds ?? 5;
  const index = indexNames(config.INDEX_PREFIX).objects;
  const raw = createEs({ url: config.ELASTICSEARCH_URL ?? '', apiKey: config.ELASTICSEARCH_API_KEY });
  const app = await buildApp(config, { es, logger: createLogger('silent'), bulk: { runner: false } } as Parameters<typeof buildApp>[1]);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  // The same HTTP stack on both sides: the Elasticsearch client sends through an undici pool too.
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 32 });
  // The floor server's own client, configured as the API's.
  const floorEs = createEs({ url: config.ELASTICSEARCH_URL ?? '', apiKey: config.ELASTICSEARCH_API_KEY });
  let floor: { server: Server; pool: Pool } | undefined;
  try {
    const all = await cases(raw, index);
    const viaApi = (c: Case) => httpGet(pool, `/v1/search?${c.qs}`);
    const viaRaw = async (c: Case) => {
      for (const body of c.bodies) await raw.search({ index, ...body });
    };
    const answers = await Promise.all(all.map(async (c) => JSON.stringify(await viaApi(c))));
    const f = await floorServer(floorEs, index, all, answers);
    floor = { server: f.server, pool: new Pool(`http://127.0.0.1:${f.port}`, { connections: 32 }) };
    const floorPool = floor.pool;
    const floorPaths = new Map(all.map((c, i) => [c, `/${i}`]));
    const viaFloor = (c: Case) => httpGet(floorPool, floorPaths.get(c) ?? '/');
    for (let i = 0; i < 3; i++) for (const c of all) await Promise.all([viaApi(c), viaRaw(c), viaFloor(c)]);
    const apiMs: number[] = [];
    const rawMs: number[] = [];
    const floorMs: number[] = [];
    const sides: [(c: Case) => Promise<unknown>, number[]][] = [
      [viaRaw, rawMs],
      [viaApi, apiMs],
      [viaFloor, floorMs],
    ];
    for (let r = 0; r < rounds; r++) {
      for (const c of all) {
        // Rotate which goes first, so none always meets a warm cache.
        for (let k = 0; k < sides.length; k++) {
          const [fn, out] = sides[(r + k) % sides.length]!;
          out.push(await timed(() => fn(c)));
        }
      }
    }
    const throughput = async (fn: (c: Case) => Promise<unknown>) => {
      let done = 0;
      const end = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: 16 }, async (_, w) => {
          for (let i = w; performance.now() < end; i++) {
            await fn(all[i % all.length]!);
            done++;
          }
        }),
      );
      return done / seconds;
    };
    const rawRps = await throughput(viaRaw);
    const apiRps = await throughput(viaApi);
    const api = figures(apiMs);
    const rawF = figures(rawMs);
    const diffs = figures(apiMs.map((a, i) => a - (rawMs[i] ?? 0)));
    const p50DiffMs = api.p50 - rawF.p50;
    const p95Ratio = api.p95 / rawF.p95;
    return {
      queries: all.length,
      samples: apiMs.length,
      raw: rawF,
      api,
      p50DiffMs,
      p95Ratio,
      pairedDiffMs: { p50: diffs.p50, p95: diffs.p95 },
      floorPairedMs: figures(floorMs.map((a, i) => a - (rawMs[i] ?? 0))).p50,
      throughput: { clients: 16, seconds, apiRps, rawRps },
      pass: p50DiffMs <= 1 && p95Ratio <= 1.1,
    };
  } finally {
    await pool.close();
    await floor?.pool.close();
    floor?.server.close();
    await floorEs.close();
    await app.close();
    await raw.close();
  }
}

export function printReport(r: SearchBenchReport): void {
  const f = (x: number) => x.toFixed(2).padStart(7);
  console.log(`search: ${r.queries} queries x ${r.samples / r.queries} rounds, interleaved (ms); raw = the same bodies the API sends, straight to Elasticsearch`);
  console.log(`           p50      p95     mean`);
  console.log(`raw ES  ${f(r.raw.p50)}  ${f(r.raw.p95)}  ${f(r.raw.mean)}`);
  console.log(`API     ${f(r.api.p50)}  ${f(r.api.p95)}  ${f(r.api.mean)}`);
  console.log(`API p50 - raw p50 = ${r.p50DiffMs.toFixed(2)} ms (target <= 1 ms); API p95 / raw p95 = ${r.p95Ratio.toFixed(3)} (target <= 1.10)`);
  console.log(`paired per query (API - raw, same query and round): median ${r.pairedDiffMs.p50.toFixed(2)} ms, p95 ${r.pairedDiffMs.p95.toFixed(2)} ms`);
  console.log(`  of which the HTTP floor (a bare node:http server, same Elasticsearch calls, the API's own bytes): median ${r.floorPairedMs.toFixed(2)} ms`);
  const t = r.throughput;
  console.log(`throughput, ${t.clients} concurrent clients, ${t.seconds} s: API ${t.apiRps.toFixed(0)} req/s, raw ES ${t.rawRps.toFixed(0)} req/s (${((t.apiRps / t.rawRps) * 100).toFixed(0)} %)`);
  console.log(r.pass ? 'search bench: targets met' : 'search bench: TARGETS MISSED');
}

async function main(): Promise<void> {
  const base = loadConfig();
  const node = await provision(base, 'test', createLogger('warn', process.stderr));
  const withUrl = Object.freeze({ ...base, ELASTICSEARCH_URL: node.url });
  const es = createEs({ url: node.url, apiKey: base.ELASTICSEARCH_API_KEY });
  const sample = await ingestSample(withUrl, es, 'bench-search');
  try {
    const report = await benchSearch(sample.config, es);
    printReport(report);
  } finally {
    await sample.release();
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
