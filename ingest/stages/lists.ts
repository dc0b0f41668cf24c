import type { NormalisedList } from '../normalise/list-types.js';
import { contentHash } from '../normalise/stable-json.js';

/** A normalised list → the lists index document (see mappings/lists.json). */
export function listDocument(list: NormalisedList): Record<string, unknown> & { id: string; content_hash: string } {
  const hash = contentHash(list);
  return {
    id: list.id,
    ...(list.number !== undefined ? { number: list.number } : {}),
    ...(list.year !== undefined ? { year: list.year } : {}),
    // An Emergency Red List, or a list with an emergency section (West Africa 2016: Mali).
    emergency: list.emergency || list.sections.some((s) => s.emergency),
    countries: list.coverage.countries,
    zone_countries: list.zone,
    languages: list.languages,
    content_hash: hash,
    list,
  };
}
