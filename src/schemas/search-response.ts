import { z } from 'zod';
import type { FacetValue as FacetValueT } from '../search/facets.js';

/** Response shapes of the search and reference endpoints (documented in OpenAPI). */

export const KeyLabel = z.object({ key: z.string(), label: z.string() }).meta({ id: 'KeyLabel' });


export const FacetValue: z.ZodType<FacetValueT> = z.lazy(() =>
  z
    .object({
      key: z.string(),
      label: z.string().describe('In the requested language, English when missing'),
      count: z.number().int().describe('Hits with this value; for a facet with a selection, counted without that selection'),
      selected: z.literal(true).optional(),
      emergency: z.literal(true).optional().describe('An emergency zone, or an Emergency Red List'),
      list: z.string().optional().describe('Category tree: the Red List the category belongs to'),
      children: z.array(FacetValue).optional().describe('Category tree: narrower categories'),
    })
    .meta({ id: 'FacetValue' }),
);

export const ListRefOut = z
  .object({ id: z.string(), title: z.string(), emergency: z.boolean() })
  .meta({ id: 'ListRef' });

export const Hit = z
  .object({
    id: z.string(),
    score: z.number(),
    kind: z.enum(['redlist', 'inventory', 'report']),
    title: z.string(),
    list: ListRefOut.nullable(),
    category: z.array(KeyLabel).describe('Category path, broadest first'),
    countries: z.array(KeyLabel),
    thumbnail: z.string().nullable().describe('URL of a 256 px WebP thumbnail'),
    highlight: z
      .record(z.string(), z.string())
      .describe('Fields of the record in the requested language with matching words in <em>; HTML-escaped'),
    matched: z
      .array(z.string())
      .describe('Why this is a hit: fields the text matched (object_type, title, category, material, place, period, description, ...), then the filters it satisfied (date, height, country, ...)'),
  })
  .meta({ id: 'SearchHit' });

export const SearchResponse = z
  .object({
    total: z.number().int(),
    total_relation: z.enum(['eq', 'gte']).describe('`gte`: at least `total` hits (ask `exact_total=true` to count all)'),
    hits: z.array(Hit),
    facets: z.object({
      category: z.array(FacetValue).optional().describe('Tree: top categories with their narrower categories'),
      region: z.array(FacetValue).optional(),
      country: z.array(FacetValue).optional(),
      emergency_zone: z.array(FacetValue).optional(),
      list: z.array(FacetValue).optional(),
      material: z.array(FacetValue).optional(),
      period: z.array(FacetValue).optional().describe('Millennia BCE (`m-3`) and centuries CE (`c18`), in order'),
    }),
    dataset_version: z.string().describe('Changes whenever the indexed data changes: cite it with a result'),
    next_cursor: z.string().nullable().describe('Give as `cursor` for the next page; null when there are no more hits'),
    relaxed: z
      .boolean()
      .describe('True when too few records matched (nearly) every word of `q`, so records matching at least half of them are shown'),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponse>;
