// The object page: every field of the record, its images, the category's description, the Red List
// context, disclaimers, data-quality notes, and a print view with the dataset version and date.

import { h, fill } from './dom.js';
import { countryName, currentLanguage, fmtDate, fmtNumber, pick, t } from './i18n.js';
import { getList, getObject, imageUrl } from './api.js';
import { disclaimers, emergencyBadge, isolate, langText, problemBox, showDatasetVersion } from './common.js';
import { categoryDescription, categoryText, contacts, legislation, listSummary, suspicious, unwrapList } from './list-context.js';
import { hasSearch, searchPart, toQuery } from './state.js';
import { formatRange } from './years.js';

export async function render(main, state, { navigate, signal, lang }) {
  const back = () => goBack(state, navigate);
  // Escape goes back to the results, as the back link does; the listener ends with this render.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.target instanceof Element && event.target.closest('input, select, textarea, [contenteditable], dialog')) return;
    event.preventDefault();
    back();
  }, { signal });
  fill(main, h('p', { class: 'loading' }, t('loading')));
  let body;
  try {
    body = await getObject(state.object, lang, signal);
  } catch (err) {
    if (err?.name === 'AbortError') return;
    fill(main, h('div', { class: 'object-page' }, backLink(state, back), h('h1', { tabindex: '-1' }, t('object.heading')), problemBox(err)));
    return;
  }
  const record = body.record ?? body;
  let list = null;
  if (record.list?.id) {
    list = await getList(record.list.id, lang, signal).then(unwrapList, () => null);
    if (signal.aborted) return;
  }
  const version = body.dataset_version ?? list?.dataset_version ?? document.documentElement.dataset.datasetVersion;
  showDatasetVersion(version);
  fill(main, page(record, list, state, version, back));
}

/** Back to the search this object was opened from, with focus on its result there. */
function goBack(state, navigate) {
  return navigate(searchPart(state), { focusKey: `hit:${state.object}` });
}

function backLink(state, back) {
  const search = searchPart(state);
  const href = `/${toQuery(search)}`;
  const onclick = (event) => {
    // A modified click (new tab) keeps its meaning.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void back();
  };
  return h('p', { class: 'back no-print' }, h('a', { href, onclick, 'aria-keyshortcuts': 'Escape' }, hasSearch(search) ? t('object.back') : t('object.newSearch')));
}

const labels = (terms) => (terms ?? []).map((v) => pick(v.label) || v.key).filter(Boolean);

/** A length in the unit that reads best, with the unit's name in the interface language. */
function length(mm) {
  if (mm >= 1000) return `${fmtNumber(mm / 1000, { maximumFractionDigits: 2 })} ${t('unit.m')}`;
  if (mm >= 10) return `${fmtNumber(mm / 10, { maximumFractionDigits: 1 })} ${t('unit.cm')}`;
  return `${fmtNumber(mm, { maximumFractionDigits: 1 })} ${t('unit.mm')}`;
}

function asPrinted(text) {
  return text ? h('span', { class: 'as-printed' }, ` (${t('object.asPrinted')}: `, h('q', { dir: 'auto' }, text), ')') : null;
}

function measurementList(m) {
  // The notation as printed is shown once when every dimension comes from the same text.
  const rows = (m?.dimensions ?? []).map((d) => h('li', null, `${t(`dim.${d.dimension}`)}: ${length(d.mm)}`, d.source !== m.source ? asPrinted(d.source) : null));
  if (m?.weightG !== undefined) rows.push(h('li', null, `${t('dim.weight')}: ${fmtNumber(m.weightG, { maximumFractionDigits: 1 })} ${t('unit.g')}`));
  if (!rows.length && !m?.source) return null;
  return [rows.length ? h('ul', { class: 'plain' }, rows) : null, m?.source ? h('p', { class: 'as-printed' }, t('object.asPrinted'), ': ', h('q', { dir: 'auto' }, m.source)) : null];
}

function dateValue(d, lang) {
  if (!d) return null;
  const range = formatRange(d.earliest, d.latest, lang);
  const periods = labels(d.periods);
  const parts = [d.approximate && range ? `${t('object.circa')} ${range}` : range, periods.join(', ')].filter(Boolean);
  if (!parts.length && !d.source) return null;
  return [parts.join(' · '), asPrinted(d.source)];
}

function places(p) {
  if (!p) return [];
  return [
    [t('object.countries'), (p.countries ?? []).map(countryName).join(', ')],
    [t('object.regions'), (p.regions ?? []).join(', ')],
    [t('object.sites'), (p.sites ?? []).join(', ')],
    [t('object.cultures'), (p.cultures ?? []).join(', ')],
    [t('object.placeSource'), p.source ? h('q', { dir: 'auto' }, p.source) : null],
  ];
}

