import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { CLIENT_MAJOR, createEs, esHealth, majorOf, waitForHealthy } from './client.js';
import { startNode, stopNode } from './managed-node.js';

const run = promisify(execFile);

/**
 * One way to get a real Elasticsearch 9 for `npm start`, the tests, `es:start` and CI, in this order:
 * ELASTICSEARCH_URL when set; a Docker engine when one answers (testcontainers for tests,
 * `docker compose` for start); otherwise the managed local node from Maven Central.
 */

export type Source = 'url' | 'docker' | 'managed';
export type Purpose = 'test' | 'start';

export interface Provisioned {
  url: string;
  source: Source;
  version: string;
  /** Where the node's logs are, when we run it. */
  logs?: string;
  /** True when this call started the node (and so `release` stops it). */
  started: boolean;
  release(): Promise<void>;
}

export interface ProvisionDeps {
  dockerAvailable: () => Promise<boolean>;
  checkUrl: (url: string, apiKey?: string) => Promise<string>;
  viaDocker: (config: Config, purpose: Purpose, log: Logger) => Promise<Provisioned>;
  viaManaged: (config: Config, log: Logger) => Promise<Provisioned>;
}

export async function provision(config: Config, purpose: Purpose, log: Logger, deps: ProvisionDeps = defaultDeps): Promise<Provisioned> {
  if (config.ELASTICSEARCH_URL) {
    const version = await deps.checkUrl(config.ELASTICSEARCH_URL, config.ELASTICSEARCH_API_KEY);
    return { url: config.ELASTICSEARCH_URL, source: 'url', version, started: false, release: async () => {} };
  }
  if (!config.ELASTICSEARCH_NO_DOCKER && (await deps.dockerAvailable())) return deps.viaDocker(config, purpose, log);
  return deps.viaManaged(config, log);
}

/** Checks health and that the major version fits the client; returns the version. */
export async function checkUrl(url: string, apiKey?: string): Promise<string> {
  const es = createEs({ url, apiKey, maxRetries: 0 });
  let version: string;
  try {
    version = (await esHealth(es, 5000)).version;
  } catch (err) {
    throw new Error(`Elasticsearch at ${url} did not answer a health check: ${(err as Error).message}`);
  } finally {
    await es.close();
  }
  if (majorOf(version) !== CLIENT_MAJOR) {
    throw new Error(
      `Elasticsearch at ${url} is version ${version}, but this product needs ${CLIENT_MAJOR}.x ` +
        `(its client is @elastic/elasticsearch ${CLIENT_MAJOR}.x). Point ELASTICSEARCH_URL at a ${CLIENT_MAJOR}.x cluster or unset it.`,
    );
  }
  return version;
}

export async function dockerAvailable(): Promise<boolean> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

export const dockerImage = (version: string) => `docker.elastic.co/elasticsearch/elasticsearch:${version}`;

async function viaDocker(config: Config, purpose: Purpose, log: Logger): Promise<Provisioned> {
  if (purpose === 'start') {
    log.info('starting Elasticsearch with docker compose');
    await run('docker', ['compose', 'up', '-d', '--wait', 'elasticsearch'], { cwd: config.rootDir, timeout: 300_000 });
    const url = 'http://127.0.0.1:9200';
    const h = await waitForHealthy(createEs({ url }), 120_000);
    return { url, source: 'docker', version: h.version, started: false, logs: 'docker compose logs elasticsearch', release: async () => {} };
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  log.info({ image: dockerImage(config.ELASTICSEARCH_VERSION) }, 'starting Elasticsearch with testcontainers');
  const container = await new GenericContainer(dockerImage(config.ELASTICSEARCH_VERSION))
    .withEnvironment({
      'discovery.type': 'single-node',
      'xpack.security.enabled': 'false',
      ES_JAVA_OPTS: `-Xms${config.ELASTICSEARCH_HEAP} -Xmx${config.ELASTICSEARCH_HEAP}`,
    })
    .withExposedPorts(9200)
    .withWaitStrategy(Wait.forHttp('/_cluster/health', 9200).forStatusCode(200))
    .withStartupTimeout(180_000)
    .start();
  const url = `http://${container.getHost()}:${container.getMappedPort(9200)}`;
  const h = await waitForHealthy(createEs({ url }), 120_000);
  return {
    url,
    source: 'docker',
    version: h.version,
    started: true,
    release: async () => {
      await container.stop();
    },
  };
}

async function viaManaged(config: Config, log: Logger): Promise<Provisioned> {
  const { state, health, started } = await startNode(
    {
      cacheDir: config.CACHE_DIR,
      version: config.ELASTICSEARCH_VERSION,
      port: config.ELASTICSEARCH_PORT,
      heap: config.ELASTICSEARCH_HEAP,
      esJavaHome: config.ES_JAVA_HOME,
      javaHome: config.JAVA_HOME,
    },
    log,
  );
  return {
    url: state.url,
    source: 'managed',
    version: health.version,
    logs: state.logs,
    started,
    release: async () => {
      if (started) await stopNode(config.CACHE_DIR);
    },
  };
}

export const defaultDeps: ProvisionDeps = { dockerAvailable, checkUrl, viaDocker, viaManaged };
