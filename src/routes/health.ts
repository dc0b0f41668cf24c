import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { esHealth, type Es } from '../es/client.js';
import { esUnavailable } from '../errors.js';
import { problemResponses } from '../schemas/problem.js';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    elasticsearch: z.object({
      status: z.enum(['green', 'yellow', 'red']),
      version: z.string(),
      cluster: z.string(),
    }),
    indices: z.record(z.string(), z.boolean()).describe('Whether each index/alias of the product exists'),
  })
  .meta({ id: 'Health' });

/** GET /health: Elasticsearch status and version, and which of our indices exist. Answers in < 2 s. */
export async function healthRoutes(app: FastifyInstance, opts: { es: Es; indices: Record<string, string> }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Service and Elasticsearch health',
        response: { 200: Health, ...problemResponses(503) },
      },
    },
    async () => {
      let health;
      try {
        health = await esHealth(opts.es, 1500);
      } catch {
        throw esUnavailable('Elasticsearch did not answer the health check');
      }
      const names = Object.entries(opts.indices);
      const present = await Promise.all(
        names.map(([, index]) => opts.es.indices.exists({ index }, { requestTimeout: 1500, maxRetries: 0 }).catch(() => false)),
      );
      return {
        status: health.status === 'red' ? ('degraded' as const) : ('ok' as const),
        elasticsearch: { status: health.status, version: health.version, cluster: health.clusterName },
        indices: Object.fromEntries(names.map(([key], i) => [key, present[i] ?? false])),
      };
    },
  );
}
