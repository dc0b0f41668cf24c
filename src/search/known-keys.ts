import { invalidParams, type ProblemField } from '../errors.js';
import type { SearchRequest } from './params.js';
import type { ReferenceData } from './reference.js';

/**
 * List ids and category keys must name something the indexed Red Lists hold: a mistyped key
 * would otherwise come back as "0 results", which reads as "not on any Red List". Checked against
 * the reference data of the dataset version being searched; a 400 names each unknown value, with
 * the nearest known key when one is close.
 */
export function checkKnownKeys(req: SearchRequest, ref: ReferenceData): void {
  if (!ref.lists.size) return; // no lists index to check against: the records' own keys stand
  const errors: ProblemField[] = [];
  for (const id of req.filters.list ?? []) {
    if (!ref.lists.has(id)) errors.push({ name: 'list', reason: `"${id}" is not an indexed Red List${hint(id, ref.lists.keys())} (see /v1/lists)` });
  }
  for (const key of req.filters.category ?? []) {
    if (!ref.categoryLabel(key)) errors.push({ name: 'category', reason: `"${key}" is not a category of the indexed Red Lists${hint(key, ref.categoryKeys())} (see /v1/categories)` });
  }
  if (errors.length) throw invalidParams(errors);
}

function hint(value: string, known: Iterable<string>): string {
  const near = nearest(value, known);
  return near ? `; did you mean "${near}"?` : '';
}

/** The known key within a few edits of the value (about one per six characters, at least one). */
export function nearest(value: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(value.length / 6));
  let best: { key: string; d: number } | undefined;
  for (const key of known) {
    if (Math.abs(key.length - value.length) > limit) continue;
    const d = editDistance(value, key, limit);
    if (d <= limit && (!best || d < best.d)) best = { key, d };
  }
  return best?.key;
}

/** Edit distance counting a swap of two neighbours as one edit; more than `limit` once every path exceeds it. */
function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] as number) + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length] as number;
}
