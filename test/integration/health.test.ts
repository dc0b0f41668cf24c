import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createEs } from '../../src/es/client.js';
import { Problem } from '../../src/schemas/problem.js';
import { dropPrefix, esUrl, quietLogger, testConfig, testEs, uniquePrefix } from '../helpers/es.js';

/**
 * /health against the real node, reached through a TCP relay this test can cut and restore, as if
 * the Elasticsearch process died and came back.
 */
let relay: Server;
let sockets: Socket[] = [];
let relayUp = true;
let app: FastifyInstance;
const prefix = uniquePrefix('health');

beforeAll(async () => {
  const target = new URL(esUrl());
  relay = createServer((client) => {
    if (!relayUp) return client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    sockets.push(client, upstream);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  const port = (relay.address() as { port: number }).port;
  const config = testConfig(prefix);
  app = await buildApp(config, { es: createEs({ url: `http://127.0.0.1:${port}`, maxRetries: 0 }), logger: quietLogger(), bulk: { runner: false } });
});

afterAll(async () => {
  await app.close();
  sockets.forEach((s) => s.destroy());
  relay.close();
  const es = testEs();
  await dropPrefix(es, prefix);
  await es.close();
});

describe('GET /health', () => {
  it('reports Elasticsearch status and version, and index presence', async () => {
    const res = await app.inject({ url: '/health', headers: { 'x-request-id': 'req-123' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-123');
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.elasticsearch.version).toMatch(/^9\./);
    expect(['green', 'yellow']).toContain(body.elasticsearch.status);
    expect(body.indices).toEqual({ objects: false, lists: false });
  });

  it('answers 503 problem+json naming Elasticsearch within 2 s when it is down, and 200 once it is back', async () => {
    relayUp = false;
    sockets.forEach((s) => s.destroy());
    sockets = [];
    const t0 = Date.now();
    const down = await app.inject({ url: '/health' });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.headers['retry-after']).toBe('5');
    const problem = Problem.parse(down.json());
    expect(problem.code).toBe('ELASTICSEARCH_UNAVAILABLE');
    expect(problem.detail).toMatch(/Elasticsearch/);

    relayUp = true;
    const up = await app.inject({ url: '/health' });
    expect(up.statusCode).toBe(200);
  });
});

describe('error contract', () => {
  it('answers unknown routes with a 404 problem', async () => {
    const res = await app.inject({ url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(Problem.parse(res.json()).code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const spec = (await app.inject({ url: '/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/health']).toBeDefined();
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
