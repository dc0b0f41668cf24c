import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../schemas/problem.js';
import { CanonicalRecord, MAX_RECORD_ID_BYTES, RecordId } from '../schemas/record.js';
import { getObject } from '../search/catalogue.js';
import type { SearchService } from '../search/service.js';
import { jsonSerializer, namedFieldsValidator } from '../search/validation.js';

// Longer ids cannot exist in the index, so they are refused, naming `id`.
const Params = z
  .object({
    id: RecordId.max(MAX_RECORD_ID_BYTES, `is longer than ${MAX_RECORD_ID_BYTES} characters, the longest record id`).describe(
      `Record id, as in a search hit (\`<source>:<native id>\`, at most ${MAX_RECORD_ID_BYTES} bytes in UTF-8)`,
    ),
  })
  .strict();
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
