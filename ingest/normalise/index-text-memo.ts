/**
 * Memories behind `createIndexText` (one set per run, bounded).
 *
 * Most parts of a record's search text are vocabulary labels and country names, given as the
 * shared strings of the vocabularies. Joined afresh for every record, each part would be a new
 * string that every lookup must hash and compare in full; `JoinedParts` hands back the same string
 * object for the same values, and `CallMemo` keys whole answers by their parts one level at a time,
 * so lookups mostly meet strings whose hash is already known and which compare by identity.
 */

interface Joined {
  values: readonly string[];
  joined: string;
}

/** Values joined by single spaces, the same string object for the same values. */
export class JoinedParts {
  private byFirst = new Map<string, Joined[]>();
  constructor(private readonly max: number) {}

  join(values: readonly string[]): string {
    const first = values[0];
    if (first === undefined) return '';
    if (values.length === 1) return first;
    let list = this.byFirst.get(first);
    if (list) for (const j of list) if (same(j.values, values)) return j.joined;
    const joined = values.join(' ');
    if (!list) {
      if (this.byFirst.size >= this.max) this.byFirst.clear();
      list = [];
      this.byFirst.set(first, list);
    }
    // A few labels may share a first value (`Bronze` in two vocabularies): keep the latest few.
    if (list.length >= 4) list.shift();
    list.push({ values: [...values], joined });
    return joined;
  }
}

function same(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface CallNode {
  next: Map<string, CallNode> | undefined;
  /** Whether `value` is the answer for the parts leading here. */
  done: boolean;
  value: string | undefined;
}

const emptyNode = (): CallNode => ({ next: undefined, done: false, value: undefined });

/**
 * Answers remembered by their sequence of non-empty parts, as a tree with one level per part.
 * Bounded by its number of nodes: when full it starts again empty.
 */
export class CallMemo {
  private root = emptyNode();
  private nodes = 0;
  constructor(private readonly max: number) {}

  get(parts: readonly string[], compute: () => string | undefined): string | undefined {
    let node = this.root;
    for (const part of parts) {
      let child = node.next?.get(part);
      if (!child) {
        if (this.nodes >= this.max) {
          this.root = emptyNode();
          this.nodes = 0;
          return compute();
        }
        child = emptyNode();
        (node.next ??= new Map()).set(part, child);
        this.nodes++;
      }
      node = child;
    }
    if (!node.done) {
      node.value = compute();
      node.done = true;
    }
    return node.value;
  }
}
