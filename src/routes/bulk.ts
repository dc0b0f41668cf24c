import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indexNames, type Config } from '../config.js';
import type { Es } from '../es/client.js';
import { AppError, invalidParams, notFound } from '../errors.js';
import type { BulkEngine } from '../bulk/execute.js';
import type { InputKind } from '../bulk/fields.js';
import { formatter, pickFormat } from '../bulk/format.js';
import { JobRunner } from '../bulk/jobs/runner.js';
import { JobStore } from '../bulk/jobs/store.js';
import { uploadJob } from '../bulk/jobs/upload.js';
import { jobResults, jobView } from '../bulk/jobs/view.js';
import { BulkLimitError, type BulkLimits } from '../bulk/limits.js';
import { parseMapping } from '../bulk/mapping.js';
import { openBulkStream } from '../bulk/stream.js';
import { BulkJob, BulkJobCreated, BulkJobCreateQuery, BulkResultsQuery, BulkSearchQuery, JobId } from '../schemas/bulk.js';
import { problemResponses } from '../schemas/problem.js';
import type { SearchDomain } from '../search/domain.js';
import { namedFieldsValidator } from '../search/validation.js';
import { DatasetVersion } from '../search/version.js';

/**
 * Bulk checks: `POST /v1/bulk-search` streams results while the upload streams in;
 * `POST /v1/bulk-jobs` stores the rows and a runner in this process checks them, surviving
 * restarts; `GET /v1/bulk-jobs/:id` and `/results` follow and fetch them. Every checked row
 * carries the `dataset_version` it was checked against, and the responses carry it in a
 * `Dataset-Version` header, so a check filed with a decision can be cited.
 */

export interface BulkRouteOptions {
  config: Config;
  es: Es;
  domain: SearchDomain;
  /** Run the job runner in this process (default true). */
  runner?: boolean;
  /** How often an idle runner looks for jobs, and how long a running job stays claimed without a checkpoint. */
  pollMs?: number;
  leaseMs?: number;
  /** How long the dataset version is cached (default 1 s: each chunk of rows reads it). */
  versionTtlMs?: number;
}

/** The header naming the data a bulk check was run against. */
const VERSION_HEADER = 'dataset-version';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/tab-separated-values'];
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'];

