import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { provision, type Provisioned } from '../src/es/provision.js';
import { createLogger } from '../src/logger.js';

/**
 * Provides one real Elasticsearch for the whole run through the same provisioning module as
 * `npm start`: ELASTICSEARCH_URL, else testcontainers when Docker answers, else the managed node.
 */
let node: Provisioned | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig();
  node = await provision(config, 'test', createLogger('warn'));
  console.log(`[global-setup] real Elasticsearch ${node.version} (${node.source}) at ${node.url}`);
  project.provide('esUrl', node.url);
  project.provide('esVersion', node.version);
}

export async function teardown(): Promise<void> {
  await node?.release();
}

declare module 'vitest' {
  export interface ProvidedContext {
    esUrl: string;
    esVersion: string;
  }
}
