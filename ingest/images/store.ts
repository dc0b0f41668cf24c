/**
 * Content-addressed image store on disk: `<root>/<sha[0:2]>/<sha>/original.<ext>`, `thumb.webp`,
 * `display.webp` and `meta.json` (size, format, descriptors). The same bytes are stored once,
 * whichever record or upload brings them. Every file is written to a temporary name in the same
 * folder and renamed into place, so readers never see half a file; `meta.json` is written last and
 * marks the entry complete.
 */
import { randomBytes, createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile, access } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessedImage } from './probe.js';

export type ImageSize = 'original' | 'thumb' | 'display';

export type StoredMeta = Omit<ProcessedImage, 'thumbnail' | 'display'>;

const SHA = /^[a-f0-9]{64}$/;
const EXT: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', tiff: 'tif', avif: 'avif', heif: 'heic' };

function checkSha(sha: string): void {
  if (!SHA.test(sha)) throw new RangeError(`not a sha256: ${sha}`);
}

async function atomicWrite(path: string, data: Buffer | string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export class ImageStore {
  constructor(readonly root: string) {}

  dir(sha: string): string {
    checkSha(sha);
    return join(this.root, sha.slice(0, 2), sha);
  }

  /** Path of one size; for the original, the stored file's path (extension from its format) or undefined if absent. */
  path(sha: string, size: ImageSize): string | undefined {
    const dir = this.dir(sha);
    if (size === 'thumb') return join(dir, 'thumb.webp');
    if (size === 'display') return join(dir, 'display.webp');
    try {
      const name = readdirSync(dir).find((f) => f.startsWith('original.') && !f.endsWith('.tmp'));
      return name ? join(dir, name) : undefined;
    } catch {
      return undefined;
    }
  }

  /** True once every file of the entry is in place. */
  async has(sha: string): Promise<boolean> {
    try {
      await access(join(this.dir(sha), 'meta.json'));
      return true;
    } catch {
      return false;
    }
  }

  /** Store an image; a second put of the same bytes is a no-op (`created: false`). */
  async put(processed: ProcessedImage, originalBytes: Buffer): Promise<{ sha256: string; created: boolean }> {
    const sha = processed.sha256;
    if (createHash('sha256').update(originalBytes).digest('hex') !== sha) {
      throw new Error(`original bytes do not match sha256 ${sha}`);
    }
    if (await this.has(sha)) return { sha256: sha, created: false };
    const dir = this.dir(sha);
    await mkdir(dir, { recursive: true });
    await atomicWrite(join(dir, `original.${EXT[processed.format] ?? 'bin'}`), originalBytes);
    await atomicWrite(join(dir, 'thumb.webp'), processed.thumbnail);
    await atomicWrite(join(dir, 'display.webp'), processed.display);
    const { thumbnail: _t, display: _d, ...meta } = processed;
    await atomicWrite(join(dir, 'meta.json'), `${JSON.stringify(meta)}\n`);
    return { sha256: sha, created: true };
  }

  /** Bytes of one size, or undefined if not stored. */
  async read(sha: string, size: ImageSize): Promise<Buffer | undefined> {
    const p = this.path(sha, size);
    if (!p) return undefined;
    try {
      return await readFile(p);
    } catch {
      return undefined;
    }
  }

  /** Size, format and descriptors stored with the image (reuse instead of re-processing). */
  async meta(sha: string): Promise<StoredMeta | undefined> {
    try {
      return JSON.parse(await readFile(join(this.dir(sha), 'meta.json'), 'utf8')) as StoredMeta;
    } catch {
      return undefined;
    }
  }
}
