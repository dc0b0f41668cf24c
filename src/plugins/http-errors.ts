import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, ProblemField } from '../errors.js';
import type { Problem } from '../schemas/problem.js';
import { classify, problemOf, sendProblem } from './problems.js';

/**
 * The errors raised before any route runs, as the same problem+json as every other error: the
 * router's (a path parameter longer than the router accepts, a path that is not valid
 * percent-encoding: 400 naming the parameter) and Node's HTTP parser's (request line and headers
 * over the limit: 431; a timeout: 408; anything else that is not HTTP: 400), which fastify never
 * sees as a request, so those are written to the socket here.
 */

/** Request line plus headers, in bytes (Node's default, stated so the API can document it). */
export const MAX_HEADER_BYTES = 16 * 1024;

const decoded = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/**
 * The path parameter whose segment of `path` is `bad`, found by matching the path against the
 * registered route patterns (`/v1/objects/:id`); `path` when no pattern fits.
 */
export function paramAt(patterns: readonly string[], path: string, bad: (segment: string) => boolean): string {
  const segs = (path.split('?')[0] ?? '').split('/');
  for (const pattern of patterns) {
    const ps = pattern.split('/');
    const wildcard = ps.at(-1) === '*';
    if (wildcard ? segs.length < ps.length : segs.length !== ps.length) continue;
    let name: string | null = null;
    let fits = true;
    for (let i = 0; i < ps.length && fits; i++) {
      const p = ps[i] ?? '';
      const s = segs[i] ?? '';
      if (p === '*') break;
      if (p.startsWith(':')) {
        if (name === null && bad(s)) name = p.slice(1);
      } else if (p !== s) fits = false;
    }
    if (fits && name !== null) return name;
  }
  return 'path';
}

/** The problem for an error fastify's router raises (`frameworkErrors`). */
export function frameworkProblem(err: FastifyError, req: FastifyRequest, patterns: readonly string[], maxParamLength: number): Problem {
  const path = req.url.split('?')[0] ?? '';
  let field: ProblemField | null = null;
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const name = paramAt(patterns, path, (s) => (decoded(s) ?? s).length > maxParamLength);
    field = { name, reason: `is longer than ${maxParamLength} characters` };
  } else if (err.code === 'FST_ERR_BAD_URL') {
    const name = paramAt(patterns, path, (s) => decoded(s) === null);
    field = { name, reason: 'is not valid percent-encoding (a % must start a UTF-8 byte written as two hex digits, e.g. %C3%A9)' };
  }
  if (field) return problemOf('VALIDATION_FAILED', `${field.name}: ${field.reason}`, req, [field]);
  const c = classify(err);
  return problemOf(c.code, c.detail, req, c.fields);
}

/** `frameworkErrors` for Fastify: the patterns are read when an error happens, so routes added later count. */
export function frameworkErrorHandler(patterns: readonly string[], maxParamLength: number) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const problem = frameworkProblem(err, req, patterns, maxParamLength);
    req.log.info({ code: problem.code, detail: problem.detail }, 'request rejected by the router');
    void reply.header('x-request-id', String(req.id));
    void sendProblem(reply, problem);
  };
}

/** What Node's HTTP parser refused, as a problem (no request exists: `instance` is absent). */
export function clientProblem(errCode: string | undefined, requestId: string): Problem {
  const [code, detail]: [ErrorCode, string] =
    errCode === 'HPE_HEADER_OVERFLOW'
      ? [
          'REQUEST_HEADERS_TOO_LARGE',
          `The request line and headers are larger than ${MAX_HEADER_BYTES} bytes (usually a very long URL): ` +
            'send a long search as POST /v1/search with a JSON body.',
        ]
      : errCode === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['REQUEST_TIMEOUT', 'The request was not received in time.']
        : ['VALIDATION_FAILED', `The request is not valid HTTP/1.1${errCode ? ` (${errCode})` : ''}.`];
  return problemOf(code, detail, { requestId });
}

/** The raw HTTP/1.1 response carrying a problem (the socket is closed after it). */
export function rawProblemResponse(problem: Problem): string {
  const body = JSON.stringify(problem);
  return (
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
    'Content-Type: application/problem+json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Request-Id: ${problem.requestId ?? ''}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

/** `clientErrorHandler` for Fastify (called with the instance as `this`), replacing its plain-JSON answers. */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientProblem(err.code, randomUUID());
  this.log.info({ code: problem.code, errCode: err.code, requestId: problem.requestId }, 'request refused by the HTTP parser');
  if (socket.writable) socket.write(rawProblemResponse(problem));
  socket.destroy(err);
}