function kindOf(req: FastifyRequest): InputKind {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (CSV_TYPES.includes(type)) return 'csv';
  if (NDJSON_TYPES.includes(type)) return 'ndjson';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the rows as text/csv (with a header line) or application/x-ndjson, not ${type || 'no content type'}`);
}

/** The raw upload stream, with a 413 at once when the declared length is already over the limit. */
function upload(req: FastifyRequest, limits: BulkLimits): AsyncIterable<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw new BulkLimitError('BULK_MAX_BYTES', limits.maxBytes, limits.scope);
  return req.body as AsyncIterable<Uint8Array>;
}

function mappingOf(raw: string | undefined) {
  const { mapping, problems } = parseMapping(raw);
  if (problems.length) throw invalidParams(problems, 'BULK_INVALID_INPUT');
  return mapping;
}

function closeOn413(reply: FastifyReply, err: unknown): never {
  if (err instanceof BulkLimitError) void reply.header('connection', 'close');
  throw err;
}

const UPLOAD_DOC =
  'Body: `text/csv` (header line; `,` `;` tab or `|` delimiter; UTF-8, UTF-8 with BOM, UTF-16 with BOM, or Windows-1252/Latin-1, ' +
  'detected line by line) or `application/x-ndjson` (one JSON object per line). One query per row: `ref` and any of `q`, `title`, ' +
  '`object_type`, `material`, `country`, `date` (free text), `height`, `width`, `diameter` (with units), `dimensions`, `inscriptions`; ' +
  'other column names through `mapping`. Limits: BULK_MAX_ROWS rows and BULK_MAX_BYTES bytes (413 naming the limit); a cell of a used ' +
  'column over 2000 characters, a malformed line or a wrong number of cells makes that row an error result and the rest go on. ' +
  'A `date` agrees with a record within ±5 % of its age (at least 10 years), ±10 % (at least 25 years) when approximate ' +
  '(`ca.`, `circa`, or a round century written as a year such as `2100 BC`); outside that it counts against the record.';

/** Unknown or bad parameters are each named, as on `/v1/search`. */
const validatorCompiler = namedFieldsValidator('VALIDATION_FAILED');

export async function bulkRoutes(app: FastifyInstance, opts: BulkRouteOptions) {
  const { config } = opts;
  const names = indexNames(config.INDEX_PREFIX);
  const limits: BulkLimits = { maxRows: config.BULK_MAX_ROWS, maxBytes: config.BULK_MAX_BYTES };
  const jobLimits: BulkLimits = { ...limits, scope: 'job' };
  const version = new DatasetVersion(opts.es, names.objects, opts.versionTtlMs ?? 1000);
  const engine: BulkEngine = {
    es: opts.es,
    index: names.objects,
    domain: opts.domain,
    chunk: config.BULK_CHUNK,
    concurrency: config.BULK_CONCURRENCY,
    version: () => version.get(),
  };
  const store = new JobStore(opts.es, { jobs: names.jobs, rows: names.jobRows });
  const runner = new JobRunner({ store, engine, log: app.log, pollMs: opts.pollMs, leaseMs: opts.leaseMs });
  if (opts.runner !== false) {
    app.addHook('onReady', async () => runner.start());
    app.addHook('onClose', async () => runner.stop());
  }

  // The upload is handed over as a stream: never buffered, so bodyLimit does not apply; the
  // bulk limits are enforced while reading.
  app.addContentTypeParser([...CSV_TYPES, ...NDJSON_TYPES], (_req, payload, done) => done(null, payload));

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/v1/bulk-search',
    {
      validatorCompiler,
      schema: {
        tags: ['bulk'],
        summary: 'Check many objects at once; results stream back in input order',
        description:
          `${UPLOAD_DOC} Response: NDJSON (or CSV with \`Accept: text/csv\` or \`format=csv\`), one result per input row in order: ` +
          '`{ ref, row, level, hits: [{ id, score, title, list, category, countries, level, reasons }], warnings?, dataset_version }` or ' +
          '`{ ref, row, error: { field, reason } }`. Levels: `strong`, `possible`, `none` (see the README). If a limit is crossed ' +
          'after results started, the output ends with a row `{ ref: null, row: null, error: { field: <limit>, ... } }`. ' +
          'The `Dataset-Version` header names the data the check started on; each checked row carries the `dataset_version` it was ' +
          'checked against (the last CSV column), which differs only if the data was reloaded during the check.',
        querystring: BulkSearchQuery,
        response: problemResponses(400, 413, 415, 503),
      },
    },
    async (req, reply) => {
      const kind = kindOf(req);
      const mapping = mappingOf(req.query.mapping);
      const format = pickFormat(req.query.format, req.headers.accept);
      const started = Date.now();
      const source = upload(req, limits);
      const datasetVersion = await version.get();
      const lines = await openBulkStream(source, {
        kind,
        mapping,
        limits,
        engine,
        check: { k: req.query.k, lang: req.query.lang },
        format,
        onEnd: (summary) => req.log.info({ ...summary, ms: Date.now() - started }, 'bulk search finished'),
      }).catch((err: unknown) => closeOn413(reply, err));
      void reply.type(formatter(format, req.query.k).contentType).header('cache-control', 'no-store').header(VERSION_HEADER, datasetVersion);
      return reply.send(Readable.from(lines, { highWaterMark: 4 }) as never);
    },
  );

  r.post(
    '/v1/bulk-jobs',
    {
      validatorCompiler,
      schema: {
        tags: ['bulk'],
        summary: 'Start a bulk check job for a large file',
        description: `${UPLOAD_DOC} The rows are stored as they arrive; 202 with the job id once the upload is complete.`,
        querystring: BulkJobCreateQuery,
        response: { 202: BulkJobCreated, ...problemResponses(400, 413, 415, 503) },
      },
    },
    async (req, reply) => {
      const kind = kindOf(req);
      const mapping = mappingOf(req.query.mapping);
      const job = await uploadJob(store, upload(req, jobLimits), {
        kind,
        mapping,
        k: req.query.k,
        lang: req.query.lang,
        limits: jobLimits,
        ...(req.query.name ? { fileName: req.query.name } : {}),
        onQueued: () => runner.wake(),
      }).catch((err: unknown) => closeOn413(reply, err));
      const url = `/v1/bulk-jobs/${job.id}`;
      return reply.code(202).header('location', url).send({ id: job.id, status: job.status, rows_total: job.rows_total, status_url: url });
    },
  );

  const getJob = async (id: string) => {
    await store.ensure();
    const v = await store.get(id);
    if (!v) throw notFound(`Bulk job ${id}`);
    return v;
  };

  r.get(
    '/v1/bulk-jobs/:id',
    {
      validatorCompiler,
      schema: {
        tags: ['bulk'],
        summary: 'Status and progress of a bulk job',
        description: '`dataset_version` names the data the rows were checked against; `dataset_versions` lists more than one only if the data was reloaded during the job.',
        params: JobId,
        response: { 200: BulkJob, ...problemResponses(400, 404, 503) },
      },
    },
    async (req) => jobView((await getJob(req.params.id)).doc),
  );

  r.get(
    '/v1/bulk-jobs/:id/results',
    {
      validatorCompiler,
      schema: {
        tags: ['bulk'],
        summary: 'Results of a bulk job, in row order (NDJSON, or CSV with Accept: text/csv or format=csv)',
        description:
          'While the job runs, the rows done so far. Each checked row carries the `dataset_version` it was checked against (the last CSV ' +
          'column); the `Dataset-Version` header lists the versions used, in order (more than one only if the data was reloaded during the job).',
        params: JobId,
        querystring: BulkResultsQuery,
        response: problemResponses(400, 404, 503),
      },
    },
    async (req, reply) => {
      const { doc } = await getJob(req.params.id);
      const fmt = formatter(pickFormat(req.query.format, req.headers.accept), doc.k);
      async function* lines() {
        yield fmt.header();
        for await (const page of jobResults(store, doc)) yield page.map(fmt.line).join('');
      }
      void reply.type(fmt.contentType).header('x-job-status', doc.status);
      if (doc.dataset_versions?.length) void reply.header(VERSION_HEADER, doc.dataset_versions.join(', '));
      return reply.send(Readable.from(lines(), { highWaterMark: 4 }) as never);
    },
  );

  r.delete(
    '/v1/bulk-jobs/:id',
    {
      validatorCompiler,
      schema: {
        tags: ['bulk'],
        summary: 'Cancel a bulk job and delete its rows and results',
        params: JobId,
        response: { 204: z.null().describe('Deleted'), ...problemResponses(400, 404, 503) },
      },
    },
    async (req, reply) => {
      const { doc } = await getJob(req.params.id);
      await store.update(doc.id, { status: 'cancelled', lease_until: 0 });
      await store.deleteRows(doc.id, doc.rows_total);
      await store.deleteJob(doc.id);
      return reply.code(204).send(null);
    },
  );
}
