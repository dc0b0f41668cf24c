import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, chooseLanguage, pickText } from '../../../src/web/js/i18n.js';

const WEB = join(import.meta.dirname, '../../../src/web');
type Message = string | Record<string, string>;
const messages = (lang: string): Record<string, Message> => JSON.parse(readFileSync(join(WEB, 'i18n', `${lang}.json`), 'utf8'));
const placeholders = (m: Message) => [...new Set((typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();

describe('interface messages', () => {
  const en = messages('en');

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English key, no extra key, and the same placeholders', (lang) => {
    const other = messages(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, m] of Object.entries(en)) {
      const theirs = other[key]!;
      // Plural forms together use the same placeholders (a "one" form may spell the number out).
      expect(placeholders(theirs), `${lang} ${key}`).toEqual(placeholders(m));
      if (typeof m === 'object') expect(typeof theirs, `${lang} ${key} is plural`).toBe('object');
      if (typeof theirs === 'object') expect(theirs.other, `${lang} ${key} has an "other" form`).toBeTruthy();
    }
  });

  it('has a message for every literal key the page uses', () => {
    const js = readdirSync(join(WEB, 'js')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(WEB, 'js', f), 'utf8'));
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const used = new Set<string>();
    for (const src of js) for (const m of src.matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)) used.add(m[1]!);
    for (const m of html.matchAll(/data-i18n(?:-aria)?="([^"]+)"/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  it('names every facet, dimension, unit, level and kind the page builds keys for', () => {
    const dynamic = [
      ...['category', 'country', 'emergency_zone', 'list', 'region', 'material', 'period'].map((f) => `facet.${f}`),
      ...['category', 'list', 'country', 'region', 'zone', 'material', 'period', 'kind'].map((p) => `param.${p}`),
      ...['height', 'width', 'depth', 'length', 'diameter', 'thickness', 'weight'].map((d) => `dim.${d}`),
      ...['cm', 'mm', 'in', 'm'].map((u) => `unit.${u}`),
      ...['identical', 'near_duplicate', 'similar', 'none'].map((l) => `level.${l}`),
      ...['redlist', 'inventory', 'report'].map((k) => `kind.${k}`),
      ...['queued', 'running', 'done', 'failed'].map((s) => `bulk.status.${s}`),
      ...['strong', 'possible', 'none', 'error'].map((c) => `bulk.count.${c}`),
    ];
    expect(dynamic.filter((k) => !(k in en))).toEqual([]);
  });

  it('keeps the standard disclaimers in every language', () => {
    for (const lang of LANGUAGES) {
      const m = messages(lang);
      for (const key of ['disclaimer.categories', 'disclaimer.check', 'disclaimer.certificates']) expect(String(m[key]).length).toBeGreaterThan(40);
    }
  });
});

describe('language choice', () => {
  it('prefers ?lang=, then the remembered choice, then the browser, then English', () => {
    expect(chooseLanguage({ url: 'ar', stored: 'fr', browser: ['es-ES'] })).toBe('ar');
    expect(chooseLanguage({ url: 'xx', stored: 'fr', browser: ['es-ES'] })).toBe('fr');
    expect(chooseLanguage({ stored: null, browser: ['de-DE', 'es-MX', 'en'] })).toBe('es');
    expect(chooseLanguage({ browser: ['ar_EG'] })).toBe('ar');
    expect(chooseLanguage({ browser: ['de', 'ja'] })).toBe('en');
  });

  it('takes record text in the language asked for, else English, else whatever the record has', () => {
    expect(pickText({ en: 'Tablet', fr: 'Tablette' }, 'fr')).toEqual(['Tablette', 'fr']);
    expect(pickText({ en: 'Tablet', fr: 'Tablette' }, 'ar')).toEqual(['Tablet', 'en']);
    expect(pickText({ es: 'Vasija' }, 'fr')).toEqual(['Vasija', 'es']);
    expect(pickText(undefined, 'fr')).toEqual(['', 'fr']);
  });
});