function defs(rows) {
  const items = rows.filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.filter(Boolean).length));
  return h('dl', { class: 'defs' }, items.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

function images(record) {
  const title = pick(record.title) || record.id;
  if (!record.images?.length) return h('div', { class: 'figure-none' }, h('span', { class: 'thumb thumb-placeholder large', 'aria-hidden': 'true' }), h('p', null, t('image.none')));
  return h('div', { class: 'figures' }, record.images.map((img, i) => h('figure', null,
    h('a', { href: imageUrl(img.sha256, 'original'), target: '_blank', rel: 'noopener' },
      h('img', { src: imageUrl(img.sha256, 'display'), alt: record.images.length > 1 ? `${title} (${i + 1})` : title, width: img.width, height: img.height, decoding: 'async' })),
    h('figcaption', null, `${fmtNumber(img.width)} × ${fmtNumber(img.height)} px · `, h('a', { href: imageUrl(img.sha256, 'original'), target: '_blank', rel: 'noopener' }, t('image.original'))),
  )));
}

function page(record, list, state, version, back) {
  const lang = currentLanguage();
  const holder = record.holder
    ? [record.holder.institution ? h('bdi', null, record.holder.institution) : null, record.holder.inventoryNumber ? [record.holder.institution ? ', ' : '', `${t('object.inventoryNumber')} `, h('bdi', null, record.holder.inventoryNumber)] : null].filter(Boolean)
    : null;
  const src = record.source ?? {};
  const listTitle = record.list ? pick(record.list.title) || record.list.id : null;
  const identification = defs([
    [t('object.type'), labels(record.objectType).join(', ')],
    [t('object.category'), labels(record.category).join(' › ')],
    [t('object.materials'), [labels(record.materials).join(', '), record.materialText ? asPrinted(record.materialText) : null].filter(Boolean)],
    [t('object.measurements'), measurementList(record.measurements)],
    [t('object.date'), dateValue(record.date, lang)],
    ...places(record.places),
    [t('object.inscriptions'), record.inscriptions],
    [t('object.maker'), record.maker],
    [t('object.holder'), holder],
    [t('object.emergencyZone'), record.emergency?.active ? (record.emergency.zone ?? []).map(countryName).join(', ') || t('list.emergency') : null],
  ]);
  const source = defs([
    [t('object.sourceList'), listTitle ? [listTitle, src.illustration ? ` · ${t('object.illustration', { n: src.illustration })}` : ''] : src.list],
    [t('object.caption'), src.text ? h('q', { lang: src.lang || null, dir: 'auto' }, src.text) : null],
    [t('object.sourceFile'), [src.name, src.file].filter(Boolean).join(' · ')],
    [t('object.id'), h('code', null, record.id)],
  ]);
  const categoryNode = list ? categoryText(list, (record.category ?? []).map((c) => c.key)) : null;
  const warnings = record.warnings ?? [];
  const printed = h('p', { class: 'print-meta' }, t('print.meta', { date: fmtDate(new Date()), version: isolate(version ?? '—') }), ' · ', h('bdi', null, location.href));

  return h('article', { class: 'object-page', 'aria-labelledby': 'object-title' },
    backLink(state, back),
    printed,
    h('header', { class: 'object-header' },
      langText('h1', record.title ?? { en: record.id }, { id: 'object-title', tabindex: '-1' }),
      h('p', { class: 'object-sub' }, t(`kind.${record.kind}`), listTitle ? [' · ', listTitle] : null, record.list?.year ? ` (${record.list.year})` : null,
        record.list?.emergency || record.emergency?.active ? [' ', emergencyBadge()] : null),
      h('div', { class: 'object-actions no-print' },
        h('button', { type: 'button', class: 'button secondary', onclick: () => window.print() }, t('object.print')),
        h('button', { type: 'button', class: 'button secondary', onclick: (e) => copyLink(e.currentTarget) }, t('object.copyLink')),
      ),
    ),
    disclaimers(),
    h('div', { class: 'object-grid' },
      images(record),
      h('div', { class: 'object-fields' },
        record.description && Object.keys(record.description).length ? langText('p', record.description, { class: 'description' }) : null,
        h('h2', { class: 'visually-hidden' }, t('object.identification')),
        identification,
      ),
    ),
    categoryDescription(categoryNode),
    list ? listSummary(list) : null,
    list ? suspicious(list) : null,
    list ? legislation(list) : null,
    list ? contacts(list) : null,
    h('section', { class: 'card', 'aria-labelledby': 'source-h' }, h('h2', { id: 'source-h' }, t('object.source')), source),
    warnings.length ? dataQuality(warnings) : null,
  );
}

function dataQuality(warnings) {
  return h('details', { class: 'data-quality' },
    h('summary', null, t('object.dataQuality', { count: warnings.length })),
    h('ul', null, warnings.map((w) => h('li', null, h('code', null, w.field), ': ', w.message, w.source ? [' ', h('q', { dir: 'auto' }, w.source)] : null))));
}

async function copyLink(button) {
  try {
    await navigator.clipboard.writeText(location.href);
    button.textContent = t('object.copied');
  } catch {
    button.textContent = t('object.copyFailed');
  }
}
