import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, chooseLanguage, pickText, pluralForm } from '../../../src/web/js/i18n.js';

const WEB = join(import.meta.dirname, '../../../src/web');
type Message = string | Record<string, string>;
const messages = (lang: string): Record<string, Message> => JSON.parse(readFileSync(join(WEB, 'i18n', `${lang}.json`), 'utf8'));
const placeholders = (m: Message) => [...new Set((typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();

describe('interface messages', () => {
  const en = messages('en');

  it('offers every language the API has labels in, each with a message file and a chooser entry', () => {
    expect([...LANGUAGES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'pt', 'uk']);
    const files = readdirSync(join(WEB, 'i18n')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...LANGUAGES].sort());
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const options = [...html.matchAll(/<option value="(\w+)" lang="(\w+)">/g)].map((m) => [m[1], m[2]]);
    expect(options.map(([value]) => value)).toEqual([...LANGUAGES]);
    expect(options.every(([value, lang]) => value === lang)).toBe(true);
  });

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

  it.each(LANGUAGES)('%s has a plural form of its own for every whole count, and only known forms', (lang) => {
    const rules = new Intl.PluralRules(lang);
    const categories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
    for (const [key, m] of Object.entries(messages(lang))) {
      if (typeof m !== 'object') continue;
      expect(Object.keys(m).filter((form) => !categories.has(form) && !/^=\d+$/.test(form)), `${lang} ${key}`).toEqual([]);
      // Counts the page shows are whole numbers; a language's category for one must be written out
      // (Ukrainian 21 is "one", 22 "few", 25 "many"), not left to the "other" fallback.
      for (let n = 0; n <= 1000; n++) {
        const category = rules.select(n);
        if (!(`=${n}` in m)) expect(m[category], `${lang} ${key} ${category} (${n})`).toBeTruthy();
      }
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
    expect(chooseLanguage({ stored: null, browser: ['it-IT', 'es-MX', 'en'] })).toBe('es');
    expect(chooseLanguage({ browser: ['ar_EG'] })).toBe('ar');
    expect(chooseLanguage({ browser: ['uk-UA', 'ru'] })).toBe('uk');
    expect(chooseLanguage({ browser: ['de-AT'] })).toBe('de');
    expect(chooseLanguage({ browser: ['pt-BR'] })).toBe('pt');
    expect(chooseLanguage({ url: 'UK' })).toBe('uk');
    expect(chooseLanguage({ browser: ['it', 'ja'] })).toBe('en');
  });

  it('chooses a plural form by exact count, then by the plural category of the language, then "other"', () => {
    const pt = new Intl.PluralRules('pt');
    const results = { '=0': 'Nenhum resultado', one: '{count} resultado', other: '{count} resultados' };
    expect(pluralForm(results, 0, pt)).toBe('Nenhum resultado');
    expect(pluralForm(results, 1, pt)).toBe('{count} resultado');
    expect(pluralForm(results, 2, pt)).toBe('{count} resultados');
    const uk = new Intl.PluralRules('uk');
    const ukForms = { one: 'збіг', few: 'збіги', many: 'збігів', other: 'збігу' };
    expect([1, 2, 5, 21, 22, 25, 111].map((n) => pluralForm(ukForms, n, uk))).toEqual(['збіг', 'збіги', 'збігів', 'збіг', 'збіги', 'збігів', 'збігів']);
    expect(pluralForm({ one: 'x', other: 'y' }, '3', new Intl.PluralRules('de'))).toBe('y');
    expect(pluralForm({ other: 'y' }, 1, new Intl.PluralRules('de'))).toBe('y');
  });

  it('takes record text in the language asked for, else English, else whatever the record has', () => {
    expect(pickText({ en: 'Tablet', fr: 'Tablette' }, 'fr')).toEqual(['Tablette', 'fr']);
    expect(pickText({ en: 'Tablet', fr: 'Tablette' }, 'ar')).toEqual(['Tablet', 'en']);
    expect(pickText({ es: 'Vasija' }, 'fr')).toEqual(['Vasija', 'es']);
    expect(pickText(undefined, 'fr')).toEqual(['', 'fr']);
  });
});
