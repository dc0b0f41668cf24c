// The result list (thumbnail, title, list and category, places, highlights, why it matched) and
// the pager (page numbers within the API's window, then "more results" through the cursor).

import { h, highlightNodes } from './dom.js';
import { countryName, pick, t } from './i18n.js';
import { emergencyBadge, langText, levelBadge, thumbnail } from './common.js';
import { PAGE_SIZE, lastPage, pageWindow, searchPart, toQuery } from './state.js';

/** Link to an object page that keeps the search it came from (for "back to results"). */
export function objectHref(id, state) {
  return `/${toQuery({ ...searchPart(state ?? { filters: {} }), view: 'object', object: id })}`;
}

/** The API's `matched` field names, translated; unknown names shown as given. */
export function matchedText(matched) {
  const names = (Array.isArray(matched) ? matched : Object.keys(matched ?? {})).map((m) => {
    const key = `field.${String(m).replace(/[^a-z_]/gi, '_')}`;
    const label = t(key);
    return label === key ? String(m).replaceAll('_', ' ') : label;
  });
  return [...new Set(names)].join(', ');
}

/** Fields whose highlights explain a hit beyond its title and category line, best first. */
const SNIPPET_FIELDS = ['description', 'caption', 'inscriptions', 'object_type', 'material'];

/** Up to two marked fragments that say more than the title already does. */
function highlights(highlight, title) {
  if (!highlight) return [];
  const plainTitle = String(title).toLowerCase();
  const marked = (f) => typeof f === 'string' && f.includes('<em>') && !plainTitle.includes(plainText(f).toLowerCase());
  if (Array.isArray(highlight)) return highlight.filter(marked).slice(0, 2);
  const known = SNIPPET_FIELDS.flatMap((k) => [highlight[k]].flat());
  const others = Object.entries(highlight).filter(([k]) => !SNIPPET_FIELDS.includes(k) && k !== 'title' && k !== 'category').flatMap(([, v]) => [v].flat());
  return [...known, ...others].filter(marked).slice(0, 2);
}

const plainText = (fragment) => highlightNodes(fragment).map((n) => n.textContent).join('');

const place = (c) => (c && typeof c === 'object' ? c.label || countryName(c.key) : countryName(c));

/** One hit; `extra` adds nodes (e.g. the photo search's level and similarity). */
export function hitItem(hit, state, extra = null) {
  const href = objectHref(hit.id, state);
  const title = pick(hit.title) || hit.id;
  const categories = (hit.category ?? []).map((c) => pick(c.label) || c.key);
  const list = hit.list;
  const frags = highlights(hit.highlight, title);
  const matched = matchedText(hit.matched);
  return h('li', { class: 'hit' },
    h('a', { href, class: 'hit-thumb', tabindex: '-1', 'aria-hidden': 'true' }, thumbnail(hit.thumbnail)),
    h('div', { class: 'hit-body' },
      h('h3', { class: 'hit-title' }, h('a', { href, 'data-focus-key': `hit:${hit.id}` }, titleNode(hit, title))),
      extra,
      list
        ? h('p', { class: 'hit-list' }, langText('span', list.title ?? { en: list.id }), list.emergency ? [' ', emergencyBadge()] : null)
        : null,
      categories.length ? h('p', { class: 'hit-category' }, categories.join(' › ')) : null,
      hit.countries?.length ? h('p', { class: 'hit-places' }, hit.countries.map(place).join(', ')) : null,
      frags.length ? h('p', { class: 'hit-highlight', dir: 'auto' }, frags.map((f, i) => [i ? ' … ' : '', highlightNodes(f)])) : null,
      matched ? h('p', { class: 'hit-matched' }, h('span', { class: 'matched-label' }, t('results.matched')), ' ', matched) : null,
    ),
  );
}

/** The title, with the matched words marked when the API highlighted it. */
function titleNode(hit, title) {
  const marked = typeof hit.highlight?.title === 'string' && hit.highlight.title.includes('<em>');
  return marked ? h('span', { dir: 'auto' }, highlightNodes(hit.highlight.title)) : langText('span', hit.title ?? { en: title });
}

export function hitList(hits, state) {
  return h('ol', { class: 'hits', role: 'list' }, hits.map((hit) => hitItem(hit, state)));
}

/** A photo-search hit: the same card with its match level and similarity. */
export function imageHitItem(hit, state) {
  const similarity = typeof hit.similarity === 'number' ? ` ${Math.round(hit.similarity * 100)} %` : '';
  return hitItem(hit, state, h('p', { class: 'hit-level' }, levelBadge(hit.level), h('span', { class: 'similarity' }, similarity ? `${t('photo.similarity')}${similarity}` : '')));
}

/**
 * Pager: numbers for pages within the window; past the window, or when the API offers a cursor
 * on the last numbered page, a "more results" link that follows `next_cursor`.
 */
export function pager(state, total, nextCursor) {
  const current = Number(state.page ?? 1);
  const last = lastPage(total, PAGE_SIZE);
  const href = (patch) => {
    const next = { ...state, ...patch };
    if (!patch.cursor) delete next.cursor;
    if (patch.cursor) delete next.page;
    return `/${toQuery(next)}`;
  };
  const items = [];
  if (state.cursor) {
    items.push(h('li', null, h('a', { href: href({ page: '1' }), 'data-focus-key': 'page:first' }, t('pager.first'))));
  } else if (last > 1) {
    if (current > 1) items.push(h('li', null, h('a', { href: href({ page: String(current - 1) }), rel: 'prev', 'data-focus-key': 'page:prev' }, t('pager.prev'))));
    for (const n of pageWindow(current, last)) {
      if (n === null) items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
      else if (n === current) items.push(h('li', null, h('a', { href: href({ page: String(n) }), 'aria-current': 'page', 'aria-label': t('pager.page', { n }) }, String(n))));
      else items.push(h('li', null, h('a', { href: href({ page: String(n) }), 'aria-label': t('pager.page', { n }), 'data-focus-key': `page:${n}` }, String(n))));
    }
    if (current < last) items.push(h('li', null, h('a', { href: href({ page: String(current + 1) }), rel: 'next', 'data-focus-key': 'page:next' }, t('pager.next'))));
  }
  if (nextCursor && (state.cursor || (current >= last && total > current * PAGE_SIZE))) {
    items.push(h('li', null, h('a', { href: href({ cursor: nextCursor }), class: 'more', 'data-focus-key': 'page:more' }, t('pager.more'))));
  }
  if (!items.length) return null;
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') }, h('ul', { role: 'list' }, items));
}
