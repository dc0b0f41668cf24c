/** Scoring and printing for the image evaluation: recall per transform, false matches per level, targets. */
import { MATCH_THRESHOLDS, type MatchLevel } from '../../../ingest/images/match.js';

export type Family = 'photometric' | 'geometric' | 'crop' | 'hard' | 'other';

/** recall@5 targets per family; 'hard' and 'other' are reported, not gated. */
export const RECALL5_TARGET: Partial<Record<Family, number>> = { photometric: 0.98, geometric: 0.95, crop: 0.8 };
/** Largest share of queries allowed a non-target at or above each level. */
export const FALSE_MATCH_TARGET: Record<MatchLevel, number> = { identical: 0, near_duplicate: 0, similar: 0.01 };

export interface QueryOutcome {
  transform: string;
  family: Family;
  /** 1-based rank of the target after re-ranking, or null if not retrieved. */
  rank: number | null;
  targetDistance: number | null;
  targetLevel: MatchLevel | null;
  /** Closest non-target among the retrieved candidates. */
  nonTargetDistance: number | null;
  nonTargetLevel: MatchLevel | null;
  ms: number;
}

const LEVELS: MatchLevel[] = ['identical', 'near_duplicate', 'similar'];
const atLeast = (l: MatchLevel | null, min: MatchLevel): boolean => l !== null && LEVELS.indexOf(l) <= LEVELS.indexOf(min);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);

export interface Verdict {
  lines: string[];
  failures: string[];
}

export function summarise(outcomes: QueryOutcome[]): Verdict {
  const lines: string[] = [];
  const failures: string[] = [];
  const transforms = [...new Set(outcomes.map((o) => o.transform))];
  lines.push(`${'transform'.padEnd(44)} ${'family'.padEnd(11)}   n     R@1     R@5  dist(max/med)  level of target`);
  for (const t of transforms) {
    const os = outcomes.filter((o) => o.transform === t);
    const fam = os[0]?.family ?? 'other';
    const r1 = os.filter((o) => o.rank === 1).length / os.length;
    const r5 = os.filter((o) => o.rank !== null && o.rank <= 5).length / os.length;
    const ds = os.map((o) => o.targetDistance ?? 999).sort((a, b) => a - b);
    const levels = LEVELS.map((l) => `${l.slice(0, 4)}:${os.filter((o) => o.targetLevel === l).length}`).join(' ');
    const target = RECALL5_TARGET[fam];
    const miss = target !== undefined && r5 < target;
    if (miss) failures.push(`${t}: recall@5 ${r5.toFixed(3)} < ${target}`);
    lines.push(
      `${t.slice(0, 44).padEnd(44)} ${fam.padEnd(11)} ${String(os.length).padStart(3)} ${pct(r1)} ${pct(r5)}  ${String(ds[ds.length - 1]).padStart(4)}/${String(ds[ds.length >> 1]).padStart(4)}    ${levels}${miss ? '  <-- MISSED' : ''}`,
    );
  }
  for (const fam of Object.keys(RECALL5_TARGET) as Family[]) {
    const os = outcomes.filter((o) => o.family === fam);
    if (!os.length) continue;
    const r5 = os.filter((o) => o.rank !== null && o.rank <= 5).length / os.length;
    lines.push(`family ${fam}: recall@5 ${r5.toFixed(3)} over ${os.length} queries (target >= ${RECALL5_TARGET[fam]} per transform)`);
  }
  lines.push('');
  lines.push(`false matches (a non-target at or above the level; thresholds ${JSON.stringify(MATCH_THRESHOLDS)} bits of 256):`);
  for (const l of LEVELS) {
    const n = outcomes.filter((o) => atLeast(o.nonTargetLevel, l)).length;
    const rate = n / outcomes.length;
    const bad = rate > FALSE_MATCH_TARGET[l];
    if (bad) failures.push(`false-match rate at ${l}: ${pct(rate).trim()} > ${pct(FALSE_MATCH_TARGET[l]).trim()}`);
    lines.push(`  ${l.padEnd(15)} ${String(n).padStart(4)} / ${outcomes.length} queries = ${pct(rate)} (target <= ${pct(FALSE_MATCH_TARGET[l]).trim()})${bad ? '  <-- MISSED' : ''}`);
  }
  const nd = outcomes.map((o) => o.nonTargetDistance ?? 999).sort((a, b) => a - b);
  lines.push(`  closest non-target distances: ${nd.slice(0, 8).join(', ')}`);
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  lines.push(`query time (descriptors + knn + re-rank): p50 ${ms[ms.length >> 1]?.toFixed(1)} ms, p90 ${ms[Math.floor(ms.length * 0.9)]?.toFixed(1)} ms`);
  return { lines, failures };
}

export interface UnrelatedStats {
  n: number;
  min: number;
  /** Distance below which 0.1 % and 1 % of unrelated pairs fall. */
  p01: number;
  p1: number;
  median: number;
}

export function unrelatedStats(d: number[]): UnrelatedStats {
  const s = [...d].sort((a, b) => a - b);
  const q = (f: number): number => s[Math.min(s.length - 1, Math.floor(s.length * f))] ?? Number.NaN;
  return { n: s.length, min: s[0] ?? Number.NaN, p01: q(0.001), p1: q(0.01), median: q(0.5) };
}

/**
 * Expected number of unrelated records within `threshold` bits of a query among `size` records,
 * extrapolating the lower tail of the observed unrelated distances as exponential (a straight line
 * through the 1 % and 0.1 % quantiles on a log scale). Rough: the fixtures hold a few hundred
 * images, and real collections (objects on plain backdrops) may be more alike than these photos.
 */
export function extrapolate(stats: UnrelatedStats, threshold: number, size: number): number {
  const span = Math.max(1, stats.p1 - stats.p01);
  const log10F = -2 - (stats.p1 - threshold) / span;
  return size * Math.min(1, 10 ** log10F);
}
