import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The Red List transcription source: a folder of lists (`<folder>/lists/*.json`, or a folder of
 * `*.json` directly) or one list file. Lists are small: each file is read whole, one at a time.
 * Illustration images are looked up in `<lists folder>/../images/`.
 */

export interface RedListFile {
  /** Absolute path. */
  path: string;
  /** File name, stored as `source.file`. */
  file: string;
  imagesDir: string;
}

export type RedListUnit = { ok: true; at: string; file: RedListFile; json: unknown } | { ok: false; at: string; error: string };

/** The list files under a path, sorted by name. Throws when the path cannot be read. */
export async function listFiles(path: string): Promise<{ files: RedListFile[]; single: boolean }> {
  const abs = resolve(path);
  const s = await stat(abs);
  if (s.isFile()) return { files: [fileOf(abs)], single: true };
  const entries = await readdir(abs, { withFileTypes: true });
  const hasLists = entries.some((e) => e.isDirectory() && e.name === 'lists');
  const dir = hasLists ? join(abs, 'lists') : abs;
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  return { files: names.map((n) => fileOf(join(dir, n))), single: false };
}

function fileOf(path: string): RedListFile {
  return { path, file: basename(path), imagesDir: resolve(dirname(path), '..', 'images') };
}

export async function* readRedLists(files: RedListFile[]): AsyncGenerator<RedListUnit> {
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file.path, 'utf8');
    } catch (err) {
      yield { ok: false, at: file.file, error: `cannot read: ${(err as Error).message}` };
      continue;
    }
    try {
      yield { ok: true, at: file.file, file, json: JSON.parse(text) };
    } catch (err) {
      yield { ok: false, at: file.file, error: `invalid JSON: ${(err as Error).message}` };
    }
  }
}
