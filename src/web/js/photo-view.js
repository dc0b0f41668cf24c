// Photo search: choose a photo (the camera on phones) or drop one, see it, search, and read each
// match with its level (identical, near duplicate, similar).

import { h, fill, announce } from './dom.js';
import { fmtNumber, t } from './i18n.js';
import { searchImage } from './api.js';
import { disclaimers, problemBox, showDatasetVersion } from './common.js';
import { imageHitItem } from './results.js';

let current = null; // { file, url } kept while the page lives, so language switches keep the photo

export async function render(main, state, { signal, lang }) {
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'photo-results-h' });
  const input = h('input', { type: 'file', id: 'photo-file', name: 'image', accept: 'image/*', capture: 'environment', class: 'file-input', 'data-focus-key': 'photo-file' });
  const submit = h('button', { type: 'submit', class: 'button', disabled: !current, 'data-focus-key': 'photo-submit' }, t('photo.search'));
  const drop = h('div', { class: 'dropzone' },
    h('label', { for: 'photo-file', class: 'drop-label' }, h('strong', null, t('photo.choose')), h('span', null, t('photo.drop'))),
    input);
  const form = h('form', { class: 'photo-form', 'aria-labelledby': 'photo-h' }, drop, preview, h('div', { class: 'actions' }, submit));

  const choose = (file) => {
    if (!file) return;
    if (current?.url) URL.revokeObjectURL(current.url);
    current = { file, url: URL.createObjectURL(file) };
    showPreview(preview, current);
    submit.disabled = false;
    fill(results);
  };
  input.addEventListener('change', () => choose(input.files?.[0]));
  for (const type of ['dragenter', 'dragover']) drop.addEventListener(type, (e) => (e.preventDefault(), drop.classList.add('over')));
  for (const type of ['dragleave', 'drop']) drop.addEventListener(type, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    choose([...(e.dataTransfer?.files ?? [])].find((f) => f.type.startsWith('image/')) ?? e.dataTransfer?.files?.[0]);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!current) return;
    submit.disabled = true;
    main.setAttribute('aria-busy', 'true');
    fill(results, h('p', { class: 'loading' }, t('photo.searching')));
    try {
      const body = await searchImage(current.file, lang, signal);
      showDatasetVersion(body.dataset_version);
      fill(results, ...resultNodes(body, state));
      announce(t('photo.count', { count: body.hits?.length ?? 0 }));
    } catch (err) {
      if (err?.name === 'AbortError') return;
      fill(results, problemBox(err));
      announce(err.detail || err.title || t('error.generic'));
    } finally {
      submit.disabled = false;
      main.removeAttribute('aria-busy');
    }
  });

  if (current) showPreview(preview, current);
  fill(main, h('div', { class: 'photo-page' },
    h('h1', { id: 'photo-h', tabindex: '-1' }, t('photo.heading')),
    h('p', { class: 'lead' }, t('photo.lead')),
    form,
    disclaimers(true),
    results,
  ));
}

function showPreview(preview, { file, url }) {
  const img = h('img', { src: url, alt: t('photo.previewAlt'), class: 'preview-img' });
  // The browser cannot show every format the service reads (TIFF, HEIC): say so instead of a broken image.
  img.addEventListener('error', () => img.replaceWith(h('p', { class: 'hint' }, t('photo.noPreview'))), { once: true });
  fill(preview, img, h('p', { class: 'hint' }, `${file.name || t('photo.camera')} · ${fmtNumber(Math.max(1, Math.round(file.size / 1024)))} KB`));
}

function resultNodes(body, state) {
  const hits = body.hits ?? [];
  const heading = h('h2', { id: 'photo-results-h' }, t('photo.results'));
  if (!hits.length) return [heading, h('p', { class: 'empty' }, t('photo.none'))];
  return [
    heading,
    h('p', { class: 'count' }, t('photo.count', { count: hits.length })),
    h('p', { class: 'hint' }, t('photo.levels')),
    h('ol', { class: 'hits', role: 'list' }, hits.map((hit) => imageHitItem(hit, state))),
  ];
}
