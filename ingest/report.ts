import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Warning } from '../src/schemas/record.js';

/** The report of one ingest run: counts, per-stage outcomes and per-record reasons. */

export interface StageCount {
  ok: number;
  skipped: number;
  failed: number;
}

export interface RecordReason {
  id?: string;
  /** Where in the source (file, line, element). */
  at?: string;
  outcome: 'rejected' | 'indexed' | 'unchanged';
  reasons: string[];
}

export interface IngestReport {
  run: string;
  source: string;
  kind: 'redlist' | 'tabular';
  path: string;
  mode: 'full' | 'incremental';
  index: string;
  startedAt: string;
  read: number;
  indexed: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  deleted: number;
  carried: number;
  lists: { read: number; indexed: number; unchanged: number; deleted: number };
  images: { processed: number; reused: number; failed: number; missing: number };
  stages: { read: StageCount; normalise: StageCount; validate: StageCount; images: StageCount; bulk: StageCount };
  warningCodes: Record<string, number>;
  datasetVersion?: string;
  deadLetters?: string;
  durationMs: number;
  /** Rejected records, and records indexed with warnings (each with its reasons). */
  records: RecordReason[];
}

const stage = (): StageCount => ({ ok: 0, skipped: 0, failed: 0 });

export function newReport(init: Pick<IngestReport, 'run' | 'source' | 'kind' | 'path' | 'mode' | 'index' | 'startedAt'>): IngestReport {
  return {
    ...init,
    read: 0,
    indexed: 0,
    unchanged: 0,
    rejected: 0,
    warnings: 0,
    deleted: 0,
    carried: 0,
    lists: { read: 0, indexed: 0, unchanged: 0, deleted: 0 },
    images: { processed: 0, reused: 0, failed: 0, missing: 0 },
    stages: { read: stage(), normalise: stage(), validate: stage(), images: stage(), bulk: stage() },
    warningCodes: {},
    durationMs: 0,
    records: [],
  };
}

export function describeWarning(w: Warning): string {
  return `${w.code} (${w.field}): ${w.message}${w.source !== undefined ? ` — "${w.source}"` : ''}`;
}

export function countWarnings(report: IngestReport, warnings: Warning[]): void {
  report.warnings += warnings.length;
  for (const w of warnings) report.warningCodes[w.code] = (report.warningCodes[w.code] ?? 0) + 1;
}

export async function writeReport(file: string, report: IngestReport): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
}

/** A few lines for a person: what was read, written, refused, and where the details are. */
export function humanSummary(r: IngestReport, reportFile?: string): string {
  const lines = [
    `Ingest ${r.mode} of ${r.source} (${r.kind}) from ${r.path} into ${r.index}`,
    `  records: ${r.read} read, ${r.indexed} indexed, ${r.unchanged} unchanged, ${r.rejected} rejected, ${r.deleted} deleted` +
      (r.carried ? `, ${r.carried} of other sources carried over` : ''),
  ];
  if (r.kind === 'redlist') lines.push(`  lists: ${r.lists.read} read, ${r.lists.indexed} indexed, ${r.lists.unchanged} unchanged, ${r.lists.deleted} deleted`);
  lines.push(`  images: ${r.images.processed} processed, ${r.images.reused} already stored, ${r.images.failed} failed, ${r.images.missing} missing`);
  const codes = Object.entries(r.warningCodes).sort((a, b) => b[1] - a[1]);
  if (codes.length) lines.push(`  warnings: ${r.warnings} (${codes.slice(0, 8).map(([c, n]) => `${c} ${n}`).join(', ')}${codes.length > 8 ? ', …' : ''})`);
  for (const rec of r.records.filter((x) => x.outcome === 'rejected').slice(0, 10)) {
    lines.push(`  rejected ${rec.id ?? rec.at ?? '?'}: ${rec.reasons.join('; ')}`);
  }
  if (r.rejected > 10) lines.push(`  … ${r.rejected - 10} more rejected`);
  if (r.datasetVersion) lines.push(`  dataset version ${r.datasetVersion.slice(0, 16)}`);
  if (r.deadLetters) lines.push(`  dead letters: ${r.deadLetters}`);
  if (reportFile) lines.push(`  report: ${reportFile}`);
  lines.push(`  took ${(r.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
