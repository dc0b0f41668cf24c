import { notFound } from '../errors.js';
import type { CanonicalRecord, LangMap } from '../schemas/record.js';
import { pick } from './labels.js';
import type { ListCategoryDoc, ListDoc } from './reference.js';
import type { SearchService } from './service.js';

/**
 * The reference endpoints' answers: one record, the Red Lists and their category trees with
 * record counts, every label in the asked language (English fallback).
 */

export interface CategoryNode {
  key: string;
  label: string;
  count: number;
  dates?: string;
  text?: string;
  children: CategoryNode[];
}

interface Counts {
  lists: Map<string, number>;
  categories: Map<string, number>;
}

async function counts(service: SearchService, listId?: string): Promise<Counts> {
  const res = await service.searchObjects({
    size: 0,
    ...(listId ? { query: { term: { list_id: listId } } } : {}),
    aggs: { lists: { terms: { field: 'list_id', size: 1000 } }, categories: { terms: { field: 'category_keys', size: 10000 } } },
  });
  const read = (name: string) => {
    const agg = res.aggregations?.[name] as { buckets?: { key: string; doc_count: number }[] } | undefined;
    return new Map((agg?.buckets ?? []).map((b) => [String(b.key), b.doc_count]));
  };
  return { lists: read('lists'), categories: read('categories') };
}

function tree(cats: ListCategoryDoc[] | undefined, c: Counts, lang: string): CategoryNode[] {
  return (cats ?? []).map((cat) => {
    const text = pick(cat.text, lang);
    return {
      key: cat.key,
      label: pick(cat.label, lang) ?? cat.key,
      count: c.categories.get(cat.key) ?? 0,
      ...(cat.dates ? { dates: cat.dates } : {}),
      ...(text ? { text } : {}),
      children: tree(cat.children, c, lang),
    };
  });
}

const allCategories = (d: ListDoc) => (d.sections ?? []).flatMap((s) => s.categories ?? []);

function summary(d: ListDoc, c: Counts, service: SearchService, lang: string) {
  const cov = (d.coverage ?? {}) as { countries?: string[]; regions?: string[] };
  return {
    id: d.id,
    ...(typeof d.number === 'number' ? { number: d.number } : {}),
    title: pick(d.title, lang) ?? d.id,
    titles: d.title,
    ...(d.year !== undefined ? { year: d.year } : {}),
    emergency: d.emergency,
    countries: (cov.countries ?? []).map((k) => ({ key: k, label: service.domain.countryLabel(k, lang) })),
    regions: cov.regions ?? [],
    zone: ((d.zone as string[] | undefined) ?? []).map((k) => ({ key: k, label: service.domain.countryLabel(k, lang) })),
    languages: (d.languages as string[] | undefined) ?? [],
    record_count: c.lists.get(d.id) ?? 0,
  };
}

export async function getObject(service: SearchService, id: string): Promise<{ record: CanonicalRecord; dataset_version: string }> {
  const [ctx, res] = await Promise.all([
    service.context(),
    service.searchObjects<{ record: CanonicalRecord }>({ size: 1, query: { term: { id } }, _source: ['record'] }),
  ]);
  const record = res.hits.hits[0]?._source?.record;
  if (!record) throw notFound(`Object ${id}`);
  return { record, dataset_version: ctx.version };
}

export async function listSummaries(service: SearchService, lang: string) {
  const [ctx, c] = await Promise.all([service.context(), counts(service)]);
  const lists = [...ctx.ref.lists.values()].map((d) => summary(d, c, service, lang));
  return { lists, dataset_version: ctx.version };
}

export async function listDetail(service: SearchService, id: string, lang: string) {
  const ctx = await service.context();
  const d = ctx.ref.lists.get(id);
  if (!d) throw notFound(`Red List ${id}`);
  const c = await counts(service, id);
  const cov = (d.coverage ?? {}) as { verbatim?: string[] };
  const legislation = ((d.legislation as Record<string, unknown>[] | undefined) ?? []).map((l) => ({
    ...l,
    ...(typeof l.countryCode === 'string' ? { countryLabel: service.domain.countryLabel(l.countryCode, lang) } : {}),
  }));
  return {
    list: {
      ...summary(d, c, service, lang),
      ...(typeof d.published === 'string' ? { published: d.published } : {}),
      ...(typeof d.supersedes === 'string' ? { supersedes: d.supersedes } : {}),
      coverage_as_printed: cov.verbatim ?? [],
      legislation,
      contacts: (d.contacts as unknown[] | undefined) ?? [],
      suspicious_characteristics: ((d.suspiciousCharacteristics as LangMap[] | undefined) ?? []).map((m) => pick(m, lang) ?? ''),
      sections: (d.sections ?? []).map((s) => ({
        ...(s.heading ? { heading: pick(s.heading, lang) ?? '' } : {}),
        emergency: s.emergency ?? d.emergency,
        categories: tree(s.categories, c, lang),
      })),
    },
    dataset_version: ctx.version,
  };
}

export async function categoryTrees(service: SearchService, lang: string, listId?: string) {
  const ctx = await service.context();
  const docs = listId ? [ctx.ref.lists.get(listId)].filter((d): d is ListDoc => d !== undefined) : [...ctx.ref.lists.values()];
  if (listId && docs.length === 0) throw notFound(`Red List ${listId}`);
  const c = await counts(service, listId);
  return {
    lists: docs.map((d) => ({
      id: d.id,
      title: pick(d.title, lang) ?? d.id,
      emergency: d.emergency,
      categories: tree(allCategories(d), c, lang),
    })),
    dataset_version: ctx.version,
  };
}
