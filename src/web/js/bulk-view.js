// Bulk check: upload a CSV, follow the job (its id is in the URL, so a reload keeps following it),
// download the results as CSV.

import { h, fill, announce } from './dom.js';
import { fmtNumber, t } from './i18n.js';
import { bulkResultsUrl, getBulkJob, startBulkJob } from './api.js';
import { disclaimers, problemBox } from './common.js';

const TEMPLATE = 'ref,q,object_type,material,country,date,height\nA-1,cylinder seal,,stone,Iraq,2nd millennium BC,3 cm\nA-2,,icon,wood,Ukraine,18th century,\n';
const DONE = new Set(['done', 'completed', 'complete', 'finished', 'succeeded']);
const FAILED = new Set(['failed', 'error', 'cancelled', 'canceled']);

export async function render(main, state, { navigate, signal, lang }) {
  const status = h('section', { class: 'job', 'aria-labelledby': 'job-h' });
  const input = h('input', { type: 'file', id: 'bulk-file', name: 'file', accept: '.csv,text/csv', 'aria-describedby': 'bulk-hint', 'data-focus-key': 'bulk-file' });
  const submit = h('button', { type: 'submit', class: 'button', 'data-focus-key': 'bulk-submit' }, t('bulk.start'));
  const template = h('a', { href: URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv' })), download: 'redlist-check-template.csv' }, t('bulk.template'));
  const form = h('form', { class: 'bulk-form', 'aria-labelledby': 'bulk-h' },
    h('div', { class: 'field' }, h('label', { for: 'bulk-file' }, t('bulk.file')), h('p', { class: 'hint', id: 'bulk-hint' }, t('bulk.hint'), ' ', template), input),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) return void fill(status, problemBox({ title: t('bulk.noFile') }));
    submit.disabled = true;
    fill(status, h('p', { class: 'loading' }, t('bulk.uploading')));
    try {
      const job = await startBulkJob(file, lang, signal);
      const id = job.id ?? job.job?.id;
      navigate({ view: 'bulk', job: id }, { focus: false });
    } catch (err) {
      if (err?.name === 'AbortError') return;
      submit.disabled = false;
      fill(status, problemBox(err));
    }
  });

  fill(main, h('div', { class: 'bulk-page' },
    h('h1', { id: 'bulk-h', tabindex: '-1' }, t('bulk.heading')),
    h('p', { class: 'lead' }, t('bulk.lead')),
    form,
    status,
    disclaimers(true),
  ));
  if (state.job) await follow(state.job, status, signal);
}

/** Polls the job until it ends: 1 s at first, slower while it runs long; announces every 10 %. */
async function follow(id, status, signal) {
  const progress = h('progress', { max: 100, value: 0, 'aria-labelledby': 'job-h' });
  const line = h('p', { class: 'job-line', 'aria-live': 'polite', 'aria-atomic': 'true' }, t('bulk.waiting'));
  const detail = h('p', { class: 'hint' });
  const actions = h('div', { class: 'actions' });
  fill(status, h('h2', { id: 'job-h' }, t('bulk.job', { id })), progress, line, detail, actions);
  let delay = 1000;
  let lastAnnounced = -1;
  for (;;) {
    let job;
    try {
      job = await getBulkJob(id, signal);
    } catch (err) {
      if (err?.name === 'AbortError' || signal.aborted) return;
      fill(actions, problemBox(err));
      if (err.status >= 400 && err.status < 500) return;
      await sleep(5000, signal);
      continue;
    }
    const p = progressOf(job);
    if (p.total) {
      progress.max = p.total;
      progress.value = p.done;
    } else progress.removeAttribute('value');
    const state = String(job.status ?? job.state ?? '').toLowerCase();
    const summary = t('bulk.progress', { done: fmtNumber(p.done), total: p.total ? fmtNumber(p.total) : '?' });
    line.textContent = `${t(`bulk.status.${DONE.has(state) ? 'done' : FAILED.has(state) ? 'failed' : ['queued', 'pending', 'receiving'].includes(state) ? 'queued' : 'running'}`)} — ${summary}`;
    detail.textContent = [p.rate ? t('bulk.rate', { rate: fmtNumber(p.rate, { maximumFractionDigits: 0 }) }) : '', p.eta ? t('bulk.eta', { s: fmtNumber(Math.ceil(p.eta)) }) : '', counts(job)].filter(Boolean).join(' · ');
    const decile = p.total ? Math.floor((10 * p.done) / p.total) : -1;
    if (decile !== lastAnnounced) {
      lastAnnounced = decile;
      announce(line.textContent);
    }
    if (DONE.has(state)) {
      progress.value = progress.max;
      fill(actions, h('a', { class: 'button', href: bulkResultsUrl(id, 'csv'), download: `redlist-check-${id}.csv`, 'data-focus-key': 'bulk-download' }, t('bulk.download')), rowErrors(job));
      return;
    }
    if (FAILED.has(state)) {
      fill(actions, problemBox({ title: t('bulk.status.failed'), detail: job.failure ?? job.error?.detail ?? job.detail ?? '' }));
      return;
    }
    if (!(await sleep(delay, signal))) return;
    delay = Math.min(5000, delay * 1.25);
  }
}

/** Rows done and total, rate (rows/s) and ETA (s) from a job body, whatever it names them. */
export function progressOf(job) {
  const p = job.progress ?? job;
  const num = (...vs) => vs.map(Number).find((v) => Number.isFinite(v) && v >= 0) ?? 0;
  return {
    done: num(p.done, p.rows_done, p.rowsDone, p.processed),
    total: num(p.total, p.rows_total, p.rowsTotal, p.rows),
    rate: num(p.rate, p.rows_per_s, p.rowsPerSecond),
    eta: num(p.eta, p.eta_s, p.etaSeconds),
  };
}

function counts(job) {
  const c = job.summary ?? job.counts ?? null;
  if (!c || typeof c !== 'object') return '';
  return ['strong', 'possible', 'none', 'error'].filter((k) => c[k] !== undefined).map((k) => `${t(`bulk.count.${k}`)}: ${fmtNumber(c[k])}`).join(', ');
}

/** The first rows the service could not check, with the field at fault. */
function rowErrors(job) {
  const errors = Array.isArray(job.errors) ? job.errors : [];
  if (!errors.length) return null;
  return h('details', { class: 'row-errors' },
    h('summary', null, t('bulk.rowErrors', { count: errors.length })),
    h('ul', null, errors.map((e) => h('li', null, t('bulk.row', { row: e.row ?? '?', ref: e.ref ?? '—' }), ' ', h('code', null, e.field), ': ', e.reason))));
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => resolve(true), ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve(false)), { once: true });
  });
}
