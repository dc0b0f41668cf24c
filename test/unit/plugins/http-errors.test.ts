import type { FastifyError, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { clientProblem, frameworkProblem, MAX_HEADER_BYTES, paramAt, rawProblemResponse } from '../../../src/plugins/http-errors.js';
import { Problem } from '../../../src/schemas/problem.js';

const PATTERNS = ['/v1/objects/:id', '/v1/lists/:id', '/v1/bulk-jobs/:id', '/v1/bulk-jobs/:id/results', '/v1/images/:sha256/:size', '/assets/:version/*'];
const long = (n: number) => 'x'.repeat(n);
const tooLong = (s: string) => s.length > 100;

describe('paramAt', () => {
  it.each([
    [`/v1/objects/${long(200)}`, 'id'],
    [`/v1/bulk-jobs/${long(200)}/results`, 'id'],
    [`/v1/images/${long(200)}/thumb`, 'sha256'],
    [`/v1/images/abc/${long(200)}`, 'size'],
    [`/assets/${long(200)}/app.js`, 'version'],
    [`/v1/objects/${long(200)}?lang=fr`, 'id'],
  ])('%s names %s', (path, name) => {
    expect(paramAt(PATTERNS, path, tooLong)).toBe(name);
  });

  it('says `path` when no route pattern fits', () => {
    expect(paramAt(PATTERNS, `/v1/nothing/${long(200)}`, tooLong)).toBe('path');
    expect(paramAt(PATTERNS, `/v1/objects/${long(200)}/extra`, tooLong)).toBe('path');
    expect(paramAt(PATTERNS, '/v1/objects/short', tooLong)).toBe('path');
  });
});

const req = (url: string) => ({ url, id: 'req-1' }) as unknown as FastifyRequest;
const fastifyError = (code: string, statusCode: number) => Object.assign(new Error(code), { code, statusCode }) as FastifyError;

describe('frameworkProblem', () => {
  it('a parameter over the router limit: 400 naming it, with the limit', () => {
    const p = frameworkProblem(fastifyError('FST_ERR_MAX_PARAM_LENGTH', 414), req(`/v1/lists/${long(600)}`), PATTERNS, 512);
    expect(p).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', requestId: 'req-1', errors: [{ name: 'id', reason: 'is longer than 512 characters' }] });
    expect(Problem.parse(p)).toEqual(p);
  });

  it('counts decoded characters: 200 encoded "é" are 200 characters', () => {
    const path = `/v1/objects/${encodeURIComponent('é'.repeat(200))}`;
    expect(frameworkProblem(fastifyError('FST_ERR_MAX_PARAM_LENGTH', 414), req(path), PATTERNS, 100).errors?.[0]?.name).toBe('id');
    expect(frameworkProblem(fastifyError('FST_ERR_MAX_PARAM_LENGTH', 414), req(path), PATTERNS, 300).errors?.[0]?.name).toBe('path');
  });

  it('a parameter that is not valid percent-encoding: 400 naming it', () => {
    const p = frameworkProblem(fastifyError('FST_ERR_BAD_URL', 400), req('/v1/images/ab%ZZ/thumb'), PATTERNS, 512);
    expect(p).toMatchObject({ status: 400, errors: [{ name: 'sha256', reason: expect.stringMatching(/percent-encoding/) }] });
  });

  it('any other router error goes through the common classification', () => {
    expect(frameworkProblem(fastifyError('FST_ERR_ASYNC_CONSTRAINT', 500), req('/v1/lists'), PATTERNS, 512)).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});

describe('what the HTTP parser refuses', () => {
  it('headers over the limit: 431 with the limit and what to do instead', () => {
    const p = clientProblem('HPE_HEADER_OVERFLOW', 'r-1');
    expect(p).toMatchObject({ status: 431, code: 'REQUEST_HEADERS_TOO_LARGE', type: '/problems/request-headers-too-large', requestId: 'r-1' });
    expect(p.detail).toContain(`${MAX_HEADER_BYTES} bytes`);
    expect(p.detail).toContain('POST /v1/search');
  });

  it('a timeout: 408; anything else: 400 naming the parser error', () => {
    expect(clientProblem('ERR_HTTP_REQUEST_TIMEOUT', 'r').status).toBe(408);
    expect(clientProblem('HPE_INVALID_METHOD', 'r')).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: expect.stringContaining('HPE_INVALID_METHOD') });
  });

  it('is written as a complete HTTP/1.1 problem+json response', () => {
    const p = clientProblem('HPE_HEADER_OVERFLOW', 'r-2');
    const raw = rawProblemResponse(p);
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(head).toContain('Content-Type: application/problem+json');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(head).toContain('X-Request-Id: r-2');
    expect(Problem.parse(JSON.parse(body))).toEqual(p);
  });
});
