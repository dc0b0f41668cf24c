import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The relevance set (`test/fixtures/relevance/queries.json`) and its measures: nDCG@10 with graded
 * judgements (gain 2^grade - 1) and recall@10 (relevant records in the top 10 over the number that
 * could fit there). A judgement names record ids, or category keys whose records (children
 * included) all get that grade.
 */

export interface RelevanceQuery {
  id: string;
  lang: string;
  q?: string;
  /** Other search parameters (filters, measurements, lang of labels). */
  params?: Record<string, string | string[]>;
  /** Record id → grade (2: what should come first, 1: acceptable). */
  relevant?: Record<string, number>;
  /** Category key → grade, for every record in it. */
  categories?: Record<string, number>;
  note?: string;
}

export interface QueryResult {
  query: RelevanceQuery;
  ids: string[];
  ndcg: number;
  recall: number;
  judged: number;
  ms: number;
}

export function loadQueries(path = new URL('../fixtures/relevance/queries.json', import.meta.url)): RelevanceQuery[] {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { queries: RelevanceQuery[] };
  return doc.queries;
}

const dcg = (gains: number[]) => gains.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);

export function ndcgAt(k: number, grades: number[], ideal: number[]): number {
  const best = dcg([...ideal].sort((a, b) => b - a).slice(0, k));
  return best > 0 ? dcg(grades.slice(0, k)) / best : 0;
}

export function recallAt(k: number, grades: number[], relevantCount: number): number {
  const found = grades.slice(0, k).filter((g) => g > 0).length;
  return relevantCount > 0 ? found / Math.min(k, relevantCount) : 0;
}

async function inject(app: FastifyInstance, params: Record<string, string | string[]>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, x);
  const res = await app.inject({ url: `/v1/search?${qs}` });
  if (res.statusCode !== 200) throw new Error(`search ${qs} answered ${res.statusCode}: ${res.body}`);
  return res.json() as { hits: { id: string; category: { key: string }[] }[]; total: number; next_cursor: string | null };
}

/** Every record id of a category (children included), through the API itself. */
async function categoryMembers(app: FastifyInstance, key: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const body = await inject(app, { category: key, size: '100', facets: 'none', ...(cursor ? { cursor } : {}) });
    out.push(...body.hits.map((h) => h.id));
    cursor = body.next_cursor;
  } while (cursor);
  return out;
}

/** Runs every query through the API and scores it. */
export async function evaluate(app: FastifyInstance, queries: RelevanceQuery[]): Promise<QueryResult[]> {
  const results: QueryResult[] = [];
  for (const query of queries) {
    const grades = new Map<string, number>(Object.entries(query.relevant ?? {}));
    for (const [key, grade] of Object.entries(query.categories ?? {})) {
      for (const id of await categoryMembers(app, key)) grades.set(id, Math.max(grades.get(id) ?? 0, grade));
    }
    const t0 = performance.now();
    const body = await inject(app, { ...(query.q ? { q: query.q } : {}), size: '10', facets: 'none', ...query.params });
    const ms = performance.now() - t0;
    const ids = body.hits.map((h) => h.id);
    const got = ids.map((id) => grades.get(id) ?? 0);
    const ideal = [...grades.values()].filter((g) => g > 0);
    results.push({ query, ids, ndcg: ndcgAt(10, got, ideal), recall: recallAt(10, got, ideal.length), judged: ideal.length, ms });
  }
  return results;
}

export interface Summary {
  group: string;
  queries: number;
  ndcg: number;
  recall: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function summarise(results: QueryResult[]): Summary[] {
  const groups = new Map<string, QueryResult[]>([['all', results]]);
  for (const r of results) groups.set(r.query.lang, [...(groups.get(r.query.lang) ?? []), r]);
  return [...groups].map(([group, rs]) => ({ group, queries: rs.length, ndcg: mean(rs.map((r) => r.ndcg)), recall: mean(rs.map((r) => r.recall)) }));
}
