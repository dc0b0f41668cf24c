import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { indexNames, type Config } from './config.js';
import type { Es } from './es/client.js';
import { loggerOptions, type Logger } from './logger.js';
import { registerProblemHandlers } from './plugins/problems.js';
import { problemResponses } from './schemas/problem.js';
import { clientErrorHandler, frameworkErrorHandler, MAX_HEADER_BYTES } from './plugins/http-errors.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { imageSearchRoutes } from './routes/image-search.js';
import { objectRoutes } from './routes/objects.js';
import { MAX_RECORD_ID_BYTES } from './schemas/record.js';
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
 * The longest path parameter the router accepts: the longest record id (a record id is
 * `<source>:<native id>`, and an inventory number can be long), so the routes' own schemas decide
 * below it and name the parameter; above it the router refuses, also naming it (400 problem).
 */
const MAX_PARAM_LENGTH = MAX_RECORD_ID_BYTES;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const BODY_LIMIT = 1024 * 1024;

/**
 * Builds the Fastify app: external plugins, then our adapters, then routes, in that visible order.
 * `server.ts` only listens and shuts down; tests use `app.inject()` on the same app.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  /** Route patterns, so a parameter the router refuses can be named. */
  const patterns: string[] = [];
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger as FastifyBaseLogger } : { logger: loggerOptions(config.LOG_LEVEL) }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    forceCloseConnections: true,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrorHandler(patterns, MAX_PARAM_LENGTH),
    clientErrorHandler,
  });
  app.addHook('onRoute', (route) => {
    if (route.url.includes(':') && !patterns.includes(route.url)) patterns.push(route.url);
    // Every route that reads a body can answer 413 (over its byte limit) and 415 (a content type it
    // has no parser for) before its handler runs: documented here once, for all of them.
    const methods = [route.method].flat();
    if (route.schema?.response && methods.some((m) => BODY_METHODS.has(m))) {
      route.schema = { ...route.schema, response: { ...problemResponses(413, 415), ...(route.schema.response as object) } };
    }
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
          'problem+json with a stable `code`. Limits of every request: the request line and headers together at most ' +
          `${MAX_HEADER_BYTES} bytes (else 431 REQUEST_HEADERS_TOO_LARGE; send a long search as POST /v1/search with a JSON body), ` +
          `a path parameter at most ${MAX_PARAM_LENGTH} characters (else 400 naming it), a request body at most ${BODY_LIMIT / 1024 / 1024} MB unless ` +
          'the endpoint says otherwise (413).',
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
