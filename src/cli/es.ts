import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { provision } from '../es/provision.js';
import { stopNode } from '../es/managed-node.js';

/**
 * `npm run es:start`: provisions Elasticsearch and leaves it running (idempotent: a healthy node
 * started earlier is reused, a dead one restarted). `npm run es:stop`: stops the node es:start
 * (or npm start) recorded, and nothing else.
 */
const command = process.argv[2];
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);

try {
  if (command === 'start') {
    const es = await provision(config, 'start', log);
    const how = es.source === 'managed' ? (es.started ? 'started' : 'already running, reused') : `provided by ${es.source}`;
    console.log(`Elasticsearch ${es.version} ${how}`);
    console.log(`  url:  ${es.url}`);
    if (es.logs) console.log(`  logs: ${es.logs}`);
  } else if (command === 'stop') {
    const state = await stopNode(config.CACHE_DIR);
    if (state) console.log(`Elasticsearch stopped (pid ${state.pid}, ${state.url}); logs in ${state.logs}`);
    else console.log(`No Elasticsearch started by this project is recorded in ${config.CACHE_DIR}`);
  } else {
    console.error('usage: es.ts start|stop');
    process.exitCode = 2;
  }
} catch (err) {
  console.error(`es:${command}: ${(err as Error).message}`);
  process.exitCode = 1;
}
