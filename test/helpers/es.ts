import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createEs, type Es } from '../../src/es/client.js';
import { createLogger, type Logger } from '../../src/logger.js';

/** The real Elasticsearch provided by the global setup. */
export const esUrl = (): string => inject('esUrl');

export function testEs(): Es {
  return createEs({ url: esUrl() });
}

/** A per-file index prefix, so each test file works on its own uniquely named indices. */
export function uniquePrefix(name: string): string {
  return `t-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** A config for tests: the provided node, a unique index prefix, quiet logs; overrides win. */
export function testConfig(prefix: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({ ELASTICSEARCH_URL: esUrl(), INDEX_PREFIX: prefix, LOG_LEVEL: 'silent', LOAD_SAMPLE: 'false', ...overrides });
}

export const quietLogger = (): Logger => createLogger('silent');

/**
 * Deletes every index whose name starts with the prefix (their aliases go with them). Names are
 * listed first and deleted by name: clusters refuse wildcard deletes by default.
 */
export async function dropPrefix(es: Es, prefix: string): Promise<void> {
  const found = await es.indices.get({ index: `${prefix}*`, allow_no_indices: true, ignore_unavailable: true, expand_wildcards: 'all' });
  const names = Object.keys(found);
  if (names.length) await es.indices.delete({ index: names, ignore_unavailable: true });
}
