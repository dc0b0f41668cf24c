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

/** A flat facet's value: `{ key, label, emergency?, count, selected? }`, in that order. */
function flatValue(name: FacetName, key: string, count: number, ctx: LabelContext, selected: string[]): FacetValue {
  const v = labelled(name, key, count, ctx);
  if (selected.length > 0 && selected.includes(key)) v.selected = true;
  return v;
}

function labelled(name: FacetName, key: string, count: number, ctx: LabelContext): FacetValue {
  const { lang, domain, labels } = ctx;
  switch (name) {
    case 'country':
      return { key, label: domain.countryLabel(key, lang), count };
    case 'emergency_zone':
      return { key, label: domain.countryLabel(key, lang), emergency: true, count };
    case 'region':
      return { key, label: domain.regionLabel(key, lang), count };
    case 'material':
      return { key, label: domain.vocabLabel(key, lang) ?? humanise(key), count };
    case 'period':
      return { key, label: domain.periodLabel(key, lang) ?? key, count };
    case 'list': {
      const info = labels.list(key);
      const label = pick(info?.title, lang) ?? key;
      return info?.emergency ? { key, label, emergency: true, count } : { key, label, count };
    }
    case 'category':
      return { key, label: categoryLabel(key, ctx), count };
  }
}

const categoryLabel = (key: string, ctx: LabelContext): string => pick(ctx.labels.categoryLabel(key), ctx.lang) ?? humanise(key);

/** Slashes in a category key: its depth below the list. */
function depthOf(key: string): number {
  let n = 0;
  for (let i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) n++;
  return n;
}

/** By count, then label. */
function byCountThenLabel(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

function orderTree(list: FacetValue[]): void {
  list.sort(byCountThenLabel);
  for (const n of list) if (n.children) orderTree(n.children);
}

/** Nodes for category keys, each under its nearest counted ancestor (`a/b/c` under `a/b`). */
export function categoryTree(buckets: { key: string; count: number }[], ctx: LabelContext, selected: string[]): FacetValue[] {
  // Shallow keys first (stable within a depth), so a parent exists before its children.
  const byDepth: { key: string; count: number }[][] = [];
  for (const b of buckets) (byDepth[depthOf(b.key)] ??= []).push(b);
  const nodes = new Map<string, FacetValue>();
  const roots: FacetValue[] = [];
  for (const level of byDepth) {
    if (!level) continue;
    for (const { key, count } of level) {
      const slash = key.indexOf('/');
      const node: FacetValue = { key, label: categoryLabel(key, ctx), count, list: slash > 0 ? key.slice(0, slash) : key };
      if (selected.length > 0 && selected.includes(key)) node.selected = true;
      nodes.set(key, node);
      let parent: FacetValue | undefined;
      for (let cut = key.lastIndexOf('/'); cut > 0 && !parent; cut = key.lastIndexOf('/', cut - 1)) {
        parent = nodes.get(key.slice(0, cut));
      }
      if (parent) (parent.children ??= []).push(node);
      else roots.push(node);
    }
  }
  orderTree(roots);
  return roots;
}

/** Chronological order of period values (bucket positions computed once per value). */
function sortPeriods(values: FacetValue[]): void {
  if (values.length < 2) return;
  const order = new Map<string, number>();
  for (const v of values) order.set(v.key, bucketOrder(v.key));
  values.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
}

export function readFacets(aggs: Record<string, unknown> | undefined, req: SearchRequest, ctx: LabelContext): Facets {
  const out: Facets = {};
  for (const name of req.facets) {
    const agg = aggs?.[name] as FacetAgg | undefined;
    const raw = agg?.v?.buckets ?? [];
    const selected = selectedOf(req, name);
    if (name === 'category') {
      out.category = categoryTree(
        raw.map((b) => ({ key: String(b.key), count: b.doc_count })),
        ctx,
        selected,
      );
      continue;
    }
    const values: FacetValue[] = [];
    const seen = new Set<string>();
    for (const b of raw) {
      const key = String(b.key);
      seen.add(key);
      values.push(flatValue(name, key, b.doc_count, ctx, selected));
    }
    for (const b of agg?.sel?.buckets ?? []) {
      const key = String(b.key);
      if (!seen.has(key)) values.push(flatValue(name, key, b.doc_count, ctx, selected));
      seen.add(key);
    }
    for (const key of selected) if (!seen.has(key)) values.push(flatValue(name, key, 0, ctx, selected));
    if (name === 'period') sortPeriods(values);
    out[name] = values;
  }
  return out;
}
