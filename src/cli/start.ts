import { loadConfig } from '../config.js';
import { createEs } from '../es/client.js';
import { provision } from '../es/provision.js';
import { createLogger } from '../logger.js';
import { buildApp } from '../app.js';
import { serve } from '../server.js';
import { prepareIndices } from '../bootstrap.js';

/**
 * `npm start`: a real Elasticsearch (ELASTICSEARCH_URL, Docker, or the managed local node), the
 * indices, the sample Red Lists on first start, then the API. Ctrl-C stops the API and the node
 * this start launched (a node started earlier by es:start keeps running).
 */
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);

const node = await provision(config, 'start', log);
log.info({ url: node.url, version: node.version, source: node.source, logs: node.logs }, 'Elasticsearch ready');
const es = createEs({ url: node.url, apiKey: config.ELASTICSEARCH_API_KEY });
try {
  await prepareIndices(config, es, log);
  const app = await buildApp(config, { es, logger: log });
  const address = await serve(app, config, async () => {
    await es.close();
    await node.release();
    if (node.started) log.info({ url: node.url }, 'Elasticsearch stopped');
  });
  log.info({ address, docs: `${address}/docs` }, 'Red List search API listening');
} catch (err) {
  log.fatal({ err }, 'start failed');
  await node.release();
  process.exit(1);
}
