// The filters that are not facets: date range (years, centuries, periods as people write them),
// measurements with a unit and a tolerance, emergency lists only, records with an image only.
// The page reads the simplest forms itself (a signed year, `1000 BC`, a bare number with the unit
// dropdown) and leaves every other form to the API, whose reason for refusing one is shown by the
// field it names.

import { h, nextId } from './dom.js';
import { searchText } from './api.js';
import { currentLanguage, t } from './i18n.js';
import { DIMENSIONS, FIELD_MAX_CHARS, TOLERANCES, UNITS, apiSearchParams, measureText, resetPaging } from './state.js';
import { formatYear, parseYear } from './years.js';

const SHOWN_DIMENSIONS = DIMENSIONS.filter((d) => d !== 'length');
const TYPED = ['date_from', 'date_to', ...SHOWN_DIMENSIONS];
const isYear = (value) => /^[+-]?\d+$/.test(String(value));

/** A date filter as shown: a signed year in the language's era style, other text as typed. */
function yearText(value, lang, withEra = false) {
  return isYear(value) ? formatYear(value, lang, withEra) : String(value);
}

/** A typed year: a signed year when the page can read it, otherwise the text for the API. */
function yearValue(text) {
  const parsed = parseYear(text);
  return parsed.ok && parsed.year !== null ? String(parsed.year) : text;
}

/** A typed measurement: a bare number normalised (`1,5` -> `1.5`), otherwise the text as typed. */
function measureValue(text) {
  const v = text.replace(/(\d),(\d)/g, '$1.$2');
  return /^\d+(\.\d+)?$/.test(v) ? String(Number(v)) : v;
}

/**
 * The API's reasons for refusing any of the form's values, by parameter name ({} when it accepts
 * them, or when it could not be asked: the search itself will then say what is wrong).
 */
async function refusedFields(next, lang) {
  const params = apiSearchParams(next, lang, 0);
  params.set('facets', 'none');
  try {
    await searchText(params);
    return {};
  } catch (err) {
    if (err?.status !== 400) return {};
    return Object.fromEntries((err.errors ?? []).filter((e) => TYPED.includes(e.name)).map((e) => [e.name, e.reason]));
  }
}

/**
 * The filter form. `fieldErrors` maps a parameter name to the API's reason, shown by its input.
 * On submit, new dates and measurements are first put to the API; when it accepts them,
 * onApply(nextState) is called, otherwise its reasons are shown by the fields.
 */
