import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../schemas/problem.js';
import { CanonicalRecord } from '../schemas/record.js';
import { getObject } from '../search/catalogue.js';
import type { SearchService } from '../search/service.js';
import { jsonSerializer, namedFieldsValidator } from '../search/validation.js';

const Params = z.object({ id: z.string().min(1).max(300).describe('Record id, as in a search hit') }).strict();
const Query = z.object({ lang: z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code').optional() }).strict();

const ObjectResponse = z
  .object({
    record: CanonicalRecord.describe('The canonical record as indexed'),
    dataset_version: z.string(),
  })
  .meta({ id: 'ObjectResponse' });

/** GET /v1/objects/:id: the canonical record behind a hit. */
export async function objectRoutes(app: FastifyInstance, opts: { service: SearchService }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/objects/:id',
    {
      validatorCompiler: namedFieldsValidator('VALIDATION_FAILED'),
      serializerCompiler: jsonSerializer,
      schema: {
        tags: ['reference'],
        summary: 'One record (a Red List illustration, an inventory entry or a report)',
        params: Params,
        querystring: Query,
        response: { 200: ObjectResponse, ...problemResponses(400, 404, 503) },
      },
    },
    async (req) => getObject(opts.service, req.params.id),
  );
}
