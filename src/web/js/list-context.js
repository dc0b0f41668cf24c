// The Red List around a record: what its category covers, the list itself (title, year, emergency
// status, coverage), the law, whom to contact and what should raise suspicion.

import { h } from './dom.js';
import { countryName, fmtDate, fmtNumber, pick, t } from './i18n.js';
import { emergencyBadge, langText } from './common.js';

/** The list object from a `/v1/lists/:id` body, whatever envelope it comes in. */
export const unwrapList = (body) => body?.list ?? body ?? {};

/**
 * The description (`text`) of the record's deepest category that has one, found anywhere in the
 * list's category tree (nodes named by `key`, children under any array field).
 */
export function categoryText(list, categoryKeys) {
  const texts = new Map();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.key === 'string' && node.text) texts.set(node.key, node);
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(list);
  for (const key of [...categoryKeys].reverse()) {
    const node = texts.get(key);
    if (node) return node;
  }
  return null;
}

const place = (c) => (typeof c === 'string' ? (/^[A-Z]{2}$/.test(c) ? countryName(c) : c) : pick(c?.label ?? c?.name) || c?.code || c?.key || '');

function dateText(s) {
  if (!s) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T12:00:00Z`) : null;
  return d && !Number.isNaN(d.getTime()) ? fmtDate(d) : String(s);
}

function section(id, title, ...content) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

function defs(rows) {
  const items = rows.filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length));
  if (!items.length) return null;
  return h('dl', { class: 'defs' }, items.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

export function listSummary(list) {
  const coverage = [...(list.countries ?? list.coverage ?? []), ...(list.regions ?? [])].map(place).filter(Boolean);
  const zone = (list.zone ?? list.zone_countries ?? []).map(place).filter(Boolean);
  const emergency = list.emergency === true || list.emergency?.active === true;
  return section('list-h', t('list.heading'),
    h('p', { class: 'list-title' }, langText('strong', list.title ?? { en: list.id }), emergency ? [' ', emergencyBadge()] : null),
    defs([
      [t('list.number'), list.number ? fmtNumber(list.number) : null],
      [t('list.year'), list.year ? String(list.year) : null],
      [t('list.published'), dateText(list.published)],
      [t('list.status'), emergency ? t('list.emergency') : t('list.standard')],
      [t('list.coverage'), coverage.join(', ')],
      [t('list.zone'), zone.join(', ')],
      [t('list.languages'), (list.languages ?? []).map((l) => languageName(l)).join(', ')],
    ]),
  );
}

function languageName(code) {
  try {
    return new Intl.DisplayNames([document.documentElement.lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function legislation(list) {
  const laws = list.legislation ?? [];
  if (!laws.length) return null;
  return section('law-h', t('list.legislation'),
    h('ul', { class: 'plain' }, laws.map((l) => {
      const country = l.countryLabel ?? (l.countryCode ? countryName(l.countryCode) : l.country ? place(l.country) : null);
      const who = [l.convention, country].filter(Boolean).join(' — ');
      const ratified = l.ratified ? t('list.ratified', { date: dateText(l.ratified) }) : null;
      const text = typeof l.text === 'object' ? pick(l.text) : l.text;
      return h('li', null, who ? h('strong', null, who) : null, ratified ? [' (', ratified, ')'] : null, text ? [who ? ': ' : '', text] : null);
    })),
    h('p', { class: 'note' }, t('list.lawNote')),
  );
}

export function contacts(list) {
  const people = list.contacts ?? [];
  if (!people.length) return null;
  return section('contacts-h', t('list.contacts'),
    h('ul', { class: 'plain' }, people.map((c) => h('li', null,
      h('strong', null, typeof c.name === 'object' ? pick(c.name) : c.name),
      [c.city, c.country ? place(c.country) : null].filter(Boolean).length ? [', ', [c.city, c.country ? place(c.country) : null].filter(Boolean).join(', ')] : null,
      c.email ? [' · ', h('a', { href: `mailto:${c.email}` }, c.email)] : null,
      c.phone ? [' · ', h('a', { href: `tel:${String(c.phone).replace(/[^+\d]/g, '')}` }, c.phone)] : null,
    ))),
  );
}

export function suspicious(list) {
  const items = list.suspicious_characteristics ?? list.suspiciousCharacteristics ?? [];
  if (!items.length) return null;
  return section('suspicious-h', t('list.suspicious'), h('ul', null, items.map((s) => h('li', null, langText('span', typeof s === 'string' ? { en: s } : (s.text ?? s))))));
}

export function categoryDescription(node) {
  if (!node) return null;
  return section('category-h', t('object.categoryText', { name: pick(node.label ?? node.heading) || '' }),
    node.dates ? h('p', { class: 'note' }, t('object.categoryDates'), ' ', h('bdi', null, typeof node.dates === 'object' ? pick(node.dates) : node.dates)) : null,
    langText('p', node.text));
}
