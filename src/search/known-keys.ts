import { invalidParams, type ProblemField } from '../errors.js';
import { withinEdits } from './highlight.js';
import type { SearchRequest } from './params.js';
import type { ReferenceData } from './reference.js';

/**
 * List ids and category keys must name something the indexed Red Lists hold: a mistyped key
 * would otherwise come back as "0 results", which reads as "not on any Red List". Checked against
 * the reference data of the dataset version being searched; a 400 names each unknown value, with
 * the nearest known key when one is close.
 */
export function checkKnownKeys(req: Pick<SearchRequest, 'filters'>, ref: ReferenceData): void {
  const errors = unknownKeys(req.filters, ref);
  if (errors.length) throw invalidParams(errors);
}

/** The problems of the list ids and category keys the reference data does not hold. */
export function unknownKeys(filters: { list?: string[] | undefined; category?: string[] | undefined }, ref: ReferenceData): ProblemField[] {
  if (!ref.lists.size) return []; // no lists index to check against: the records' own keys stand
  const errors: ProblemField[] = [];
  for (const id of filters.list ?? []) {
    if (!ref.lists.has(id)) errors.push({ name: 'list', reason: `"${id}" is not an indexed Red List${hint(id, ref.lists.keys())} (see /v1/lists)` });
  }
  for (const key of filters.category ?? []) {
    if (!ref.categoryLabel(key)) errors.push({ name: 'category', reason: `"${key}" is not a category of the indexed Red Lists${hint(key, ref.categoryKeys())} (see /v1/categories)` });
  }
  return errors;
}

function hint(value: string, known: Iterable<string>): string {
  const near = nearest(value, known);
  return near ? `; did you mean "${near}"?` : '';
}

/** The known key fewest edits from the value, within about one edit per six characters (at least one). */
export function nearest(value: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(value.length / 6));
  const keys = [...known];
  for (let edits = 1; edits <= limit; edits++) {
    const key = keys.find((k) => withinEdits(value, k, edits));
    if (key !== undefined) return key;
  }
  return undefined;
}

