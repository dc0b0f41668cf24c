import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalidParams } from '../errors.js';
import { problemResponses } from '../schemas/problem.js';
import { SearchParams } from '../schemas/search.js';
import { SearchResponse } from '../schemas/search-response.js';
import type { SearchService } from '../search/service.js';
import { jsonSerializer, namedFieldsValidator } from '../search/validation.js';

const DESCRIPTION =
  'Free text in any language of the data (diacritics, case and small typos do not matter; vocabularies ' +
  'find equivalents in EN, FR, ES, PT, DE, AR, UK), filters, disjunctive facets and paging. A hit is a ' +
  'reason to check provenance, never a proof of theft. Errors are problem+json: 400 `SEARCH_INVALID_PARAMETER` ' +
  '(each bad or unknown parameter named in `errors`), `SEARCH_QUERY_TOO_LONG` (over 200 characters or 16 words), ' +
  '`SEARCH_INVALID_CURSOR`; 503 `ELASTICSEARCH_UNAVAILABLE` or `INDEX_NOT_READY` with Retry-After. Cite ' +
  '`dataset_version` with a result: it changes whenever the indexed data does.';

/** GET and POST /v1/search: the same parameters as a query string or a JSON body. */
export async function searchRoutes(app: FastifyInstance, opts: { service: SearchService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const common = {
    validatorCompiler: namedFieldsValidator(),
    serializerCompiler: jsonSerializer,
  };
  const response = { 200: SearchResponse, ...problemResponses(400, 503) };

  r.get(
    '/v1/search',
    { ...common, schema: { tags: ['search'], summary: 'Search Red List categories and objects', description: DESCRIPTION, querystring: SearchParams, response } },
    async (req) => opts.service.search(req.query),
  );
  r.post(
    '/v1/search',
    {
      ...common,
      schema: {
        tags: ['search'],
        summary: 'Search (parameters as a JSON body)',
        description: `${DESCRIPTION} Multi-valued fields take arrays.`,
        body: SearchParams,
        response,
      },
    },
    async (req) => {
      // The body is the request: a query string beside it would be silently ignored, so say so.
      const ignored = Object.keys((req.query as Record<string, unknown> | undefined) ?? {});
      if (ignored.length) throw invalidParams(ignored.map((name) => ({ name, reason: 'is not read on POST: put it in the JSON body' })));
      return opts.service.search(req.body);
    },
  );
}
