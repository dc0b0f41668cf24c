// The search page: query box, filters and facets beside the results, active-filter chips, pager.
// The previous results stay on screen (marked busy) until the new ones arrive, so narrowing by a
// facet does not flash the page.

import { h, fill, append, announce } from './dom.js';
import { countryName, currentLanguage, fmtNumber, pick, t } from './i18n.js';
import { searchText } from './api.js';
import { disclaimers, problemBox, showDatasetVersion } from './common.js';
import { facetPanel, facetValues, FACETS, resolvedFilters } from './facets.js';
import { describeFilter, filtersForm } from './filters.js';
import { hitList, pager } from './results.js';
import { DIMENSIONS, MULTI, QUERY_MAX_CHARS, QUERY_MAX_WORDS, apiSearchParams, hasSearch, queryWords, resetPaging, toQuery } from './state.js';

let refineOpen = false;

export async function render(main, state, { navigate, signal, lang }) {
  const previous = main.querySelector('.search-page');
  if (previous) main.setAttribute('aria-busy', 'true');
  else fill(main, page(state, navigate, null, null, true));
  let data = null;
  let problem = null;
  try {
    data = await searchText(apiSearchParams(state, lang), signal);
  } catch (err) {
    if (err?.name === 'AbortError' || signal.aborted) return;
    problem = err;
  } finally {
    main.removeAttribute('aria-busy');
  }
  if (signal.aborted) return;
  const resolved = data ? resolvedFilters(state, data.facets) : null;
  if (resolved) {
    // The URL takes the keys the API applied (`country=Irak` -> `country=IQ`), in place.
    state = resolved;
    const lang = new URLSearchParams(location.search).get('lang');
    const query = new URLSearchParams(toQuery(state));
    if (lang) query.set('lang', lang);
    const qs = query.toString();
    history.replaceState(history.state, '', `/${qs ? `?${qs}` : ''}`);
  }
  fill(main, page(state, navigate, data, problem, false));
  if (data) {
    showDatasetVersion(data.dataset_version);
    announce(countText(state, data.total, data.total_relation));
  } else if (problem && hasSearch(state)) {
    announce(problem.detail || problem.title || t('error.generic'));
  }
}

function totalOf(total) {
  return typeof total === 'object' && total !== null ? Number(total.value ?? 0) : Number(total ?? 0);
}

/** "12 results for “seal”"; "more than 10,000 results" when the API counted only that far. */
function countText(state, total, relation) {
  const n = totalOf(total);
  const more = relation === 'gte' || total?.relation === 'gte';
  const base = more ? 'results.countMore' : 'results.count';
  if (!hasSearch(state) && !more) return t('results.all', { count: n });
  return state.q ? t(`${base}For`, { count: n, q: state.q }) : t(base, { count: n });
}

function page(state, navigate, data, problem, loading) {
  const fieldErrors = Object.fromEntries((problem?.errors ?? []).map((e) => [e.name, e.reason]));
  const searched = hasSearch(state);
  const results = h('section', { class: 'results', id: 'results', 'aria-labelledby': 'results-h' },
    h('h2', { id: 'results-h', class: 'visually-hidden' }, t('results.heading')));
  if (loading) results.append(h('p', { class: 'loading' }, t('loading')));
  else if (problem && (searched || problem.status !== 400)) {
    results.append(problemBox(problem));
    // A refused filter (a shared link to a list or category the data no longer has) is not a
    // dead end: every filter is still a chip to remove, the refused one marked, with the API's
    // suggestion when it has one.
    if (problem.status === 400) append(results, [chips(state, null, navigate, problem.errors ?? [])]);
  }
  if (data) {
    const total = totalOf(data.total);
    results.append(h('p', { class: 'count', id: 'result-count', tabindex: '-1', 'data-focus-fallback': '', 'data-focus-results': '' }, countText(state, data.total, data.total_relation)));
    if (data.relaxed) results.append(h('p', { class: 'note relaxed' }, t('results.relaxed')));
    append(results, [chips(state, data.facets, navigate)]);
    if (!searched) results.prepend(intro());
    if (data.hits?.length) append(results, [hitList(data.hits, state), pager(state, total, data.next_cursor)]);
    else if (searched) results.append(h('p', { class: 'empty' }, t('results.none')));
  } else if (!loading && !searched) {
    results.prepend(intro());
  }

  const activeCount = countActive(state);
  const refine = h('aside', { class: refineOpen ? 'refine open' : 'refine', 'aria-labelledby': 'refine-h' });
  const toggle = h('button', {
    type: 'button', class: 'refine-toggle button secondary', 'aria-expanded': String(refineOpen), 'aria-controls': 'refine-body', 'data-focus-key': 'refine-toggle',
    onclick: () => {
      refineOpen = !refineOpen;
      refine.classList.toggle('open', refineOpen);
      toggle.setAttribute('aria-expanded', String(refineOpen));
    },
  }, t('refine.toggle'), activeCount ? ` (${fmtNumber(activeCount)})` : '');
  refine.append(
    h('h2', { id: 'refine-h' }, t('refine.heading')),
    toggle,
    h('div', { class: 'refine-body', id: 'refine-body' },
      h('h3', { id: 'filters-h', class: 'visually-hidden' }, t('filters.heading')),
      filtersForm(state, fieldErrors, (next) => navigate(next, { focus: false })),
      data ? facetPanel(data.facets, state, navigate) : null,
    ),
  );

  return h('div', { class: 'search-page' },
    h('h1', { class: 'page-title', tabindex: '-1' }, t('search.heading')),
    searchForm(state, navigate, fieldErrors.q),
    data ? skipToResults() : null,
    disclaimers(true),
    h('div', { class: 'search-layout' }, refine, results),
  );
}

