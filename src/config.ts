import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads the environment. Parsed once at start-up; every bad key is reported in
 * one error; the result is typed and frozen. `.env.example` lists every key.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ConfigSchema = z.object({
  /** Use this cluster instead of starting one. */
  ELASTICSEARCH_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Sent as Authorization: ApiKey; never logged. */
  ELASTICSEARCH_API_KEY: z.string().min(1).optional(),
  /** Elasticsearch version for Docker images and the managed local node. */
  ELASTICSEARCH_VERSION: z.string().regex(/^9\.\d+\.\d+$/, 'must be a 9.x.y version').default('9.4.3'),
  /** HTTP port of the managed local node. */
  ELASTICSEARCH_PORT: int(1024, 65535).default(9250),
  /** Heap of the managed local node, e.g. 512m or 1g. */
  ELASTICSEARCH_HEAP: z.string().regex(/^(5[1-9]\d|[6-9]\d\d)m$|^1g$|^1024m$/, 'must be between 512m and 1g').default('768m'),
  /** Never start Docker even when an engine answers. */
  ELASTICSEARCH_NO_DOCKER: bool.default(false),
  /** JDK >= 21 for the managed local node; JAVA_HOME and /usr/lib/jvm/* are tried next. */
  ES_JAVA_HOME: z.string().min(1).optional(),
  JAVA_HOME: z.string().min(1).optional(),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Prefix of every index and alias the product creates. */
  INDEX_PREFIX: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _').default('redlist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Processed images, reports and dead letters. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Downloaded Elasticsearch, its data and logs. */
  CACHE_DIR: z.string().min(1).default('.cache'),
  /** Red List transcriptions loaded by the first `npm start`. */
  SAMPLE_DIR: z.string().min(1).default('ingest/sample/redlists'),
  /** Load the sample lists on start when the index is empty. */
  LOAD_SAMPLE: bool.default(true),
  IMAGE_MAX_BYTES: int(1024, 500 * 1024 * 1024).default(25 * 1024 * 1024),
  IMAGE_MAX_PIXELS: int(1, 1_000_000_000).default(100_000_000),
  IMAGE_CONCURRENCY: int(1, 16).default(2),
  /** Bulk search: rows and bytes accepted in one request. */
  BULK_MAX_ROWS: int(1, 10_000_000).default(100_000),
  BULK_MAX_BYTES: int(1024, 2 * 1024 * 1024 * 1024).default(100 * 1024 * 1024),
  BULK_CONCURRENCY: int(1, 16).default(2),
  BULK_CHUNK: int(1, 1000).default(100),
  /** Seconds the API waits for in-flight requests on shutdown. */
  SHUTDOWN_GRACE_S: int(0, 600).default(10),
});

type Parsed = z.infer<typeof ConfigSchema>;
export type Config = Readonly<Parsed & { rootDir: string }>;

export class ConfigError extends Error {
  constructor(readonly issues: { key: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + issues.map((i) => `  ${i.key}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parses an environment (default: the process's) into a frozen Config, reporting all bad keys at once. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  rootDir = process.cwd(),
): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const result = ConfigSchema.safeParse(picked);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({ key: String(i.path[0] ?? '(env)'), message: i.message })),
    );
  }
  const c = result.data;
  return Object.freeze({
    ...c,
    rootDir,
    DATA_DIR: resolve(rootDir, c.DATA_DIR),
    CACHE_DIR: resolve(rootDir, c.CACHE_DIR),
    SAMPLE_DIR: resolve(rootDir, c.SAMPLE_DIR),
  });
}

/** Names of indices and aliases, derived from the prefix. */
export function indexNames(prefix: string) {
  return {
    objects: `${prefix}-objects`,
    lists: `${prefix}-lists`,
    jobs: `${prefix}-bulk-jobs`,
    jobRows: `${prefix}-bulk-rows`,
    meta: `${prefix}-meta`,
  } as const;
}
