import { z } from 'zod';

/**
 * The search request, one schema for `GET /v1/search` (query string: every value is a string, a
 * repeated parameter is an array) and `POST /v1/search` (JSON body: the same names, numbers and
 * booleans may be typed). Unknown parameters are rejected. Semantic checks (country names, units,
 * ranges, cursors) happen in `src/search/params.ts`, which names each bad parameter.
 */

export const FACETS = ['category', 'region', 'country', 'emergency_zone', 'list', 'material', 'period'] as const;
export type FacetName = (typeof FACETS)[number];

export const MEASURES = ['height', 'width', 'depth', 'length', 'diameter', 'thickness'] as const;
export type MeasureName = (typeof MEASURES)[number];

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 16;
export const MAX_SIZE = 100;
/** Hits reachable with `page`; beyond, `cursor`. Equals the index's max_result_window. */
export const MAX_WINDOW = 10_000;

const oneOrMany = (item: z.ZodString, what: string) =>
  z
    .union([item, z.array(item).max(50, 'at most 50 values')])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .describe(`${what}. Repeat the parameter (or give an array) to select several; a hit matches any of them.`);

const token = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');

const flag = (what: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'], { message: 'must be true or false' })])
    .transform((v) => v === true || v === 'true' || v === '1')
    .describe(what);

const intIn = (min: number, max: number, what: string) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .describe(what);

const measure = (name: string) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(40, 'at most 40 characters')
    .describe(
      `${name} with a unit (mm, cm, m, in, ft), e.g. \`24cm\`, \`9 1/2 in\`, \`240 mm\`; a bare number is cm. ` +
        'A single value matches within `tolerance`; a range `20-30 cm` matches exactly.',
    );

const year = (what: string) =>
  z
    .union([z.number().int('must be a whole year').min(-100_000, 'must be at least -100000').max(3_000, 'must be at most 3000'), z.string().trim().min(1).max(40)])
    .describe(`${what}: a signed year (BCE negative, e.g. \`-1000\`) or \`1000 BC\`, \`AD 500\`, \`500 av. J.-C.\``);

export const SearchParams = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_CHARS, `at most ${MAX_QUERY_CHARS} characters`)
      .optional()
      .describe(
        `Free text in any language; typos on longer words are tolerated. At most ${MAX_QUERY_CHARS} characters and ${MAX_QUERY_TERMS} words ` +
          '(400 `SEARCH_QUERY_TOO_LONG`); to check a longer description, send it as a row of the bulk check. Text with no letter or digit is refused.',
      ),
    lang: z
      .string()
      .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as en, fr, ar')
      .optional()
      .describe('Language of titles and labels (falls back to English)'),
    list: oneOrMany(token, 'Red List id, e.g. `iraq-2015`').optional(),
    category: oneOrMany(token, 'Category key at any level; a parent includes its children').optional(),
    country: oneOrMany(token, 'Country: ISO 3166-1 alpha-2 code, a name in any language, or a city or site the gazetteer knows (Palmyra → SY)').optional(),
    region: oneOrMany(token, 'Region key').optional(),
    zone: oneOrMany(token, 'Emergency zone country (ISO code or name)').optional(),
    material: oneOrMany(token, 'Material vocabulary key; narrower materials are included').optional(),
    period: oneOrMany(token, 'Period bucket key: `m-3` (3rd millennium BCE) … `c18` (18th century CE)').optional(),
    kind: oneOrMany(token, 'Record kind: `redlist`, `inventory` or `report`').optional(),
    emergency: flag('Only records under (true) or outside (false) an active Emergency Red List').optional(),
    has_image: flag('Only records with (true) or without (false) an image').optional(),
    date_from: year('Earliest year of interest; a record matches when its date range overlaps').optional(),
    date_to: year('Latest year of interest').optional(),
    height: measure('Height').optional(),
    width: measure('Width').optional(),
    depth: measure('Depth').optional(),
    length: measure('Length').optional(),
    diameter: measure('Diameter').optional(),
    thickness: measure('Thickness').optional(),
    weight: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(40, 'at most 40 characters')
      .optional()
      .describe('Weight with a unit (g, kg, oz, lb), e.g. `3.9 g`; a single value matches within `tolerance`'),
    tolerance: z
      .union([z.number(), z.string().trim().regex(/^\d{1,3}(\.\d+)?%?$/, 'must be a fraction (0.2) or a percentage (20 or 20%)')])
      .transform((v) => {
        const s = String(v);
        const n = Number.parseFloat(s);
        return s.endsWith('%') || n > 1 ? n / 100 : n;
      })
      .pipe(z.number().min(0, 'must not be negative').max(1, 'must be at most 100%'))
      .optional()
      .describe('Tolerance of single-value measurements: a fraction (`0.2`) or a percentage (`20`, `20%`); default 20%'),
    facets: z
      .union([z.enum([...FACETS, 'none']), z.array(z.enum([...FACETS, 'none'])).max(FACETS.length + 1)])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional()
      .describe('Facets to compute (default: all); `none` for none'),
    facet_size: intIn(1, 200, 'Values per flat facet (default 30)').optional(),
    size: intIn(0, MAX_SIZE, `Hits per page (default 20, max ${MAX_SIZE})`).optional(),
    page: intIn(1, MAX_WINDOW, `Page number (1-based), while page x size stays within ${MAX_WINDOW}`).optional(),
    cursor: z.string().max(2000).optional().describe('`next_cursor` of the previous response; continues past 10,000 hits'),
    exact_total: flag('Count every hit exactly (slower on very large results)').optional(),
  })
  .strict();
export type SearchParams = z.output<typeof SearchParams>;