/**
 * The query box. It takes what the API takes (QUERY_MAX_CHARS characters, QUERY_MAX_WORDS words):
 * the limit is stated under it, counted as the user nears it, and the API's reason shown by it
 * when it refuses the query anyway (`error`).
 */
function searchForm(state, navigate, error) {
  const input = h('input', {
    type: 'search', id: 'q', name: 'q', value: state.q ?? '', maxlength: QUERY_MAX_CHARS, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'q-hint q-limit q-err', 'aria-invalid': error ? 'true' : null, 'data-focus-key': 'q', enterkeyhint: 'search',
  });
  const limit = h('p', { class: 'hint q-limit', id: 'q-limit' });
  const err = h('p', { class: 'field-error', id: 'q-err', hidden: !error }, error ?? '');
  let wasOver = false;
  const count = () => {
    const chars = input.value.length;
    const words = queryWords(input.value);
    const over = chars > QUERY_MAX_CHARS || words > QUERY_MAX_WORDS;
    const near = over || chars >= QUERY_MAX_CHARS * 0.8 || words >= QUERY_MAX_WORDS - 2;
    limit.textContent = near
      ? t('search.counter', { chars: fmtNumber(chars), maxChars: fmtNumber(QUERY_MAX_CHARS), words: fmtNumber(words), maxWords: fmtNumber(QUERY_MAX_WORDS) })
      : t('search.limit', { chars: fmtNumber(QUERY_MAX_CHARS), words: fmtNumber(QUERY_MAX_WORDS) });
    limit.classList.toggle('near', near);
    limit.classList.toggle('over', over);
    // Said once when the text goes past the limit, not at every key.
    if (over && !wasOver && document.activeElement === input) announce(limit.textContent);
    wasOver = over;
  };
  count();
  input.addEventListener('input', count);
  const form = h('form', { role: 'search', class: 'search-box', 'aria-label': t('search.label') },
    h('label', { for: 'q' }, t('search.label')),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit', class: 'button', 'data-focus-key': 'q-submit' }, t('search.submit'))),
    err,
    h('p', { class: 'hint', id: 'q-hint' }, t('search.hint')),
    limit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    const next = resetPaging({ ...state, q: q || undefined });
    // A new search starts the reader at its results (the count, then the first hit).
    navigate(next, { focus: 'results' });
  });
  return form;
}

/** Shown on focus: from the query box, Tab, Tab, Enter lands on the first result. */
function skipToResults() {
  return h('a', {
    href: '#results', class: 'skip-results',
    onclick: (event) => {
      event.preventDefault();
      const target = document.querySelector('#results .hit-title a') ?? document.getElementById('result-count');
      target?.focus();
    },
  }, t('skip.results'));
}

function intro() {
  // Examples in several languages and scripts; each is marked with its language for screen readers.
  const examples = [['cylinder seal', 'en'], ['manuscrito', 'es'], ['icône', 'fr'], ['tablette cunéiforme', 'fr'], ['ікона', 'uk'], ['مخطوطة', 'ar']];
  const own = currentLanguage();
  return h('div', { class: 'intro' },
    h('p', null, t('intro.what')),
    h('p', null, t('intro.try'), ' ',
      examples.map(([q, lang], i) => [i ? ', ' : '', h('a', { href: `/?q=${encodeURIComponent(q)}`, lang: lang === own ? null : lang }, q)])),
  );
}

