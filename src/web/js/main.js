// Boot and routing: one page, views chosen by the querystring, history.pushState for navigation,
// so back/forward, reload and shared links all land on the same view and search.

import { h, fill } from './dom.js';
import { LANGUAGES, chooseLanguage, currentLanguage, rememberLanguage, setLanguage, storedLanguage, t, translateStatic } from './i18n.js';
import { parseState, toQuery } from './state.js';
import * as searchView from './search-view.js';

const views = {
  search: async () => searchView,
  object: () => import('./object-view.js'),
  photo: () => import('./photo-view.js'),
  bulk: () => import('./bulk-view.js'),
};

const main = document.getElementById('main');
let controller;
let lastView;
let renders = 0;
let renderedSearch = null;

/**
 * Goes to a state: a new history entry (or a replaced one), then renders it. `focus`: true moves
 * focus to a new view's heading, false keeps it on the control that had it, 'results' moves it to
 * the view's results when it has some (`data-focus-results`). `focusKey` names the control to
 * focus instead of the one that had focus (e.g. the result an object page was opened from).
 */
export function navigate(state, { replace = false, focus = true, focusKey } = {}) {
  const url = `/${toQuery(state)}`;
  if (url !== `/${location.search}` || replace) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  return render({ focus, focusKey });
}

async function render({ focus = true, focusKey: wanted } = {}) {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const state = parseState(location.search);
  renderedSearch = location.search;
  markNav(state.view);
  const active = document.activeElement;
  const focusKey = wanted ?? (active && main.contains(active) ? active.dataset.focusKey : undefined);
  try {
    const view = await views[state.view]();
    if (signal.aborted) return;
    await view.render(main, state, { navigate, signal, lang: currentLanguage() });
  } catch (err) {
    if (err?.name === 'AbortError' || signal.aborted) return;
    fill(main, h('p', { class: 'problem', role: 'alert' }, t('error.page'), ' ', String(err?.message ?? err)));
    console.error(err);
  }
  if (signal.aborted) return;
  // Keep keyboard users where they were (a facet, a pager button); otherwise, on a new view, start
  // at its heading so screen readers announce where they are.
  const results = focus === 'results' ? main.querySelector('[data-focus-results]') : null;
  const again = results ?? (focusKey && (main.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`) ?? main.querySelector('[data-focus-fallback]')));
  if (again) again.focus();
  else if (focus && lastView !== undefined && (state.view !== lastView || state.view === 'object')) {
    (main.querySelector('h1') ?? main).focus({ preventScroll: false });
  }
  lastView = state.view;
  // Tests and tools can wait for this to change: the view for the current URL is on screen.
  document.documentElement.dataset.renders = String(++renders);
}

function markNav(view) {
  for (const a of document.querySelectorAll('.site-nav a[data-nav]')) {
    if (a.dataset.nav === view || (view === 'object' && a.dataset.nav === 'search')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** Same-page links navigate without reloading; modified clicks (new tab, download) keep their meaning. */
function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = event.target.closest?.('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname !== '/') return;
  // In-page anchors (the skip link) are the browser's job.
  if (url.hash && url.search === location.search) return;
  event.preventDefault();
  if (url.search === location.search && !url.hash) return void render();
  history.pushState(null, '', url.pathname + url.search);
  void render();
}

async function switchLanguage(code) {
  rememberLanguage(code);
  await setLanguage(code);
  translateStatic();
  await render({ focus: false });
  document.getElementById('lang-select')?.focus();
}

async function boot() {
  const params = new URLSearchParams(location.search);
  const code = chooseLanguage({ url: params.get('lang'), stored: storedLanguage(), browser: navigator.languages ?? [navigator.language] });
  await setLanguage(code);
  translateStatic();
  const select = document.getElementById('lang-select');
  select.value = code;
  select.addEventListener('change', () => {
    if (LANGUAGES.includes(select.value)) void switchLanguage(select.value);
  });
  document.addEventListener('click', onClick);
  // A fragment change (the skip link) is not a new view.
  window.addEventListener('popstate', () => {
    if (location.search !== renderedSearch) void render();
  });
  await render({ focus: false });
  document.documentElement.dataset.ready = 'true';
}

void boot();
