import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createEs } from '../../src/es/client.js';
import { createLogger } from '../../src/logger.js';

/**
 * The OpenAPI document is a contract: a golden snapshot makes every change to it show in review.
 * Building the app opens no connection; no request is sent.
 */
describe('OpenAPI document', () => {
  it('matches the reviewed snapshot and documents the problem responses', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', LOAD_SAMPLE: 'false' }, process.cwd());
    const app = await buildApp(config, { es: createEs({ url: 'http://127.0.0.1:9' }), logger: createLogger('silent'), bulk: { runner: false } });
    await app.ready();
    const spec = app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    await app.close();
    for (const path of ['/health', '/v1/search', '/v1/search/image', '/v1/objects/{id}', '/v1/lists', '/v1/bulk-search', '/v1/bulk-jobs']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    expect(Object.keys(spec.paths['/v1/search']?.get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '503']));
    await expect(JSON.stringify(spec, null, 2)).toMatchFileSnapshot('__snapshots__/openapi.json');
  });
});
