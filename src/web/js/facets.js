// Facets: multi-select checkboxes with counts; the category facet as a collapsible tree; emergency
// zones and Emergency Red Lists marked. Every control is a native checkbox or button, so the
// keyboard works everywhere (Tab, Space) and screen readers announce state.

import { h } from './dom.js';
import { countryName, fmtNumber, t } from './i18n.js';
import { emergencyBadge } from './common.js';
import { toggleFilter } from './state.js';

/** Facet name in the API response -> filter parameter, in display order. */
export const FACETS = [
  { name: 'category', param: 'category', tree: true },
  { name: 'country', param: 'country' },
  { name: 'emergency_zone', param: 'zone', emergency: true },
  { name: 'list', param: 'list' },
  { name: 'region', param: 'region' },
  { name: 'material', param: 'material' },
  { name: 'period', param: 'period' },
];
const SHOWN = 8;

const expanded = new Set();
const showAll = new Set();

export const facetValues = (facet) => (Array.isArray(facet) ? facet : (facet?.values ?? facet?.buckets ?? []));

function label(def, value) {
  const l = value.label && typeof value.label === 'object' ? Object.values(value.label)[0] : value.label;
  if ((def.param === 'country' || def.param === 'zone') && (!l || l === value.key)) return countryName(value.key);
  return l || value.key;
}

/** The facet panel for a search response; values with `emergency: true` get the badge. */
export function facetPanel(facets, state, navigate) {
  const panel = h('div', { class: 'facet-groups' });
  for (const def of FACETS) {
    const selected = state.filters?.[def.param] ?? [];
    let values = facetValues(facets?.[def.name]);
    if (!values.length && !selected.length) continue;
    const known = new Set(flatten(values).map((v) => v.key));
    values = [...values, ...selected.filter((k) => !known.has(k)).map((key) => ({ key, label: key, count: 0 }))];
    const ctx = { def, selected, navigate, state, lists: facetValues(facets?.list) };
    const legend = h('legend', null, t(`facet.${def.name}`), def.emergency ? [' ', emergencyBadge()] : null);
    const body = def.tree ? limited(values, ctx, (shown) => tree(shown, ctx, 0, values)) : flat(values, ctx);
    panel.append(h('fieldset', { class: `facet facet-${def.name}` }, legend, body));
  }
  return panel;
}

/**
 * The filters as the API applied them. The API takes a country, zone or list by name, city or in
 * another case (`country=Irak`, `Palmyra`, `sy`) and marks the key it resolved each to with
 * `selected: true` in the flat facets (always present, even at count 0). When the URL's values
 * differ from those keys, returns the state with the keys instead (null when nothing changes),
 * so that each filter shows once in its facet and a click never adds it twice.
 */
export function resolvedFilters(state, facets) {
  let filters = null;
  for (const def of FACETS) {
    const given = state.filters?.[def.param] ?? [];
    const values = facets?.[def.name];
    if (def.tree || !given.length || !Array.isArray(values)) continue;
    const applied = values.filter((v) => v.selected === true).map((v) => String(v.key));
    if (!applied.length) continue;
    const same = applied.length === given.length && applied.every((k) => given.includes(k));
    if (same) continue;
    // Keep the URL's order for the keys it already had; resolved ones follow.
    const next = [...given.filter((k) => applied.includes(k)), ...applied.filter((k) => !given.includes(k))];
    filters = { ...(filters ?? state.filters), [def.param]: next };
  }
  return filters ? { ...state, filters } : null;
}

function flatten(values) {
  return values.flatMap((v) => [v, ...flatten(v.children ?? [])]);
}

