import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { NormalisedList } from '../normalise/list-types.js';
import type { Parsers } from '../normalise/parser-types.js';
import type { Normalised } from '../normalise/record-base.js';
import { normaliseRedList } from '../normalise/redlist.js';
import { mapRow, type RowContext } from './mapped.js';
import { loadProfile, type CompiledProfile } from './profile.js';
import { listFiles, readRedLists } from './redlist.js';
import { readTabular } from './tabular.js';

/**
 * One source of an ingest run, whatever its kind: units to read (a list file, a row), each
 * normalised into records (and lists), plus what the run owns for incremental deletes.
 */

export type NormaliseResult =
  | { ok: true; records: Normalised[]; lists: NormalisedList[] }
  | { ok: false; error: string; id?: string };

export type Unit = { ok: true; at: string; normalise: () => NormaliseResult } | { ok: false; at: string; error: string };

export interface IngestSource {
  /** `source.name` of the records. */
  name: string;
  kind: 'redlist' | 'tabular';
  /** When the run covers one file of the source only: its `source.file`. */
  file?: string;
  units(): AsyncIterable<Unit>;
  progress: { total: number; unit: 'files' | 'bytes'; done: () => number };
}

export interface SourceOptions {
  path: string;
  profile?: string | undefined;
  sourceName?: string | undefined;
  parsers: Parsers;
}

export const DEFAULT_REDLIST_SOURCE = 'redlists';

export async function openSource(opts: SourceOptions): Promise<IngestSource> {
  const path = resolve(opts.path);
  const s = await stat(path).catch((err: Error) => {
    throw new Error(`cannot read ${opts.path}: ${err.message}`);
  });
  if (opts.profile) {
    if (!s.isFile()) throw new Error(`${opts.path} is not a file: a mapped source is one CSV, NDJSON or JSON file`);
    return tabularSource(path, await loadProfile(opts.profile), opts);
  }
  if (s.isFile() && !/\.json$/i.test(path)) {
    throw new Error(`${opts.path} is not a Red List transcription (.json): give --profile <file> to import a CSV, NDJSON or JSON inventory`);
  }
  return redListSource(path, opts);
}

async function redListSource(path: string, opts: SourceOptions): Promise<IngestSource> {
  const { files, single } = await listFiles(path);
  if (!files.length) throw new Error(`no Red List files (*.json) in ${opts.path}`);
  const name = opts.sourceName ?? DEFAULT_REDLIST_SOURCE;
  let done = 0;
  return {
    name,
    kind: 'redlist',
    ...(single && files[0] ? { file: files[0].file } : {}),
    progress: { total: files.length, unit: 'files', done: () => done },
    async *units() {
      for await (const u of readRedLists(files)) {
        done++;
        if (!u.ok) {
          yield u;
          continue;
        }
        yield {
          ok: true,
          at: u.at,
          normalise: (): NormaliseResult => {
            const r = normaliseRedList(u.json, { sourceName: name, file: u.file.file, imagesDir: u.file.imagesDir, parsers: opts.parsers });
            return r.ok ? { ok: true, records: r.records, lists: [r.list] } : r;
          },
        };
      }
    },
  };
}

async function tabularSource(path: string, profile: CompiledProfile, opts: SourceOptions): Promise<IngestSource> {
  const size = (await stat(path)).size;
  const prof = opts.sourceName ? { ...profile, source: opts.sourceName } : profile;
  const ctx = { file: basename(path), dir: dirname(path), parsers: opts.parsers };
  let done = 0;
  return {
    name: prof.source,
    kind: 'tabular',
    progress: { total: size, unit: 'bytes', done: () => done },
    async *units() {
      const rows = readTabular(path, { format: prof.format, delimiter: prof.delimiter, onBytes: (n) => (done += n) });
      for await (const r of rows) {
        if (!r.ok) {
          yield r;
          continue;
        }
        yield { ok: true, at: r.at, normalise: rowNormaliser(r.row, prof, ctx) };
      }
    },
  };
}

/** One row's normaliser (made by a function: an inline named closure per row costs more under tsx). */
function rowNormaliser(row: Record<string, unknown>, profile: CompiledProfile, ctx: RowContext): () => NormaliseResult {
  return () => {
    const m = mapRow(row, profile, ctx);
    return m.ok ? { ok: true, records: [m.value], lists: [] } : { ok: false, error: m.error };
  };
}
