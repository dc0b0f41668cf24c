import { z } from 'zod';
import { KeyLabel } from './search-response.js';

/** Response shapes of /v1/lists, /v1/lists/:id and /v1/categories. */

export interface CategoryNodeT {
  key: string;
  label: string;
  count: number;
  dates?: string;
  text?: string;
  children: CategoryNodeT[];
}

export const CategoryNode: z.ZodType<CategoryNodeT> = z.lazy(() =>
  z
    .object({
      key: z.string().describe('Category key, usable as the `category` search filter'),
      label: z.string(),
      count: z.number().int().describe('Records in this category and its narrower ones'),
      dates: z.string().optional().describe('Dates as printed in the booklet'),
      text: z.string().optional().describe('What typical objects of the category look like'),
      children: z.array(CategoryNode),
    })
    .meta({ id: 'CategoryNode' }),
);

const ListSummary = z.object({
  id: z.string(),
  number: z.number().int().optional(),
  title: z.string().describe('In the requested language'),
  titles: z.record(z.string(), z.string()).describe('The title in every language of the list'),
  year: z.number().int().optional(),
  emergency: z.boolean(),
  countries: z.array(KeyLabel).describe('Countries covered'),
  regions: z.array(z.string()).describe('Regions named instead of countries'),
  zone: z.array(KeyLabel).describe('Countries under an emergency list or section'),
  languages: z.array(z.string()),
  record_count: z.number().int(),
});

export const ListsResponse = z
  .object({ lists: z.array(ListSummary), dataset_version: z.string() })
  .meta({ id: 'ListsResponse' });

export const ListDetailResponse = z
  .object({
    list: ListSummary.extend({
      published: z.string().optional(),
      supersedes: z.string().optional(),
      coverage_as_printed: z.array(z.string()),
      legislation: z.array(z.record(z.string(), z.unknown())).describe('Laws and conventions (illustrative in the sample data)'),
      contacts: z.array(z.unknown()),
      suspicious_characteristics: z.array(z.string()),
      sections: z.array(
        z.object({ heading: z.string().optional(), emergency: z.boolean(), categories: z.array(CategoryNode) }),
      ),
    }),
    dataset_version: z.string(),
  })
  .meta({ id: 'ListDetailResponse' });

export const CategoryTree = z
  .object({
    lists: z.array(z.object({ id: z.string(), title: z.string(), emergency: z.boolean(), categories: z.array(CategoryNode) })),
    dataset_version: z.string(),
  })
  .meta({ id: 'CategoriesResponse' });
