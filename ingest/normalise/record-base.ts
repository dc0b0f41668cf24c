import type { CanonicalRecord, RecordKind, VocabTerm, Warning } from '../../src/schemas/record.js';

/** An image a record names, resolved to a path on disk (or a URL we cannot fetch). */
export interface ImageInput {
  /** As given by the source. */
  source: string;
  /** Absolute path, or undefined when the source gave a remote URL. */
  path: string | undefined;
}

/** A canonical record before validation, with the images still to process. */
export interface Normalised {
  record: CanonicalRecord;
  images: ImageInput[];
}

export function emptyRecord(id: string, kind: RecordKind, source: CanonicalRecord['source']): CanonicalRecord {
  return {
    id,
    kind,
    category: [],
    objectType: [],
    title: {},
    description: {},
    materials: [],
    measurements: { dimensions: [] },
    date: { periods: [] },
    places: { countries: [], regions: [], sites: [], cultures: [] },
    emergency: { active: false, zone: [] },
    images: [],
    source,
    warnings: [],
  };
}

export function warning(field: string, code: string, message: string, source?: string): Warning {
  return source === undefined ? { field, code, message } : { field, code, message, source };
}

export function uniq<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Adds vocabulary terms not already present (by key). */
export function addTerms(into: VocabTerm[], terms: VocabTerm[]): void {
  for (const t of terms) if (!into.some((x) => x.key === t.key)) into.push(t);
}
