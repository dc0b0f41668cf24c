// The filters that are not facets: date range (BC/AD as people write it), measurements with a unit
// and a tolerance, emergency lists only, records with an image only.

import { h, nextId } from './dom.js';
import { currentLanguage, t } from './i18n.js';
import { DIMENSIONS, TOLERANCES, UNITS, resetPaging } from './state.js';
import { formatYear, parseYear } from './years.js';

const SHOWN_DIMENSIONS = DIMENSIONS.filter((d) => d !== 'length');

/**
 * The filter form. `fieldErrors` maps a parameter name to the API's reason, shown by its input.
 * On submit calls onApply(nextState) with validated values.
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
    input.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
    if (fieldErrors[name]) input.setAttribute('aria-invalid', 'true');
    return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, input, err);
  };

  const yearInput = (name) =>
    h('input', { id: `f-${name}`, name, type: 'text', inputmode: 'text', autocomplete: 'off', size: 10, 'data-focus-key': `f-${name}`, value: state[name] ? formatYear(state[name], lang) : '' });
  const from = yearInput('date_from');
  const to = yearInput('date_to');
  const dates = h('fieldset', { class: 'group' },
    h('legend', null, t('filters.date')),
    h('div', { class: 'row' }, field('date_from', t('filters.from'), from), field('date_to', t('filters.to'), to)),
    h('p', { class: 'hint' }, t('filters.dateHint')),
  );

  const dimInputs = SHOWN_DIMENSIONS.map((d) =>
    h('input', { id: `f-${d}`, name: d, type: 'text', inputmode: 'decimal', autocomplete: 'off', size: 5, 'data-focus-key': `f-${d}`, value: state[d] ?? '' }),
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
  );

  const emergency = h('input', { id: 'f-emergency', type: 'checkbox', checked: state.emergency === 'true', 'data-focus-key': 'f-emergency' });
  const hasImage = h('input', { id: 'f-has-image', type: 'checkbox', checked: state.has_image === 'true', 'data-focus-key': 'f-has-image' });
  const flags = h('div', { class: 'group flags' },
    h('div', { class: 'check' }, emergency, h('label', { for: 'f-emergency' }, t('filters.emergencyOnly'))),
    h('div', { class: 'check' }, hasImage, h('label', { for: 'f-has-image' }, t('filters.withImage'))),
  );

  const apply = h('button', { type: 'submit', class: 'button', 'data-focus-key': 'f-apply' }, t('filters.apply'));
  form.append(dates, measures, flags, h('div', { class: 'actions' }, apply));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = resetPaging({ ...state });
    let firstBad;
    const fail = (name, input, message) => {
      errors[name].textContent = message;
      errors[name].hidden = false;
      input.setAttribute('aria-invalid', 'true');
      firstBad ??= input;
    };
    for (const [name, input] of [['date_from', from], ['date_to', to]]) {
      errors[name].hidden = true;
      input.removeAttribute('aria-invalid');
      const parsed = parseYear(input.value);
      if (!parsed.ok) fail(name, input, t(parsed.reason === 'zero' ? 'filters.yearZero' : 'filters.yearInvalid'));
      else if (parsed.year === null) delete next[name];
      else next[name] = String(parsed.year);
    }
    if (next.date_from && next.date_to && Number(next.date_from) > Number(next.date_to)) fail('date_to', to, t('filters.rangeOrder'));
    SHOWN_DIMENSIONS.forEach((d, i) => {
      const input = dimInputs[i];
      errors[d].hidden = true;
      input.removeAttribute('aria-invalid');
      const raw = input.value.trim().replace(',', '.');
      if (raw === '') return void delete next[d];
      const n = Number(raw);
      if (!Number.isFinite(n) || n <= 0 || n > 100000) return fail(d, input, t('filters.sizeInvalid'));
      next[d] = String(n);
    });
    if (firstBad) return void firstBad.focus();
    next.unit = unit.value === 'cm' ? undefined : unit.value;
    next.tolerance = tolerance.value || undefined;
    if (emergency.checked) next.emergency = 'true';
    else delete next.emergency;
    if (hasImage.checked) next.has_image = 'true';
    else delete next.has_image;
    onApply(next);
  });
  // Checkboxes apply at once, like the facets.
  for (const box of [emergency, hasImage]) box.addEventListener('change', () => form.requestSubmit(apply));
  return form;
}

/** A field-id-free label for one active filter, for the removable "chips" above the results. */
export function describeFilter(key, value, lang) {
  if (key === 'date_from') return `${t('filters.from')} ${formatYear(value, lang, true)}`;
  if (key === 'date_to') return `${t('filters.to')} ${formatYear(value, lang, true)}`;
  if (DIMENSIONS.includes(key)) return `${t(`dim.${key}`)} ${value}`;
  if (key === 'emergency') return t(value === 'true' ? 'filters.emergencyOnly' : 'filters.notEmergency');
  if (key === 'has_image') return t('filters.withImage');
  return value;
}

export { nextId };
