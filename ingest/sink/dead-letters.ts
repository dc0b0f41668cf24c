import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Documents Elasticsearch rejected, one JSON line each with the error, in
 * `<DATA_DIR>/dead-letters/<run>.ndjson`. The file is only created when something is written.
 */
export class DeadLetters {
  private stream: WriteStream | undefined;
  count = 0;

  constructor(readonly file: string) {}

  write(entry: { id: string; index: string; status: number; error: unknown; document: unknown }): void {
    if (!this.stream) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.stream = createWriteStream(this.file, { flags: 'a' });
    }
    this.count++;
    this.stream.write(JSON.stringify({ at: new Date().toISOString(), ...entry }) + '\n');
  }

  async close(): Promise<void> {
    const s = this.stream;
    if (!s) return;
    this.stream = undefined;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
