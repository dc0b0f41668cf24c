/** Test helpers: byte sources split at arbitrary points, and collecting async iterables. */
export async function* chunks(bytes: Buffer, ...cuts: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    if (c > at) yield bytes.subarray(at, c);
    at = c;
  }
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Every way of splitting `bytes` in two (byte-level chunk boundaries must never matter). */
export function splits(bytes: Buffer): number[] {
  return Array.from({ length: bytes.length + 1 }, (_, i) => i);
}
