/**
 * Image-similarity evaluation (`npm run eval:images [-- --es <url>]`; without `--es`, the
 * Elasticsearch of the configuration: ELASTICSEARCH_URL, else Docker or the managed node).
 *
 * Indexes every group original of test/fixtures/images/NEAR_DUPLICATE_GROUPS.csv among all
 * distractors (the CSV's negatives, other unrelated fixture photos and region crops of them) into
 * a temporary index created from `mappings/objects.json` (the product's mapping) on a real
 * Elasticsearch, then queries with edited copies of each original (made here with sharp) and with
 * the fixtures' own edited copies, with the photo search's own knn body and exact re-ranking
 * (`src/search/image-rank.ts`). Prints recall@1/@5 per transform and the false-match rate per level,
 * and exits non-zero when a target is missed. The temporary index is deleted at the end.
 * `--synthetic 100000` adds that many synthetic images (random hashes, see images/synthetic.ts)
 * and merges the index into one segment first: recall among 100,000 images, where HNSW's
 * approximation shows (takes about 10 minutes on 2 cores).
 */
import { Command } from 'commander';
import { createHash } from 'node:crypto';
import { computeDescriptors, queryDescriptors, type ImageDescriptors } from '../../ingest/images/descriptors.js';
import { imageHashEntries, IMAGE_HASH_FIELD } from '../../ingest/images/es.js';
import type { ImageHashEntry } from '../../ingest/images/es.js';
import { bestMatch, MATCH_THRESHOLDS } from '../../ingest/images/match.js';
import { mapLimit } from '../../ingest/images/concurrency.js';
import { loadConfig } from '../../src/config.js';
import { createEs, type estypes } from '../../src/es/client.js';
import { provision } from '../../src/es/provision.js';
import { createLogger } from '../../src/logger.js';
import { imageKnnBody, KNN_CANDIDATES, KNN_PER_CLAUSE, KNN_QUERY_CROPS } from '../../src/search/image-search.js';
import { rankCandidates, type Candidate } from '../../src/search/image-rank.js';
import objectsMapping from '../../mappings/objects.json' with { type: 'json' };
import { loadCorpus } from './images/corpus.js';
import { makeVariants } from './images/variants.js';
import { addSynthetic } from './images/synthetic.js';
import { extrapolate, summarise, unrelatedStats, type Family, type QueryOutcome } from './images/report.js';

const opts = new Command()
  .option('--es <url>', 'Elasticsearch URL (default: the configured one)')
  .option('--k <n>', 'records per knn clause', String(KNN_PER_CLAUSE))
  .option('--candidates <n>', 'HNSW candidates per knn clause', String(KNN_CANDIDATES))
  .option('--crops <list>', 'query crops sent as knn clauses, comma-separated', KNN_QUERY_CROPS.join(','))
  .option('--synthetic <n>', 'also index n synthetic images (random hashes), to measure recall at scale', '0')
  .parse()
  .opts<{ es?: string; k: string; candidates: string; crops: string; synthetic: string }>();

/** An objects-index document with only the fields the photo search reads (the mapping is strict). */
interface Doc {
  id: string;
  kind: 'inventory';
  [IMAGE_HASH_FIELD]: ImageHashEntry[];
}

