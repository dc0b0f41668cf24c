/**
 * A bounded memo for pure work repeated on the same inputs: bulk cells, ingest parser answers and
 * index text, search labels. Inventories repeat the same values thousands of times (`bronze`,
 * `figurines`, `Misr`), so most are computed once. When full, the oldest half is dropped
 * (insertion order).
 */
export class Memo<V> {
  private map = new Map<string, V>();
  constructor(private readonly max = 4_000) {}

  get(key: string, compute: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const v = compute();
    if (this.map.size >= this.max) {
      let drop = this.max >> 1;
      for (const k of this.map.keys()) {
        if (drop-- <= 0) break;
        this.map.delete(k);
      }
    }
    this.map.set(key, v);
    return v;
  }

  get size(): number {
    return this.map.size;
  }
}
