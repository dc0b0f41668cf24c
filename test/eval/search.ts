import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { ingest } from '../../ingest/pipeline.js';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createEs, type Es } from '../../src/es/client.js';
import { provision } from '../../src/es/provision.js';
import { createLogger } from '../../src/logger.js';
import { dropIndices } from '../helpers/search-factory.js';
import { evaluate, loadQueries, summarise, type QueryResult } from '../helpers/search-relevance.js';

/**
 * `npm run eval:search [-- --prefix <existing prefix>] [--verbose]`: the relevance set through the
 * search API (app.inject), nDCG@10 and recall@10 overall and per language. Without `--prefix` the
 * sample Red Lists are ingested into a temporary prefix, dropped afterwards.
 */

export interface SampleIndex {
  config: Config;
  es: Es;
  /** Drops the temporary indices and data (no-op for an existing prefix). */
  release(): Promise<void>;
}

/** Ingests the sample Red Lists into a fresh prefix, through the real pipeline. */
export async function ingestSample(base: Config, es: Es, name = 'eval-search'): Promise<SampleIndex> {
  const prefix = `${name}-${randomBytes(3).toString('hex')}`;
  const dataDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  const config = Object.freeze({ ...base, INDEX_PREFIX: prefix, DATA_DIR: dataDir });
  const report = await ingest(config, es, createLogger('warn', process.stderr), { path: base.SAMPLE_DIR, full: true });
  if (report.indexed === 0) throw new Error(`the sample ingest indexed nothing: ${JSON.stringify(report).slice(0, 500)}`);
  return {
    config,
    es,
    release: async () => {
      await dropIndices(es, prefix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const pct = (x: number) => x.toFixed(3);

export function printResults(results: QueryResult[], verbose: boolean): void {
  if (verbose) {
    for (const r of results) {
      const flag = r.ndcg < 0.5 ? '  <-- weak' : '';
      console.log(`${r.query.id.padEnd(34)} nDCG@10 ${pct(r.ndcg)}  recall@10 ${pct(r.recall)}  ${r.ms.toFixed(0).padStart(4)} ms${flag}`);
      if (r.ndcg < 0.5) console.log(`    top: ${r.ids.slice(0, 10).join(' ')}`);
    }
    console.log();
  }
  console.log('group   queries  nDCG@10  recall@10');
  for (const s of summarise(results)) console.log(`${s.group.padEnd(8)}${String(s.queries).padStart(7)}  ${pct(s.ndcg).padStart(7)}  ${pct(s.recall).padStart(9)}`);
}

async function main(): Promise<void> {
  const opts = new Command()
    .option('--prefix <prefix>', 'evaluate an existing index prefix instead of ingesting the sample')
    .option('--verbose', 'one line per query')
    .parse()
    .opts<{ prefix?: string; verbose?: boolean }>();
  const base = loadConfig();
  const log = createLogger('warn', process.stderr);
  const node = await provision(base, 'test', log);
  const es = createEs({ url: node.url, apiKey: base.ELASTICSEARCH_API_KEY, requestTimeoutMs: 120_000 });
  let sample: SampleIndex | undefined;
  try {
    const config = opts.prefix ? Object.freeze({ ...base, INDEX_PREFIX: opts.prefix }) : (sample = await ingestSample(base, es)).config;
    const app = await buildApp(config, { es, logger: createLogger('silent'), bulk: { runner: false } } as Parameters<typeof buildApp>[1]);
    try {
      const queries = loadQueries();
      console.log(`search relevance: ${queries.length} queries on ${config.INDEX_PREFIX} (Elasticsearch ${node.version})\n`);
      printResults(await evaluate(app, queries), opts.verbose ?? false);
    } finally {
      await app.close();
    }
  } finally {
    await sample?.release();
    await node.release();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
