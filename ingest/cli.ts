import { resolve, join } from 'node:path';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../src/config.js';
import { createEs } from '../src/es/client.js';
import { provision } from '../src/es/provision.js';
import { createLogger } from '../src/logger.js';
import { ingest, newRunId } from './pipeline.js';
import { progressReporter } from './progress.js';
import { humanSummary, writeReport } from './report.js';

/**
 * `npm run ingest -- <path> [--profile <file>] [--full] [--source-name <name>] [--report <file>]`
 * Exit code: 0 when every record was indexed, 2 when some were rejected, 1 when the run failed.
 * Logs (JSON) go to stderr; the human summary to stdout.
 */
const program = new Command()
  .name('ingest')
  .description('Load Red List transcriptions or a mapped inventory (CSV, NDJSON, JSON; .gz too) into Elasticsearch')
  .argument('<path>', 'a Red List file or folder, or an inventory file (with --profile)')
  .option('--profile <file>', 'field-mapping profile (JSON) for a CSV, NDJSON or JSON source')
  .option('--full', 'build a new index and swap the alias when done, instead of writing only what changed')
  .option('--source-name <name>', 'source name (default: redlists, or the profile\'s source)')
  .option('--report <file>', 'where to write the JSON report (default: <DATA_DIR>/reports/<run>.json)')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 1));

program.parse();
const [path] = program.args as [string];
const o = program.opts<{ profile?: string; full?: boolean; sourceName?: string; report?: string }>();

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL, process.stderr);
  const node = await provision(config, 'start', log);
  const es = createEs({ url: node.url, apiKey: config.ELASTICSEARCH_API_KEY, maxRetries: 5, requestTimeoutMs: 120_000 });
  const progress = progressReporter(process.stderr, log);
  const run = newRunId();
  try {
    const report = await ingest(config, es, log, { path, profile: o.profile, full: o.full, sourceName: o.sourceName, run, onProgress: (p) => progress.update(p) });
    progress.done();
    const file = resolve(o.report ?? join(config.DATA_DIR, 'reports', `${run}.json`));
    await writeReport(file, report);
    console.log(humanSummary(report, file));
    return report.rejected > 0 ? 2 : 0;
  } catch (err) {
    progress.done();
    log.error({ err }, 'ingest failed');
    console.error(`ingest failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await es.close();
    await node.release();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ingest failed: ${(err as Error)?.message ?? String(err)}`);
    process.exit(1);
  },
);
