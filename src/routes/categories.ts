import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../schemas/problem.js';
import { CategoryTree } from '../schemas/reference.js';
import { categoryTrees } from '../search/catalogue.js';
import type { SearchService } from '../search/service.js';
import { jsonSerializer, namedFieldsValidator } from '../search/validation.js';
import { lang, listId } from './lists.js';

/** GET /v1/categories: the category trees of every Red List (or one), with record counts. */
export async function categoryRoutes(app: FastifyInstance, opts: { service: SearchService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const common = { validatorCompiler: namedFieldsValidator('VALIDATION_FAILED'), serializerCompiler: jsonSerializer };
  r.get(
    '/v1/categories',
    {
      ...common,
      schema: {
        tags: ['reference'],
        summary: 'Category trees of every Red List (or of one, with `list`), with record counts',
        querystring: z.object({ lang, list: listId.optional().describe('Only this Red List') }).strict(),
        response: { 200: CategoryTree, ...problemResponses(400, 404, 503) },
      },
    },
    async (req) => categoryTrees(opts.service, req.query.lang ?? 'en', req.query.list),
  );
}
