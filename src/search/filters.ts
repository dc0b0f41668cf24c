import type { estypes } from '../es/client.js';
import type { FacetName } from '../schemas/search.js';
import type { Filters } from './params.js';

/**
 * Filters as Elasticsearch clauses. Filters that back a facet are kept apart (`facet`), so each
 * facet's counts can ignore its own selection (disjunctive facets, applied as `post_filter`);
 * the others (`main`) narrow the query itself.
 */

type Query = estypes.QueryDslQueryContainer;

/** Facet name → the indexed field its values (and its filter) live in. */
export const FACET_FIELDS: Record<FacetName, string> = {
  category: 'category_keys',
  region: 'regions',
  country: 'countries',
  emergency_zone: 'emergency_zone',
  list: 'list_id',
  material: 'material_keys',
  period: 'period_buckets',
};

export interface FilterClauses {
  main: Query[];
  facet: Partial<Record<FacetName, Query>>;
  /** Public names of the active filters, reported in each hit's `matched`. */
  names: string[];
}

const terms = (field: string, values: string[]): Query => ({ terms: { [field]: values } });

export function buildFilters(f: Filters): FilterClauses {
  const main: Query[] = [];
  const facet: FilterClauses['facet'] = {};
  const names: string[] = [];
  const facetValues: [FacetName, string, string[] | undefined][] = [
    ['list', 'list', f.list],
    ['category', 'category', f.category],
    ['country', 'country', f.country],
    ['region', 'region', f.region],
    ['emergency_zone', 'zone', f.zone],
    ['material', 'material', f.materialMatch],
    ['period', 'period', f.period],
  ];
  for (const [name, param, values] of facetValues) {
    if (values && values.length > 0) {
      facet[name] = terms(FACET_FIELDS[name], values);
      names.push(param);
    }
  }
  if (f.kind && f.kind.length > 0) main.push(terms('kind', f.kind));
  if (f.emergency !== undefined) {
    main.push({ term: { emergency: f.emergency } });
    names.push('emergency');
  }
  if (f.hasImage !== undefined) main.push({ term: { has_image: f.hasImage } });
  if (f.date) {
    main.push({
      range: {
        date_range: {
          ...(f.date.from !== undefined ? { gte: f.date.from } : {}),
          ...(f.date.to !== undefined ? { lte: f.date.to } : {}),
          relation: 'intersects',
        },
      },
    });
    names.push('date');
  }
  for (const m of f.measures) {
    main.push({ range: { [m.field]: { gte: m.range.gte, lte: m.range.lte } } });
    names.push(m.name);
  }
  return { main, facet, names };
}

/** The facet filters except `skip`'s own: the context in which `skip`'s counts are taken. */
export function othersThan(facet: FilterClauses['facet'], skip: FacetName | undefined): Query[] {
  return Object.entries(facet).flatMap(([name, q]) => (name === skip || !q ? [] : [q]));
}
