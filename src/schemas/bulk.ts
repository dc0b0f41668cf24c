import { z } from 'zod';
import { K_DEFAULT, K_MAX } from '../bulk/fields.js';

/**
 * Request parameters and JSON responses of the bulk endpoints. The bodies themselves (CSV or
 * NDJSON uploads, NDJSON or CSV results) are streams and are described in the route docs.
 */

const k = z.coerce
  .number({ message: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(K_MAX, `must be at most ${K_MAX}`)
  .default(K_DEFAULT)
  .describe(`Hits per row (default ${K_DEFAULT}, at most ${K_MAX})`);

const mapping = z
  .string()
  .max(20_000, 'at most 20000 characters')
  .optional()
  .describe(
    'JSON object: the file\'s own column names (or, for NDJSON, keys and dotted paths such as `Geographies[0].GeographyTerm`) → ' +
      'our inputs (ref, q, title, object_type, material, country, date, height, width, diameter, dimensions, inscriptions). ' +
      'Columns already named like our inputs need no mapping.',
  );

const lang = z
  .string()
  .regex(/^[a-z]{2}$/, 'must be a two-letter language code')
  .default('en')
  .describe('Language of list and category labels (English fallback)');

const format = z.enum(['ndjson', 'csv']).optional().describe('Result format; overrides the Accept header');

export const BulkSearchQuery = z.object({ k, mapping, lang, format }).strict();
export type BulkSearchQuery = z.infer<typeof BulkSearchQuery>;

export const BulkJobCreateQuery = z
  .object({ k, mapping, lang, name: z.string().max(200).optional().describe('A name for the uploaded file, shown in the job') })
  .strict();

export const BulkResultsQuery = z.object({ format }).strict();

export const JobId = z.object({ id: z.string().regex(/^[A-Za-z0-9]{1,40}$/, 'is not a job id') });

const counts = z.object({ strong: z.number().int(), possible: z.number().int(), none: z.number().int(), errors: z.number().int() });

export const BulkJobCreated = z
  .object({
    id: z.string(),
    status: z.string(),
    rows_total: z.number().int(),
    status_url: z.string(),
  })
  .meta({ id: 'BulkJobCreated' });

export const BulkJob = z
  .object({
    id: z.string(),
    status: z.enum(['receiving', 'queued', 'running', 'done', 'failed', 'cancelled']),
    rows_total: z.number().int(),
    rows_done: z.number().int(),
    rate: z.number().nullable().describe('Rows checked per second'),
    eta_s: z.number().nullable().describe('Seconds left at the current rate'),
    counts: counts.describe('Rows by verdict level, and rows that are errors'),
    dataset_version: z
      .string()
      .nullable()
      .describe('The data the rows were checked against, to cite with the results (the latest if the data was reloaded during the job); null before any row was checked'),
    dataset_versions: z
      .array(z.string())
      .describe('Every dataset version the rows were checked against, in order: more than one only if the data was reloaded during the job (each result row says its own)'),
    errors: z
      .array(z.object({ row: z.number().int().nullable(), ref: z.string().nullable(), field: z.string(), reason: z.string() }))
      .describe('The first row errors'),
    k: z.number().int(),
    kind: z.string(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
    failure: z.string().nullable(),
    results: z.string().describe('Where to fetch the results'),
  })
  .meta({ id: 'BulkJob' });
