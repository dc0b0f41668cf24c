/**
 * Image-similarity evaluation (`npm run eval:images [-- --es <url>]`).
 *
 * Indexes every group original of test/fixtures/images/NEAR_DUPLICATE_GROUPS.csv among all
 * distractors (the CSV's negatives, other unrelated fixture photos and region crops of them) into
 * a temporary index on a real Elasticsearch, then queries with edited copies of each original
 * (made here with sharp) and with the fixtures' own edited copies, through knn + exact re-ranking,
 * exactly as the product does. Prints recall@1/@5 per transform and the false-match rate per level,
 * and exits non-zero when a target is missed. The temporary index is deleted at the end.
 */
import { Command } from 'commander';
import { Client } from '@elastic/elasticsearch';
import { createHash } from 'node:crypto';
import { computeDescriptors, queryDescriptors, type ImageDescriptors } from '../../ingest/images/descriptors.js';
import { hashesByImage, imageHashEntries, imageSearchBody, IMAGE_HASH_FIELD, IMAGE_HASH_MAPPING } from '../../ingest/images/es.js';
import type { ImageHashEntry, StoredImageHashEntry } from '../../ingest/images/es.js';
import { bestMatch, rerank, MATCH_THRESHOLDS } from '../../ingest/images/match.js';
import { mapLimit } from '../../ingest/images/concurrency.js';
import { loadCorpus } from './images/corpus.js';
import { makeVariants } from './images/variants.js';
import { extrapolate, summarise, unrelatedStats, type Family, type QueryOutcome } from './images/report.js';

const opts = new Command()
  .option('--es <url>', 'Elasticsearch URL', 'http://127.0.0.1:9299')
  .option('--k <n>', 'records per knn clause', '10')
  .option('--candidates <n>', 'HNSW candidates per knn clause', '50')
  .parse()
  .opts<{ es: string; k: string; candidates: string }>();

interface Doc {
  id: string;
  group: string | null;
  [IMAGE_HASH_FIELD]: ImageHashEntry[];
}

interface Hit {
  id: string;
  group: string | null;
  [IMAGE_HASH_FIELD]: StoredImageHashEntry[];
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
  const es = new Client({ node: opts.es });
  const index = `eval-images-${Date.now()}`;
  const t0 = performance.now();
  const corpus = await loadCorpus();
  const indexed = [
    ...corpus.originals.map((o) => ({ id: o.id, group: o.group as string | null, bytes: o.bytes })),
    ...corpus.distractors.map((d) => ({ id: d.id, group: null, bytes: d.bytes })),
  ];
  const descs: ImageDescriptors[] = await mapLimit(indexed, 2, (x) => computeDescriptors(x.bytes));
  const docs: Doc[] = indexed.map((x, i) => ({ id: x.id, group: x.group, [IMAGE_HASH_FIELD]: imageHashEntries(sha(x.bytes), descs[i] as ImageDescriptors) }));
  const skipped = docs.filter((d) => d[IMAGE_HASH_FIELD].length === 0).map((d) => d.id);
  console.log(`indexing ${corpus.originals.length} originals + ${corpus.distractors.length} distractors (${skipped.length} plain images not indexed) into ${index}`);

  await es.indices.create({
    index,
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    mappings: { dynamic: 'strict', properties: { id: { type: 'keyword' }, group: { type: 'keyword' }, ...IMAGE_HASH_MAPPING } },
  });
  try {
    const operations = docs.flatMap((d) => [{ index: { _index: index, _id: d.id } }, d]);
    const bulk = await es.bulk({ operations, refresh: 'wait_for' });
    if (bulk.errors) throw new Error(`bulk errors: ${JSON.stringify(bulk.items.find((i) => i.index?.error))}`);

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
      const body = imageSearchBody(qd, { k: Number(opts.k), numCandidates: Number(opts.candidates), source: ['id', 'group'] });
      const res = await es.search<Hit>({ index, ...(body as object) });
      const hits = res.hits.hits.map((h) => h._source).filter((s): s is Hit => s !== undefined);
      const ranked = rerank(qd, hits, (d) => [...hashesByImage(d[IMAGE_HASH_FIELD]).values()].flat(), { keepNonMatches: true });
      const ms = performance.now() - start;
      const pos = ranked.findIndex((r) => r.item.group === q.group);
      const target = ranked[pos];
      const other = ranked.find((r) => r.item.group !== q.group);
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
      for (const d of docs) if (d.group !== q.group && d[IMAGE_HASH_FIELD].length) unrelated.push(bestMatch(qd, d[IMAGE_HASH_FIELD].map((e) => e.hash)).distance);
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
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
