import type { FacetName } from '../schemas/search.js';
import type { SearchDomain } from './domain.js';
import { bucketOrder, humanise, pick, type LabelSource } from './labels.js';
import { selectedOf } from './query.js';
import type { SearchRequest } from './params.js';

/**
 * Reads the facet aggregations into `{ key, label, count }` values with labels in the asked
 * language: flat facets by count, `period` in chronological order, `category` as a tree.
 */

export interface FacetValue {
  key: string;
  label: string;
  count: number;
  /** The value is part of the request's selection. */
  selected?: true;
  /** An emergency zone, or an Emergency Red List. */
  emergency?: true;
  /** Category tree: the Red List the category belongs to, and the narrower categories. */
  list?: string;
  children?: FacetValue[];
}

export type Facets = Partial<Record<FacetName, FacetValue[]>>;

interface Bucket {
  key: string | number;
  doc_count: number;
}
interface FacetAgg {
  v?: { buckets?: Bucket[] };
  sel?: { buckets?: Bucket[] };
}

export interface LabelContext {
  lang: string;
  domain: SearchDomain;
  labels: LabelSource;
}

function labelOf(name: FacetName, key: string, ctx: LabelContext): Pick<FacetValue, 'label' | 'emergency'> {
  const { lang, domain, labels } = ctx;
  switch (name) {
    case 'country':
      return { label: domain.countryLabel(key, lang) };
    case 'emergency_zone':
      return { label: domain.countryLabel(key, lang), emergency: true };
    case 'region':
      return { label: domain.regionLabel(key, lang) };
    case 'material':
      return { label: domain.vocabLabel(key, lang) ?? humanise(key) };
    case 'period':
      return { label: domain.periodLabel(key, lang) ?? key };
    case 'list': {
      const info = labels.list(key);
      return { label: pick(info?.title, lang) ?? key, ...(info?.emergency ? { emergency: true as const } : {}) };
    }
    case 'category':
      return { label: pick(labels.categoryLabel(key), lang) ?? humanise(key) };
  }
}

/** Nodes for category keys, each under its nearest counted ancestor (`a/b/c` under `a/b`). */
export function categoryTree(buckets: { key: string; count: number }[], ctx: LabelContext, selected: string[]): FacetValue[] {
  const nodes = new Map<string, FacetValue>();
  const depth = (k: string) => {
    let n = 0;
    for (let i = k.indexOf('/'); i >= 0; i = k.indexOf('/', i + 1)) n++;
    return n;
  };
  const sorted = buckets.map((b) => ({ ...b, d: depth(b.key) })).sort((a, b) => a.d - b.d);
  const roots: FacetValue[] = [];
  for (const { key, count } of sorted) {
    const slash = key.indexOf('/');
    const node: FacetValue = { key, label: labelOf('category', key, ctx).label, count, list: slash > 0 ? key.slice(0, slash) : key };
    if (selected.includes(key)) node.selected = true;
    nodes.set(key, node);
    let parent: FacetValue | undefined;
    for (let cut = key.lastIndexOf('/'); cut > 0 && !parent; cut = key.lastIndexOf('/', cut - 1)) {
      parent = nodes.get(key.slice(0, cut));
    }
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const order = (list: FacetValue[]) => {
    list.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    for (const n of list) if (n.children) order(n.children);
  };
  order(roots);
  return roots;
}

export function readFacets(aggs: Record<string, unknown> | undefined, req: SearchRequest, ctx: LabelContext): Facets {
  const out: Facets = {};
  for (const name of req.facets) {
    const agg = aggs?.[name] as FacetAgg | undefined;
    const buckets = (agg?.v?.buckets ?? []).map((b) => ({ key: String(b.key), count: b.doc_count }));
    const selected = selectedOf(req, name);
    if (name === 'category') {
      out.category = categoryTree(buckets, ctx, selected);
      continue;
    }
    const seen = new Set(buckets.map((b) => b.key));
    for (const b of agg?.sel?.buckets ?? []) {
      if (!seen.has(String(b.key))) buckets.push({ key: String(b.key), count: b.doc_count });
      seen.add(String(b.key));
    }
    for (const key of selected) if (!seen.has(key)) buckets.push({ key, count: 0 });
    const values = buckets.map(({ key, count }): FacetValue => ({
      key,
      ...labelOf(name, key, ctx),
      count,
      ...(selected.includes(key) ? { selected: true as const } : {}),
    }));
    if (name === 'period') values.sort((a, b) => bucketOrder(a.key) - bucketOrder(b.key));
    out[name] = values;
  }
  return out;
}