export function filtersForm(state, fieldErrors, onApply) {
  const lang = currentLanguage();
  const errors = {};
  const form = h('form', { class: 'filters', novalidate: true, 'aria-labelledby': 'filters-h' });
  const field = (name, label, input, hint) => {
    const id = input.id;
    const hintId = hint ? `${id}-hint` : null;
    const errId = `${id}-err`;
    const err = h('p', { class: 'field-error', id: errId, hidden: !fieldErrors[name] }, fieldErrors[name] ?? '');
    errors[name] = err;
    input.setAttribute('aria-describedby', [hintId, errId, input.dataset.groupHint].filter(Boolean).join(' '));
    if (fieldErrors[name]) input.setAttribute('aria-invalid', 'true');
    return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, input, err);
  };

  const yearInput = (name) =>
    h('input', {
      id: `f-${name}`, name, type: 'text', inputmode: 'text', autocomplete: 'off', size: 10, maxlength: FIELD_MAX_CHARS,
      'data-focus-key': `f-${name}`, 'data-group-hint': 'f-date-hint', value: state[name] ? yearText(state[name], lang) : '',
    });
  const from = yearInput('date_from');
  const to = yearInput('date_to');
  const dates = h('fieldset', { class: 'group' },
    h('legend', null, t('filters.date')),
    h('div', { class: 'row' }, field('date_from', t('filters.from'), from), field('date_to', t('filters.to'), to)),
    h('p', { class: 'hint', id: 'f-date-hint' }, t('filters.dateHint')),
  );

  const dimInputs = SHOWN_DIMENSIONS.map((d) =>
    h('input', {
      id: `f-${d}`, name: d, type: 'text', autocomplete: 'off', size: 5, maxlength: FIELD_MAX_CHARS,
      'data-focus-key': `f-${d}`, 'data-group-hint': 'f-size-hint', value: state[d] ?? '',
    }),
  );
  const unit = h('select', { id: 'f-unit', name: 'unit', 'data-focus-key': 'f-unit' },
    UNITS.map((u) => h('option', { value: u, selected: (state.unit ?? 'cm') === u }, t(`unit.${u}`))));
  const tolerance = h('select', { id: 'f-tolerance', name: 'tolerance', 'data-focus-key': 'f-tolerance' },
    h('option', { value: '' }, t('filters.toleranceDefault')),
    TOLERANCES.map((v) => h('option', { value: v, selected: state.tolerance === v }, `± ${v} %`)));
  const measures = h('fieldset', { class: 'group' },
    h('legend', null, t('filters.size')),
    h('div', { class: 'row' }, SHOWN_DIMENSIONS.map((d, i) => field(d, t(`dim.${d}`), dimInputs[i]))),
    h('div', { class: 'row' }, field('unit', t('filters.unit'), unit), field('tolerance', t('filters.tolerance'), tolerance)),
    h('p', { class: 'hint', id: 'f-size-hint' }, t('filters.sizeHint')),
  );

  const emergency = h('input', { id: 'f-emergency', type: 'checkbox', checked: state.emergency === 'true', 'data-focus-key': 'f-emergency' });
  const hasImage = h('input', { id: 'f-has-image', type: 'checkbox', checked: state.has_image === 'true', 'data-focus-key': 'f-has-image' });
  const flags = h('div', { class: 'group flags' },
    h('div', { class: 'check' }, emergency, h('label', { for: 'f-emergency' }, t('filters.emergencyOnly'))),
    h('div', { class: 'check' }, hasImage, h('label', { for: 'f-has-image' }, t('filters.withImage'))),
  );

  const apply = h('button', { type: 'submit', class: 'button', 'data-focus-key': 'f-apply' }, t('filters.apply'));
  form.append(dates, measures, flags, h('div', { class: 'actions' }, apply));

  const inputs = { date_from: from, date_to: to, ...Object.fromEntries(SHOWN_DIMENSIONS.map((d, i) => [d, dimInputs[i]])) };
  const showErrors = (reasons) => {
    for (const [name, input] of Object.entries(inputs)) {
      const reason = reasons[name];
      errors[name].textContent = reason ?? '';
      errors[name].hidden = !reason;
      if (reason) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };
  let checking = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (checking) return;
    const next = resetPaging({ ...state });
    for (const [name, input] of Object.entries(inputs)) {
      const text = input.value.trim();
      if (text === '') delete next[name];
      else next[name] = name.startsWith('date_') ? yearValue(text) : measureValue(text);
    }
    next.unit = unit.value === 'cm' ? undefined : unit.value;
    next.tolerance = tolerance.value || undefined;
    if (emergency.checked) next.emergency = 'true';
    else delete next.emergency;
    if (hasImage.checked) next.has_image = 'true';
    else delete next.has_image;
    // New dates and measurements are put to the API first: the form stays as typed, with the
    // API's reason by each field it refuses, and the results on screen stay until it accepts.
    if (TYPED.some((k) => next[k] !== undefined && next[k] !== state[k])) {
      checking = true;
      form.setAttribute('aria-busy', 'true');
      const refused = await refusedFields(next, lang);
      checking = false;
      form.removeAttribute('aria-busy');
      if (!form.isConnected) return;
      showErrors(refused);
      const firstBad = TYPED.find((k) => refused[k]);
      if (firstBad) return void inputs[firstBad].focus();
    }
    onApply(next);
  });
  // Checkboxes apply at once, like the facets.
  for (const box of [emergency, hasImage]) box.addEventListener('change', () => form.requestSubmit(apply));
  return form;
}

/** A field-id-free label for one active filter, for the removable "chips" above the results. */
export function describeFilter(key, value, lang, unit = 'cm') {
  if (key === 'date_from') return `${t('filters.from')} ${yearText(value, lang, true)}`;
  if (key === 'date_to') return `${t('filters.to')} ${yearText(value, lang, true)}`;
  if (DIMENSIONS.includes(key)) return `${t(`dim.${key}`)} ${measureText(value, unit)}`;
  if (key === 'emergency') return t(value === 'true' ? 'filters.emergencyOnly' : 'filters.notEmergency');
  if (key === 'has_image') return t('filters.withImage');
  return value;
}

export { nextId };
