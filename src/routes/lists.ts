import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../schemas/problem.js';
import { ListDetailResponse, ListsResponse } from '../schemas/reference.js';
import { listDetail, listSummaries } from '../search/catalogue.js';
import type { SearchService } from '../search/service.js';
import { jsonSerializer, namedFieldsValidator } from '../search/validation.js';

export const lang = z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code').optional().describe('Language of labels (English fallback)');
export const listId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'must be a Red List id such as iraq-2015');

/** GET /v1/lists and /v1/lists/:id: the Red Lists with their context and category trees. */
export async function listRoutes(app: FastifyInstance, opts: { service: SearchService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const common = { validatorCompiler: namedFieldsValidator('VALIDATION_FAILED'), serializerCompiler: jsonSerializer };

  r.get(
    '/v1/lists',
    {
      ...common,
      schema: {
        tags: ['reference'],
        summary: 'Every Red List with its coverage, emergency status and record count',
        querystring: z.object({ lang }).strict(),
        response: { 200: ListsResponse, ...problemResponses(400, 503) },
      },
    },
    async (req) => listSummaries(opts.service, req.query.lang ?? 'en'),
  );

  r.get(
    '/v1/lists/:id',
    {
      ...common,
      schema: {
        tags: ['reference'],
        summary: 'One Red List: coverage, emergency status, legislation, contacts, suspicious characteristics, categories with counts',
        params: z.object({ id: listId }).strict(),
        querystring: z.object({ lang }).strict(),
        response: { 200: ListDetailResponse, ...problemResponses(400, 404, 503) },
      },
    },
    async (req) => listDetail(opts.service, req.params.id, req.query.lang ?? 'en'),
  );
}
