import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { indexNames, type Config } from './config.js';
import type { Es } from './es/client.js';
import { loggerOptions, type Logger } from './logger.js';
import { registerProblemHandlers } from './plugins/problems.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { imageSearchRoutes } from './routes/image-search.js';
import { objectRoutes } from './routes/objects.js';
import { listRoutes } from './routes/lists.js';
import { categoryRoutes } from './routes/categories.js';
import { imageRoutes } from './routes/images.js';
import type { SearchDomain } from './search/domain.js';
import { realDomain } from './search/domain-real.js';
import { SearchService } from './search/service.js';
import { webRoutes } from './routes/web.js';
import { bulkRoutes } from './routes/bulk.js';

export interface AppDeps {
  es: Es;
  /** Defaults to a pino logger at the configured level. */
  logger?: Logger;
  /** Search: the domain (vocabularies, gazetteers, parsers; default the project's) and the dataset-version cache. */
  search?: { domain?: SearchDomain; versionTtlMs?: number };
  /** Root of the content-addressed image store (default `<DATA_DIR>/images`). */
  images?: { root: string };
  /** Bulk jobs: run the job runner in this process (default true); its poll and lease periods. */
  bulk?: { runner?: boolean; pollMs?: number; leaseMs?: number };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the Fastify app: external plugins, then our adapters, then routes, in that visible order.
 * `server.ts` only listens and shuts down; tests use `app.inject()` on the same app.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger as FastifyBaseLogger } : { logger: loggerOptions(config.LOG_LEVEL) }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    forceCloseConnections: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A callback hook: an async one costs a promise per request on every route.
  app.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    done();
  });
  registerProblemHandlers(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Red List search API',
        version: '1',
        description:
          'Search the categories of cultural objects at risk described by ICOM Red Lists. A Red List shows categories, ' +
          'not stolen objects: a match is a reason to check provenance, never a proof of theft. Errors are RFC 9457 ' +
          'problem+json with a stable `code`.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const names = indexNames(config.INDEX_PREFIX);
  await app.register(healthRoutes, { es: deps.es, indices: { objects: names.objects, lists: names.lists } });
  const search = new SearchService({ es: deps.es, objects: names.objects, lists: names.lists, domain: deps.search?.domain ?? realDomain, versionTtlMs: deps.search?.versionTtlMs });
  await app.register(searchRoutes, { service: search });
  await app.register(imageSearchRoutes, { service: search, config });
  await app.register(objectRoutes, { service: search });
  await app.register(listRoutes, { service: search });
  await app.register(categoryRoutes, { service: search });
  await app.register(imageRoutes, { root: deps.images?.root ?? `${config.DATA_DIR}/images` });
  await app.register(webRoutes);
  await app.register(bulkRoutes, { config, es: deps.es, domain: deps.search?.domain ?? realDomain, ...deps.bulk });

  return app;
}
