import type { CanonicalRecord, LangMap } from '../schemas/record.js';
import type { InputField, RowError } from './fields.js';
import { bestLevel, levelOf, reasonsOf, type Level } from './levels.js';
import { publicName } from '../search/text.js';

/** What one row of a bulk check returns. */

export interface BulkHit {
  id: string;
  score: number;
  title: string;
  list: { id: string; title: string; emergency: boolean } | null;
  category: { key: string; label: string }[];
  countries: string[];
  level: Level;
  /** The row's inputs this hit matched (`q.<field>`: the record field a `q` word was found in). */
  reasons: string[];
}

export interface BulkOk {
  ref: string | null;
  row: number;
  level: Level;
  hits: BulkHit[];
  /** Inputs that could not be read and were left out of the check. */
  warnings?: RowError[];
  /** The data the row was checked against (as `/v1/search`'s `dataset_version`). */
  dataset_version: string;
}

export interface BulkFailed {
  ref: string | null;
  /** Null for the final row reporting that the input stopped (a limit, an outage). */
  row: number | null;
  error: RowError;
}

export type BulkResult = BulkOk | BulkFailed;

export const isFailed = (r: BulkResult): r is BulkFailed => 'error' in r;

export interface EsHit {
  _id?: string | null;
  _score?: number | null;
  _source?: unknown;
  matched_queries?: string[] | Record<string, number>;
}

const pick = (map: LangMap | undefined, lang: string): string | undefined =>
  map ? (map[lang] ?? map.en ?? Object.values(map)[0]) : undefined;

type HitRecord = Pick<CanonicalRecord, 'id' | 'title' | 'list' | 'category' | 'objectType'> & {
  places?: { countries?: string[] };
};

export function shapeHit(hit: EsHit, best: number, given: readonly InputField[], lang: string): BulkHit {
  const r = (hit._source as { record?: HitRecord } | undefined)?.record;
  const mq = hit.matched_queries;
  // Clause names carry a serial (`field|n`, unique per clause); reasons use the field name.
  const matched = [...new Set((Array.isArray(mq) ? mq : mq ? Object.keys(mq) : []).map(publicName))];
  const score = Math.round((hit._score ?? 0) * 1000) / 1000;
  const id = r?.id ?? hit._id ?? '';
  return {
    id,
    score,
    title: pick(r?.title, lang) ?? pick(r?.objectType?.[0]?.label, lang) ?? id,
    list: r?.list ? { id: r.list.id, title: pick(r.list.title, lang) ?? r.list.id, emergency: r.list.emergency } : null,
    category: (r?.category ?? []).map((s) => ({ key: s.key, label: pick(s.label, lang) ?? s.key })),
    countries: r?.places?.countries ?? [],
    level: levelOf(hit._score ?? 0, best, matched, given),
    reasons: reasonsOf(matched, given),
  };
}

export function okResult(ref: string | null, row: number, hits: BulkHit[], warnings: RowError[], datasetVersion: string): BulkOk {
  return { ref, row, level: bestLevel(hits.map((h) => h.level)), hits, ...(warnings.length ? { warnings } : {}), dataset_version: datasetVersion };
}
