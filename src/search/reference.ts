import { isNotFound, type Es } from '../es/client.js';
import type { LangMap } from '../schemas/record.js';
import type { LabelSource, ListInfo } from './labels.js';

/**
 * The Red Lists as the lists index holds them (`list`: the normalised list, see
 * `ingest/normalise/list-types.ts`), loaded once per dataset version: list titles and emergency
 * status for facets and hits, category labels for the category tree, and the documents served by
 * `/v1/lists`. A missing lists index yields no lists (labels then come from the records).
 */

export interface ListCategoryDoc {
  key: string;
  label: LangMap;
  dates?: string;
  text?: LangMap;
  children?: ListCategoryDoc[];
}

export interface ListDoc {
  id: string;
  title: LangMap;
  emergency: boolean;
  year?: number;
  sections?: { heading?: LangMap; emergency?: boolean; categories?: ListCategoryDoc[] }[];
  [more: string]: unknown;
}

export class ReferenceData implements LabelSource {
  readonly lists = new Map<string, ListDoc>();
  private readonly categories = new Map<string, LangMap>();

  constructor(docs: ListDoc[]) {
    for (const d of [...docs].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.id.localeCompare(b.id))) {
      this.lists.set(d.id, d);
      for (const s of d.sections ?? []) this.addCategories(s.categories ?? []);
    }
  }

  private addCategories(cats: ListCategoryDoc[]): void {
    for (const c of cats) {
      if (typeof c.key === 'string' && c.label) this.categories.set(c.key, c.label);
      this.addCategories(c.children ?? []);
    }
  }

  categoryLabel(key: string): LangMap | undefined {
    return this.categories.get(key);
  }

  categoryKeys(): Iterable<string> {
    return this.categories.keys();
  }

  /** Learn labels the lists index did not have (e.g. from records in a response). */
  learnCategory(key: string, label: LangMap): void {
    if (!this.categories.has(key)) this.categories.set(key, label);
  }

  list(id: string): ListInfo | undefined {
    const d = this.lists.get(id);
    return d ? { id: d.id, title: d.title, emergency: d.emergency } : undefined;
  }
}

export class ReferenceCache {
  private current: { version: string; at: number; data: ReferenceData } | undefined;
  private pending: Promise<ReferenceData> | undefined;

  constructor(
    private readonly es: Es,
    private readonly alias: string,
    private readonly ttlMs = 60_000,
  ) {}

  async get(version: string): Promise<ReferenceData> {
    const c = this.current;
    if (c && c.version === version && Date.now() - c.at < this.ttlMs) return c.data;
    this.pending ??= this.load(version).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(version: string): Promise<ReferenceData> {
    let docs: ListDoc[] = [];
    try {
      const res = await this.es.search<{ list?: ListDoc }>({ index: this.alias, size: 1000, query: { match_all: {} }, _source: ['list'] });
      docs = res.hits.hits.flatMap((h) => (h._source?.list && typeof h._source.list.id === 'string' ? [h._source.list] : []));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const data = new ReferenceData(docs);
    this.current = { version, at: Date.now(), data };
    return data;
  }
}
