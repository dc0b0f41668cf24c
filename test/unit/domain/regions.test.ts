import { describe, expect, it } from 'vitest';
import {
  findRegions, REGION_BY_KEY, REGION_LANGS, regionConflicts, regionLabelIn, REGIONS, resolveRegion,
} from '../../../src/domain/regions.js';

describe('region labels', () => {
  it('labels every region in every interface language, English as before', () => {
    expect(REGION_LANGS).toEqual(['en', 'fr', 'es', 'pt', 'de', 'uk', 'ar']);
    for (const r of REGIONS) {
      for (const lang of REGION_LANGS) expect(r.labels[lang], `${r.key} ${lang}`).toMatch(/\S/u);
      expect(r.labels.en).toBe(r.label);
      expect(Object.keys(r.labels).sort()).toEqual([...REGION_LANGS].sort());
    }
  });

  it('writes labels in the script of their language', () => {
    for (const r of REGIONS) {
      expect(r.labels.uk, r.key).toMatch(/^[\u0400-\u04ff’'() -]+$/u);
      expect(r.labels.ar, r.key).toMatch(/^[\u0600-\u06ff ]+$/u);
      for (const lang of ['fr', 'es', 'pt', 'de'] as const) expect(r.labels[lang], `${r.key} ${lang}`).toMatch(/^[\p{Script=Latin}’' -]+$/u);
    }
  });

  it('uses the established name in each language', () => {
    const spot: [string, string, string][] = [
      ['mesopotamia', 'fr', 'Mésopotamie'],
      ['inner-niger-delta', 'fr', 'Delta intérieur du Niger'],
      ['khorasan', 'fr', 'Khorassan'],
      ['levant', 'fr', 'Levant'],
      ['mesopotamia', 'es', 'Mesopotamia'],
      ['khorasan', 'es', 'Jorasán'],
      ['hispaniola', 'es', 'La Española'],
      ['mesopotamia', 'pt', 'Mesopotâmia'],
      ['bactria', 'pt', 'Báctria'],
      ['caribbean', 'pt', 'Caribe'],
      ['mesopotamia', 'de', 'Mesopotamien'],
      ['bohemia', 'de', 'Böhmen'],
      ['ottoman-empire', 'de', 'Osmanisches Reich'],
      ['mesopotamia', 'uk', 'Месопотамія'],
      ['kyivan-rus', 'uk', 'Київська Русь'],
      ['scythia', 'uk', 'Скіфія'],
      ['mesopotamia', 'ar', 'بلاد الرافدين'],
      ['levant', 'ar', 'بلاد الشام'],
      ['nubia', 'ar', 'النوبة'],
      ['nubia', 'en', 'Nubia'],
    ];
    for (const [key, lang, label] of spot) expect(regionLabelIn(key, lang), `${key} ${lang}`).toBe(label);
  });

  it('falls back to English for other languages and takes a regional tag by its language', () => {
    expect(regionLabelIn('inner-niger-delta', 'zh')).toBe('Inner Niger Delta');
    expect(regionLabelIn('inner-niger-delta', '')).toBe('Inner Niger Delta');
    expect(regionLabelIn('inner-niger-delta', 'fr-CA')).toBe('Delta intérieur du Niger');
    expect(regionLabelIn('khorasan', 'AR')).toBe('خراسان');
  });

  it('has no label for an unknown key', () => {
    expect(regionLabelIn('narnia', 'fr')).toBeUndefined();
    expect(regionLabelIn('', 'en')).toBeUndefined();
    expect(regionLabelIn('Mesopotamia', 'en')).toBeUndefined();
  });
});

describe('labels as names', () => {
  it('resolves every label of every region to that region', () => {
    for (const r of REGIONS) for (const lang of REGION_LANGS) expect(resolveRegion(r.labels[lang])?.key, `${r.key} ${lang}`).toBe(r.key);
    expect(regionConflicts()).toEqual([]);
  });

  it('finds a region typed as its new label, in any case and without accents', () => {
    expect(resolveRegion('Delta intérieur du Niger')?.key).toBe('inner-niger-delta');
    expect(resolveRegion('delta interieur du niger')?.key).toBe('inner-niger-delta');
    expect(resolveRegion('Bassin du lac Tchad')?.key).toBe('lake-chad');
    expect(resolveRegion('Empire kouchan')?.key).toBe('kushan');
    expect(resolveRegion('Imperio jemer')?.key).toBe('khmer');
    expect(resolveRegion('Vizekönigreich Peru')?.key).toBe('viceroyalty-peru');
    expect(resolveRegion('Внутрішня дельта Нігеру')?.key).toBe('inner-niger-delta');
    expect(resolveRegion('حوض بحيرة تشاد')?.key).toBe('lake-chad');
    expect(resolveRegion('بلاد آشور')?.key).toBe('assyria');
    expect(findRegions('Statuette, terre cuite, Bassin du lac Tchad').map((m) => m.key)).toEqual(['lake-chad']);
  });

  it('adds each label once and keeps the names it had', () => {
    const mesopotamia = REGION_BY_KEY.get('mesopotamia');
    expect(mesopotamia?.names.filter((n) => n === 'Mésopotamie')).toHaveLength(1);
    expect(mesopotamia?.names).toEqual(expect.arrayContaining(['Mesopotamia', 'Межиріччя', 'mesopotâmico']));
    expect(REGION_BY_KEY.get('lake-chad')?.names).toEqual(expect.arrayContaining(['Lake Chad', 'Tschadbecken', 'Sao']));
  });

  it('still does not take a country or an unrelated word for a region', () => {
    expect(resolveRegion('Niger')).toBeUndefined();
    expect(resolveRegion('Chad')).toBeUndefined();
    expect(resolveRegion('Peru')).toBeUndefined();
    expect(resolveRegion('delta')).toBeUndefined();
    expect(resolveRegion('Empire')).toBeUndefined();
    expect(findRegions('São Paulo, Brazil')).toEqual([]);
  });
});