function countActive(state) {
  const facetCount = MULTI.reduce((n, k) => n + (state.filters?.[k]?.length ?? 0), 0);
  return facetCount + ['emergency', 'has_image', 'date_from', 'date_to', ...DIMENSIONS].filter((k) => state[k]).length;
}

/** Active filters as removable chips, plus "clear all". */
function chips(state, facets, navigate, refused = []) {
  const lang = currentLanguage();
  const labelOf = (param, key) => {
    const def = FACETS.find((f) => f.param === param);
    const found = def && findValue(facetValues(facets?.[def.name]), key);
    const l = found ? pick(found.label) || found.label : null;
    if (typeof l === 'string' && l && l !== key) return l;
    return param === 'country' || param === 'zone' ? countryName(key) : key;
  };
  const items = [];
  for (const param of MULTI) {
    const given = state.filters?.[param] ?? [];
    for (const key of given) {
      const without = given.filter((v) => v !== key);
      const withFilter = (values) => resetPaging({ ...state, filters: { ...state.filters, [param]: [...new Set(values)] } });
      const reason = refusalOf(refused, param, key, given);
      const suggestion = reason ? suggested(reason) : null;
      items.push(chip(`${t(`param.${param}`)}: ${labelOf(param, key)}`, () => navigate(withFilter(without), { focus: false }),
        reason, suggestion && (() => navigate(withFilter(given.map((v) => (v === key ? suggestion : v))), { focus: false })), suggestion));
    }
  }
  for (const key of ['date_from', 'date_to', ...DIMENSIONS, 'emergency', 'has_image']) {
    if (!state[key]) continue;
    const reason = refused.find((e) => e.name === key)?.reason ?? null;
    items.push(chip(describeFilter(key, state[key], lang, state.unit ?? 'cm'), () => {
      const next = resetPaging({ ...state });
      delete next[key];
      navigate(next, { focus: false });
    }, reason));
  }
  if (!items.length) return null;
  const clear = h('button', {
    type: 'button', class: 'link-button', 'data-focus-key': 'chips:clear',
    onclick: () => navigate({ view: 'search', q: state.q, filters: {} }, { focus: false }),
  }, t('filters.clearAll'));
  return h('div', { class: 'chips' }, h('ul', { role: 'list', 'aria-label': t('filters.active') }, items), clear);
}

/** A removable filter; a refused one is marked "not applied", with a button for the API's suggestion. */
function chip(text, onRemove, refusedReason = null, onSuggest = null, suggestion = null) {
  const name = refusedReason ? `${text} (${t('filters.refused')})` : text;
  const button = h('button', { type: 'button', class: refusedReason ? 'chip refused' : 'chip', 'aria-label': t('filters.remove', { name }), 'data-focus-key': `chip:${text}`, onclick: onRemove },
    h('span', null, text), refusedReason ? h('span', { class: 'chip-note' }, ` (${t('filters.refused')})`) : null, h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'));
  const suggest = onSuggest
    ? [' ', h('button', { type: 'button', class: 'link-button suggest', 'data-focus-key': `suggest:${text}`, onclick: onSuggest }, t('filters.suggest', { value: suggestion }))]
    : null;
  return h('li', null, button, suggest);
}

/**
 * The API's reason for refusing one value of a filter: the reason for that parameter that quotes
 * the value, or the parameter's reason when it has a single value.
 */
function refusalOf(refused, param, key, given) {
  const reasons = refused.filter((e) => e.name === param).map((e) => String(e.reason ?? ''));
  return reasons.find((r) => r.includes(`"${key}"`)) ?? (given.length === 1 ? reasons[0] : undefined) ?? null;
}

/** The value an API reason suggests: `did you mean "iraq-2003/writing"?`, `did you mean Syria (SY)?`. */
function suggested(reason) {
  const m = /did you mean\s+(?:"([^"]+)"|[^?;()]*\(([^)\s]+)\))/i.exec(reason);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function findValue(values, key) {
  for (const v of values) {
    if (v.key === key) return v;
    const inner = findValue(v.children ?? [], key);
    if (inner) return inner;
  }
  return null;
}
