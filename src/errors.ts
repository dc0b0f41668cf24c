/**
 * One error contract: every error the API returns is an AppError with a stable code, mapped by the
 * error handler to RFC 9457 problem+json. 5xx internals are never sent to the client.
 */

export interface ProblemField {
  /** The parameter, body field, row column or file field at fault. */
  name: string;
  reason: string;
}

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, title: 'Invalid request' },
  SEARCH_INVALID_PARAMETER: { status: 400, title: 'Invalid search parameter' },
  SEARCH_QUERY_TOO_LONG: { status: 400, title: 'Query too long' },
  SEARCH_INVALID_CURSOR: { status: 400, title: 'Invalid cursor' },
  IMAGE_INVALID: { status: 400, title: 'Image cannot be used' },
  BULK_INVALID_INPUT: { status: 400, title: 'Invalid bulk input' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  REQUEST_HEADERS_TOO_LARGE: { status: 431, title: 'Request line and headers too large' },
  ELASTICSEARCH_UNAVAILABLE: { status: 503, title: 'Elasticsearch unavailable' },
  INDEX_NOT_READY: { status: 503, title: 'Index not ready' },
  INTERNAL: { status: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: ProblemField[] = [],
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }
}

export const invalidParams = (fields: ProblemField[], code: ErrorCode = 'SEARCH_INVALID_PARAMETER') =>
  new AppError(code, fields.map((f) => `${f.name}: ${f.reason}`).join('; '), fields);

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found`);

export const esUnavailable = (detail = 'Elasticsearch did not answer') =>
  new AppError('ELASTICSEARCH_UNAVAILABLE', `${detail}; retry shortly`, [], 5);
