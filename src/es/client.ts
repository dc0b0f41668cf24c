import { Client, errors, type estypes } from '@elastic/elasticsearch';

/**
 * The only module that imports @elastic/elasticsearch. Everything else receives an `Es` (the client)
 * and uses the helpers here for the few calls with product-specific behaviour (health, version,
 * error classification). Types are re-exported so other modules never import the package.
 */

export type Es = Client;
export type { estypes };

export const CLIENT_MAJOR = 9;

export interface EsOptions {
  url: string;
  apiKey?: string | undefined;
  /** Per-request timeout; health checks use a much shorter one. */
  requestTimeoutMs?: number;
  maxRetries?: number;
}

export function createEs(opts: EsOptions): Es {
  return new Client({
    node: opts.url,
    ...(opts.apiKey ? { auth: { apiKey: opts.apiKey } } : {}),
    requestTimeout: opts.requestTimeoutMs ?? 30_000,
    maxRetries: opts.maxRetries ?? 2,
    compression: false,
  });
}

export interface EsHealth {
  status: 'green' | 'yellow' | 'red';
  version: string;
  clusterName: string;
}

/**
 * Cluster health and the node version. The minimal distribution has no `GET /`, so the version is
 * read from the local node's info.
 */
export async function esHealth(es: Es, timeoutMs = 1500): Promise<EsHealth> {
  const opts = { requestTimeout: timeoutMs, maxRetries: 0 };
  const [health, nodes] = await Promise.all([
    es.cluster.health({}, opts),
    es.nodes.info({ node_id: '_local', metric: ['_none'], filter_path: ['nodes.*.version'] }, opts),
  ]);
  const version = Object.values(nodes.nodes ?? {})[0]?.version ?? 'unknown';
  return { status: health.status.toLowerCase() as EsHealth['status'], version, clusterName: health.cluster_name };
}

export function majorOf(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '', 10);
}

/** True when the error means Elasticsearch could not be reached or did not answer in time. */
export function isUnavailable(err: unknown): boolean {
  return (
    err instanceof errors.ConnectionError ||
    err instanceof errors.TimeoutError ||
    err instanceof errors.NoLivingConnectionsError ||
    (err instanceof errors.ResponseError && (err.statusCode === 502 || err.statusCode === 503 || err.statusCode === 504))
  );
}

export function isNotFound(err: unknown): boolean {
  return err instanceof errors.ResponseError && err.statusCode === 404;
}

export function isResponseError(err: unknown): err is InstanceType<typeof errors.ResponseError> {
  return err instanceof errors.ResponseError;
}

/** Waits until the cluster answers with yellow or green, or throws after `timeoutMs`. */
export async function waitForHealthy(es: Es, timeoutMs: number): Promise<EsHealth> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const h = await esHealth(es, 2000);
      if (h.status !== 'red') return h;
      last = new Error(`cluster status is ${h.status}`);
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Elasticsearch did not become healthy within ${timeoutMs} ms: ${String((last as Error)?.message ?? last)}`);
}
