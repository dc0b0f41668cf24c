import { Command, InvalidArgumentError, Option } from 'commander';
import { directResults } from '../bulk/client/direct.js';
import { formatSummary } from '../bulk/client/summary.js';
import { loadMapping, runBulk, type Mode } from '../bulk/client/run.js';
import { K_DEFAULT, K_MAX } from '../bulk/fields.js';
import { loadConfig } from '../config.js';
import { realDomain } from '../search/domain-real.js';

/**
 * `npm run bulk -- <file> [--out results.csv] [--api http://127.0.0.1:3000] [--mapping '{"Title":"title"}'] [--k 3]`
 * Checks every row of a CSV or NDJSON file (optionally gzipped) against the Red Lists and writes
 * the results in row order; prints a summary. Exit code 1 when the check failed or stopped early.
 */

const intK = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > K_MAX) throw new InvalidArgumentError(`must be an integer from 1 to ${K_MAX}`);
  return n;
};

const program = new Command('bulk')
  .description('Check a seizure list or an inventory against the Red Lists, row by row')
  .argument('<file>', 'CSV (header line) or NDJSON file; .gz is read gunzipped')
  .option('-o, --out <file>', 'write results here (CSV when it ends in .csv, else NDJSON); default: stdout')
  .option('--api <url>', 'the running API', 'http://127.0.0.1:3000')
  .option('--mapping <json|@file>', 'your column names (or NDJSON paths) → ours, as JSON or a JSON file')
  .option('--k <n>', `hits per row (1-${K_MAX})`, intK, K_DEFAULT)
  .option('--lang <code>', 'language of labels', 'en')
  .addOption(new Option('--kind <kind>', 'input format when the extension does not tell').choices(['csv', 'ndjson']))
  .addOption(new Option('--format <format>', 'output format (default: from --out)').choices(['csv', 'ndjson']))
  .option('--job', 'upload as a job and wait for it (large files; survives an API restart)')
  .option('--direct', 'no API: query Elasticsearch from this process (ELASTICSEARCH_URL, INDEX_PREFIX)')
  .action(async (file: string, opts: { out?: string; api: string; mapping?: string; k: number; lang: string; kind?: 'csv' | 'ndjson'; format?: 'csv' | 'ndjson'; job?: boolean; direct?: boolean }) => {
    const mode: Mode = opts.direct ? 'direct' : opts.job ? 'job' : 'stream';
    const config = mode === 'direct' ? loadConfig() : undefined;
    const summary = await runBulk({
      file,
      ...(opts.kind ? { kind: opts.kind } : {}),
      ...(opts.out ? { out: opts.out } : {}),
      ...(opts.format ? { format: opts.format } : {}),
      api: opts.api,
      mapping: loadMapping(opts.mapping),
      k: opts.k,
      lang: opts.lang,
      mode,
      direct: async (input, o) => directResults(config!, realDomain, input, o),
    });
    process.stderr.write(`${formatSummary(summary)}\n`);
    if (opts.out) process.stderr.write(`results: ${opts.out}\n`);
    if (summary.stopped) process.exitCode = 1;
  });

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`bulk: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
