import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUnavailable } from '../es/client.js';
import { AppError, ERROR_CODES, type ErrorCode, type ProblemField } from '../errors.js';
import type { Problem } from '../schemas/problem.js';

/**
 * Maps every error to RFC 9457 problem+json with a stable code. Validation errors name each field;
 * Elasticsearch outages become 503 with Retry-After; anything unexpected is a 500 whose internals
 * stay in the log.
 */
export function problemOf(code: ErrorCode, detail: string, req: FastifyRequest | { requestId: string }, fields: ProblemField[] = []): Problem {
  const { status, title } = ERROR_CODES[code];
  // Before any request exists (Node's HTTP parser refused the bytes) there is no `instance`.
  const where = 'url' in req ? { instance: req.url.split('?')[0], requestId: String(req.id) } : { requestId: req.requestId };
  return {
    type: `/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    code,
    detail,
    ...where,
    ...(fields.length ? { errors: fields } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterS?: number): FastifyReply {
  if (retryAfterS !== undefined) void reply.header('retry-after', String(retryAfterS));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

export function classify(err: unknown): { code: ErrorCode; detail: string; fields: ProblemField[]; retryAfterS?: number } {
  if (err instanceof AppError) {
    return { code: err.code, detail: err.message, fields: err.fields, ...(err.retryAfterS !== undefined ? { retryAfterS: err.retryAfterS } : {}) };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const name = path || String((v.params as { issue?: { path?: unknown[] } }).issue?.path?.join('.') ?? err.validationContext ?? 'request');
      return { name, reason: v.message ?? 'invalid' };
    });
    return { code: 'VALIDATION_FAILED', detail: fields.map((f) => `${f.name}: ${f.reason}`).join('; '), fields };
  }
  if (isUnavailable(err)) {
    return { code: 'ELASTICSEARCH_UNAVAILABLE', detail: 'Elasticsearch is unreachable; retry shortly', fields: [], retryAfterS: 5 };
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { code: 'PAYLOAD_TOO_LARGE', detail: fe.message, fields: [] };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE', detail: fe.message, fields: [] };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'VALIDATION_FAILED', detail: fe.message, fields: [{ name: 'body', reason: fe.message }] };
  }
  if (fe.validation) {
    const fields = fe.validation.map((v) => ({ name: v.instancePath.replace(/^\//, '') || fe.validationContext || 'request', reason: v.message ?? 'invalid' }));
    return { code: 'VALIDATION_FAILED', detail: fe.message, fields };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { code: 'VALIDATION_FAILED', detail: fe.message, fields: [] };
  }
  return { code: 'INTERNAL', detail: 'An internal error occurred; it has been logged with the request id', fields: [] };
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const c = classify(err);
    const problem = problemOf(c.code, c.detail, req, c.fields);
    if (problem.status >= 500) req.log.error({ err, code: c.code }, 'request failed');
    else req.log.info({ code: c.code, detail: c.detail }, 'request rejected');
    return sendProblem(reply, problem, c.retryAfterS);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problemOf('ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.url.split('?')[0]}`, req)),
  );
}