interface Query {
  transform: string;
  family: Family;
  group: string;
  bytes: Buffer;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Families of the fixtures' own edited copies, by their CSV relation. */
function fixtureFamily(relation: string): { transform: string; family: Family } {
  if (/^(blur|sharpen|shrink|square|high-)/.test(relation)) return { transform: `fixture: ${relation}`, family: 'photometric' };
  if (/colour-mode/.test(relation)) return { transform: 'fixture: colour mode / format conversions', family: 'photometric' };
  if (/^(rotate-|flip)/.test(relation)) return { transform: `fixture: ${relation}`, family: 'geometric' };
  if (/EXIF orientation \d \(pixels stored/.test(relation)) return { transform: 'fixture: EXIF orientations 2-8', family: 'geometric' };
  if (/^EXIF orientation/.test(relation)) return { transform: 'fixture: same scene, another shot', family: 'other' };
  return { transform: `fixture: ${relation}`, family: 'other' };
}

async function main(): Promise<number> {
  const config = loadConfig(opts.es ? { ...process.env, ELASTICSEARCH_URL: opts.es } : process.env);
  const node = await provision(config, 'test', createLogger('warn', process.stderr));
  // Long timeout: with --synthetic, the refresh and merge that build the HNSW graph take minutes.
  const es = createEs({ url: node.url, apiKey: config.ELASTICSEARCH_API_KEY, requestTimeoutMs: 3_600_000 });
  const index = `eval-images-${Date.now()}`;
  const t0 = performance.now();
  const corpus = await loadCorpus();
  const indexed = [
    ...corpus.originals.map((o) => ({ id: o.id, group: o.group as string | null, bytes: o.bytes })),
    ...corpus.distractors.map((d) => ({ id: d.id, group: null, bytes: d.bytes })),
  ];
  const descs: ImageDescriptors[] = await mapLimit(indexed, 2, (x) => computeDescriptors(x.bytes));
  const docs: Doc[] = indexed.map((x, i) => ({ id: x.id, kind: 'inventory', [IMAGE_HASH_FIELD]: imageHashEntries(sha(x.bytes), descs[i] as ImageDescriptors) }));
  const groupOf = new Map(indexed.map((x) => [x.id, x.group]));
  const skipped = docs.filter((d) => d[IMAGE_HASH_FIELD].length === 0).map((d) => d.id);
  console.log(`indexing ${corpus.originals.length} originals + ${corpus.distractors.length} distractors (${skipped.length} plain images not indexed) into ${index}`);

  const om = objectsMapping as { settings: Record<string, unknown>; mappings: Record<string, unknown> };
  await es.indices.create({ index, settings: om.settings, mappings: om.mappings as estypes.MappingTypeMapping });
  try {
    const operations = docs.flatMap((d) => [{ index: { _index: index, _id: d.id } }, d]);
    const bulk = await es.bulk({ operations, refresh: 'wait_for' });
    if (bulk.errors) throw new Error(`bulk errors: ${JSON.stringify(bulk.items.find((i) => i.index?.error))}`);
    if (Number(opts.synthetic) > 0) await addSynthetic(es, index, Number(opts.synthetic), (line) => console.log(line));

    const queries: Query[] = [];
    for (const o of corpus.originals) {
      for (const v of await makeVariants(o.bytes)) queries.push({ transform: v.name, family: v.family, group: o.group, bytes: v.bytes });
    }
    for (const v of corpus.fixtureVariants) queries.push({ ...fixtureFamily(v.relation), group: v.group, bytes: v.bytes });
    console.log(`${queries.length} queries; corpus and variants ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const outcomes: QueryOutcome[] = [];
    const unrelated: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      const qd = await queryDescriptors(q.bytes);
      const body = imageKnnBody(qd, { k: Number(opts.k), numCandidates: Number(opts.candidates), crops: opts.crops.split(',').map(Number) });
      const res = await es.search<Candidate>({ index, ...(body as object) });
      const hits = res.hits.hits.map((h) => h._source).filter((s): s is Candidate => s !== undefined);
      const ranked = rankCandidates(qd, hits);
      const ms = performance.now() - start;
      const pos = ranked.findIndex((r) => groupOf.get(r.id) === q.group);
      const target = ranked[pos];
      const other = ranked.find((r) => groupOf.get(r.id) !== q.group);
      outcomes.push({
        transform: q.transform,
        family: q.family,
        rank: pos >= 0 ? pos + 1 : null,
        targetDistance: target?.match.distance ?? null,
        targetLevel: target?.match.level ?? null,
        nonTargetDistance: other?.match.distance ?? null,
        nonTargetLevel: other?.match.level ?? null,
        ms,
      });
      // Exact distances to every unrelated indexed image, for the extrapolation to a large collection.
      for (const d of docs) if (groupOf.get(d.id) !== q.group && d[IMAGE_HASH_FIELD].length) unrelated.push(bestMatch(qd, d[IMAGE_HASH_FIELD].map((e) => e.hash)).distance);
    }

    const { lines, failures } = summarise(outcomes);
    console.log(lines.join('\n'));
    const st = unrelatedStats(unrelated);
    console.log(`\nunrelated query/image pairs (exact, every indexed image): ${st.n}; distance median ${st.median}, 1 % below ${st.p1}, 0.1 % below ${st.p01}, min ${st.min}`);
    for (const [level, t] of Object.entries(MATCH_THRESHOLDS)) {
      const e = extrapolate(st, t, 100_000);
      console.log(`  expected unrelated records at <= ${t} bits (${level}) per query among 100,000 (exponential tail, rough): ${e.toExponential(1)}`);
    }
    console.log(failures.length ? `\nMISSED TARGETS:\n  ${failures.join('\n  ')}` : '\nall targets met');
    return failures.length ? 1 : 0;
  } finally {
    await es.indices.delete({ index }, { ignore: [404] });
    await es.close();
    await node.release();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
