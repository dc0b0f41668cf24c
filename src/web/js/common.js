// Pieces every view uses: disclaimers, badges, problem messages, thumbnails, the dataset version.

import { h, fill } from './dom.js';
import { pickText, t } from './i18n.js';
import { imageUrl } from './api.js';

/** The three standard disclaimers, shown on results and object pages and printed with them. */
export function disclaimers(compact = false) {
  return h(
    'aside',
    { class: compact ? 'disclaimers compact' : 'disclaimers', 'aria-label': t('disclaimer.label') },
    h('ul', null,
      h('li', null, t('disclaimer.categories')),
      h('li', null, t('disclaimer.check')),
      h('li', null, t('disclaimer.certificates')),
    ),
  );
}

export function emergencyBadge() {
  return h('span', { class: 'badge badge-emergency' }, t('badge.emergency'));
}

export function levelBadge(level) {
  return h('span', { class: `badge badge-level level-${level ?? 'none'}` }, t(`level.${level ?? 'none'}`));
}

/**
 * Text from the data (a language map, or a string the API already picked): its direction follows
 * its own script (`dir=auto`), and it is marked with its language when that is known to differ.
 */
export function langText(tag, map, attrs = {}) {
  const [text, code] = pickText(map);
  const el = h(tag, { dir: 'auto', ...attrs }, text);
  if (map && typeof map === 'object' && code && code !== document.documentElement.lang) el.lang = code;
  return el;
}

/**
 * Shows an API problem as the API phrased it: title, detail and each field error.
 * `problem` is an ApiProblem or any Error.
 */
export function problemBox(problem) {
  const status = problem?.status;
  const title = status === 0 ? t('error.network') : problem?.title || t('error.generic');
  const fields = (problem?.errors ?? []).map((e) => ({ ...e, reason: forPage(e.reason) }));
  const joined = fields.map((e) => `${e.name}: ${e.reason}`).join('; ');
  // Say each thing once: the detail, unless it only repeats the field errors listed below it.
  const said = forPage(problem?.detail);
  const detail = said && said !== title && said !== joined ? said : null;
  const listed = fields.length && !(fields.length === 1 && detail === fields[0].reason);
  return h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, title),
    detail ? h('p', { class: 'problem-detail' }, detail) : null,
    listed ? h('ul', { class: 'problem-fields' }, fields.map((e) => h('li', null, h('code', null, e.name), ': ', e.reason))) : null,
    status === 503 ? h('p', null, t('error.retry')) : null,
  );
}

/** An API reason without its pointers for API users ("(see /v1/categories)"). */
const forPage = (text) => (text ? String(text).replace(/\s*\(see \/v1\/[^)]*\)/g, '') : text);

/** A result's thumbnail, or a neutral placeholder when the record has no image. */
export function thumbnail(ref, alt = '') {
  const src = imageUrl(ref, 'thumb');
  if (!src) return h('span', { class: 'thumb thumb-placeholder', role: 'img', 'aria-label': t('image.none') });
  const img = h('img', { class: 'thumb', src, alt, width: 96, height: 96, loading: 'lazy', decoding: 'async' });
  // An image the store cannot serve shows as the placeholder, not as a broken picture.
  img.addEventListener('error', () => img.replaceWith(thumbnail(null)), { once: true });
  return img;
}

/** Writes the dataset version in the footer (and the print header), so a result can be cited. */
export function showDatasetVersion(version) {
  if (!version) return;
  const el = document.getElementById('dataset-version');
  if (el) fill(el, t('footer.dataset', { version: isolate(version) }));
  document.documentElement.dataset.datasetVersion = version;
}

/** Wraps text that must keep its own direction (ids, versions, URLs) in Unicode isolates. */
export const isolate = (text) => `\u2068${text}\u2069`;
