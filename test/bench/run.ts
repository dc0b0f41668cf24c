import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadConfig } from '../../src/config.js';
import { provision } from '../../src/es/provision.js';
import { createLogger } from '../../src/logger.js';

/**
 * `npm run bench [name...]`: provisions one real Elasticsearch, then runs each benchmark in its own
 * process (so memory figures are not mixed) against it. Every benchmark prints its figures as
 * ratios against a raw baseline measured in the same run, because machines here are shared and noisy.
 */
const all = ['ingest', 'search', 'images', 'bulk'];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
const config = loadConfig();
const node = await provision(config, 'test', createLogger('warn'));
console.log(`bench: Elasticsearch ${node.version} (${node.source}) at ${node.url}\n`);
let failed = 0;
try {
  for (const name of chosen) {
    const file = `test/bench/${name}.ts`;
    if (!existsSync(file)) {
      console.error(`bench: no benchmark ${file}`);
      failed++;
      continue;
    }
    console.log(`=== ${name} ===`);
    const r = spawnSync('npx', ['tsx', '--expose-gc', file], {
      stdio: 'inherit',
      env: { ...process.env, ELASTICSEARCH_URL: node.url, LOG_LEVEL: 'warn' },
    });
    if (r.status !== 0) failed++;
    console.log();
  }
} finally {
  await node.release();
}
process.exit(failed ? 1 : 0);
