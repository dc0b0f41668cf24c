import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { invalidParams, type ErrorCode, type ProblemField } from '../errors.js';

/**
 * Route-level zod validation whose 400 names every bad parameter (including each unknown one),
 * as the search endpoints promise; the shared handler turns the AppError into problem+json.
 */

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: Issue[][];
}

const article = (type: string) => (type === 'array' ? 'a list' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function reasonOf(issue: Issue): string {
  if (issue.code === 'invalid_union' && issue.errors) {
    // The most specific branch: the one that got furthest before failing.
    const inner = issue.errors.flat().find((i) => i.code !== 'invalid_type') ?? issue.errors.flat()[0];
    if (inner) return reasonOf(inner);
  }
  if (issue.code === 'invalid_type') {
    // zod: "Invalid input: expected string, received number" → "must be a string, not a number"
    const m = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
    if (m) return `must be ${article(m[1] ?? '')}, not ${article(m[2] ?? '')}`;
    return issue.message.replace(/^Invalid input: /, 'must be ');
  }
  if (issue.code === 'too_big' || issue.code === 'too_small') return issue.message.replace(/^Too (big|small): expected \w+ to be /, 'must be ');
  return issue.message;
}

export function fieldsOf(issues: readonly Issue[], what = 'parameter'): ProblemField[] {
  const out: ProblemField[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) out.push({ name: key, reason: `is not a known ${what}` });
      continue;
    }
    const name = issue.path.filter((p) => typeof p === 'string').join('.') || 'request';
    out.push({ name, reason: reasonOf(issue) });
  }
  return out;
}

/** `q` over its length bound: the search endpoints' own code for it (`SEARCH_QUERY_TOO_LONG`). */
const isLongQuery = (i: Issue) => i.code === 'too_big' && i.path.length === 1 && i.path[0] === 'q';

/** A validator compiler for one route: zod parse, or a 400 `code` problem naming each field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fastify types the compiler by the whole route schema
export function namedFieldsValidator(code: ErrorCode = 'SEARCH_INVALID_PARAMETER'): FastifySchemaCompiler<any> {
  return ({ schema, httpPart }) =>
    (data: unknown) => {
      const r = (schema as z.ZodType).safeParse(data ?? {});
      if (r.success) return { value: r.data };
      const what = httpPart === 'body' ? 'field' : 'parameter';
      const issues = r.error.issues as unknown as Issue[];
      return { error: invalidParams(fieldsOf(issues, what), issues.every(isLongQuery) ? 'SEARCH_QUERY_TOO_LONG' : code) };
    };
}

/** Plain JSON serialisation for routes whose handlers already build the documented shape. */
export const jsonSerializer = () => (data: unknown) => JSON.stringify(data);