function option(value, ctx, extra = []) {
  const { def, selected, navigate, state } = ctx;
  const id = `fc-${def.param}-${value.key}`.replace(/[^A-Za-z0-9_-]/g, '_') + `-${hash(value.key)}`;
  const checked = selected.includes(value.key);
  const box = h('input', {
    type: 'checkbox', id, checked, 'data-focus-key': `facet:${def.param}:${value.key}`,
    onchange: () => navigate(toggleFilter(state, def.param, value.key), { focus: false }),
  });
  // Emergency zones are all emergencies: the facet's heading carries the badge once.
  const emergency = value.emergency === true && !def.emergency;
  return h('span', { class: 'option' }, box,
    h('label', { for: id }, h('span', { class: 'option-label' }, label(def, value), extra), ' ',
      h('span', { class: 'count' }, `(${fmtNumber(value.count ?? 0)})`),
      emergency ? [' ', emergencyBadge()] : null));
}

/**
 * The first SHOWN values (and any selected one, or one with a selected child), with a button that
 * shows them all; `build(values)` renders the list.
 */
function limited(values, ctx, build) {
  const { def, selected } = ctx;
  const all = showAll.has(def.name);
  const keep = (v) => selected.includes(v.key) || flatten(v.children ?? []).some((c) => selected.includes(c.key));
  const list = build(all ? values : values.filter((v, i) => i < SHOWN || keep(v)));
  if (values.length <= SHOWN) return list;
  const wrap = h('div', null, list);
  wrap.append(h('button', {
    type: 'button', class: 'link-button', 'aria-expanded': String(all), 'data-focus-key': `more:${def.name}`,
    onclick: () => {
      if (all) showAll.delete(def.name);
      else showAll.add(def.name);
      const next = limited(values, ctx, build);
      wrap.replaceWith(next);
      next.querySelector(':scope > .link-button')?.focus();
    },
  }, all ? t('facet.fewer') : t('facet.more', { count: values.length })));
  return wrap;
}

function flat(values, ctx) {
  return limited(values, ctx, (shown) => h('ul', { class: 'options', role: 'list' }, shown.map((v) => h('li', null, option(v, ctx)))));
}

const listOf = (value) => value.list ?? String(value.key).split('/')[0];

/**
 * Categories belong to one Red List each, and lists share headings ("Ceramics"): when the
 * top-level categories come from more than one list, every one of them names its list.
 */
function listHint(value, siblings, ctx, depth) {
  if (depth > 0) return null;
  if (new Set(siblings.map(listOf)).size < 2) return null;
  const listId = listOf(value);
  const list = ctx.lists.find((v) => v.key === listId);
  return h('span', { class: 'hint-inline' }, ` · ${list ? label({ param: 'list' }, list) : listId}`);
}

function tree(values, ctx, depth, siblings = values) {
  const ul = h('ul', { class: depth ? 'tree-children' : 'options tree', role: 'list' });
  for (const value of values) {
    const children = value.children ?? [];
    const li = h('li', { class: 'tree-node' });
    const row = h('div', { class: 'tree-row' });
    if (children.length) {
      const childId = `tree-${hash(value.key)}`;
      const open = expanded.has(value.key) || flatten(children).some((c) => ctx.selected.includes(c.key));
      const sub = tree(children, ctx, depth + 1);
      sub.id = childId;
      sub.hidden = !open;
      const toggle = h('button', {
        type: 'button', class: 'tree-toggle', 'aria-expanded': String(open), 'aria-controls': childId,
        'aria-label': t('facet.subcategories', { name: label(ctx.def, value) }), 'data-focus-key': `tree:${value.key}`,
        onclick: () => {
          const now = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(now));
          sub.hidden = !now;
          if (now) expanded.add(value.key);
          else expanded.delete(value.key);
        },
      });
      row.append(toggle, option(value, ctx, listHint(value, siblings, ctx, depth)));
      li.append(row, sub);
    } else {
      row.append(h('span', { class: 'tree-spacer', 'aria-hidden': 'true' }), option(value, ctx, listHint(value, siblings, ctx, depth)));
      li.append(row);
    }
    ul.append(li);
  }
  return ul;
}

function hash(s) {
  let x = 0;
  for (const c of String(s)) x = (Math.imul(x, 31) + c.codePointAt(0)) | 0;
  return (x >>> 0).toString(36);
}
