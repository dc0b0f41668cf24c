import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATERIALS, matchMaterials } from '../../../src/domain/materials.js';
import { OBJECT_TYPES, matchObjectTypes, objectTypesOfName } from '../../../src/domain/object-types.js';
import {
  expandQuery, expandQueryToken, labelFor, labelsFor, narrowerKeys, VOCAB_LANGS,
} from '../../../src/domain/vocabulary.js';

const keysOf = (q: string): string[] => expandQuery(q).map((e) => e.key);
const materialKeys = (t: string, lang?: string): string[] => matchMaterials(t, lang).map((m) => m.key);
const typeKeys = (t: string, lang?: string): string[] => matchObjectTypes(t, lang).map((m) => m.key);

describe('query expansion', () => {
  it.each(['manuscrito', 'manuscrit', 'manuscript', 'Handschrift', 'مخطوطة', 'مخطوط', 'المخطوطات', 'рукопис', 'рукописи'])(
    '%s expands to manuscript',
    (q) => expect(keysOf(q)).toEqual(['manuscript']),
  );

  it.each(['ікона', 'icon', 'icône', 'icono', 'ícone', 'Ikone', 'أيقونة', 'ікони'])('%s expands to icon', (q) => {
    expect(keysOf(q)).toEqual(['icon']);
  });

  it('expands a cuneiform tablet, in several languages and with a typo', () => {
    for (const q of ['cuneiform tablet', 'tablette cunéiforme', 'cuneform tablet', 'tablilla cuneiforme', 'клинописна табличка']) {
      expect(keysOf(q).sort()).toEqual(['cuneiform', 'tablet']);
    }
  });

  it('expands the customs officer queries of the brief', () => {
    expect(keysOf('statuette bronze syrie').sort()).toEqual(['bronze', 'statuette']);
    expect(keysOf('manuscrito colonial')).toEqual(['manuscript']);
  });

  it.each([
    ['seal', ['seal', 'sceau', 'sello', 'selo', 'Siegel', 'ختم', 'печатка']],
    ['coin', ['coin', 'monnaie', 'moneda', 'moeda', 'Münze', 'عملة', 'монета', 'tetradrachm', 'dinar']],
    ['statuette', ['statuette', 'estatuilla', 'estatueta', 'Statuette', 'تمثال صغير', 'статуетка']],
    ['tablet', ['tablet', 'tablette', 'tablilla', 'tábua', 'Tafel', 'رقيم', 'табличка']],
    ['bronze', ['bronze', 'bronce', 'Bronze', 'برونز', 'бронза']],
  ])('%s is named in every language', (key, words) => {
    for (const w of words) expect(keysOf(w)).toContain(key);
  });

  it('returns every equivalent term, folded, in all languages', () => {
    const [manuscript] = expandQuery('рукопис');
    expect(manuscript?.kind).toBe('objectType');
    expect(manuscript?.terms).toEqual(expect.arrayContaining(['manuscript', 'manuscrit', 'manuscrito', 'handschrift', 'مخطوطه', 'рукопис']));
    expect(manuscript?.normalised).toContain('manuscrit');
  });

  it('prefers a phrase to its words', () => {
    expect(keysOf('cylinder seal')).toEqual(['cylinder-seal']);
    expect(keysOf('sceaux-cylindres')).toEqual(['cylinder-seal']);
  });

  it('gives every reading of a homograph when the language is unknown', () => {
    expect(keysOf('grès').sort()).toEqual(['sandstone', 'stoneware']);
  });

  it('expands a whole token only', () => {
    expect(expandQueryToken('limestone').map((e) => e.key)).toEqual(['limestone']);
    expect(expandQueryToken('white limestone')).toEqual([]);
  });
});

describe('hierarchy and labels', () => {
  it('lets broader keys reach narrower ones', () => {
    expect(narrowerKeys('metal')).toEqual(expect.arrayContaining(['bronze', 'copper', 'gold', 'silver', 'iron', 'lead', 'brass']));
    expect(narrowerKeys('stone')).toEqual(expect.arrayContaining(['limestone', 'marble', 'sandstone', 'alabaster', 'basalt', 'jade', 'lapis-lazuli']));
    expect(narrowerKeys('sculpture')).toEqual(expect.arrayContaining(['statuette', 'figurine', 'statue', 'head', 'bust', 'relief']));
    expect(narrowerKeys('manuscript')).toEqual(expect.arrayContaining(['codex', 'leaf']));
    expect(narrowerKeys('seal')).toEqual(expect.arrayContaining(['cylinder-seal', 'stamp-seal']));
    expect(narrowerKeys('bronze')).toEqual([]);
  });

  it('has a sound hierarchy and no phrase claimed by two entries', () => {
    for (const vocab of [MATERIALS, OBJECT_TYPES]) {
      expect(vocab.conflicts()).toEqual([]);
      for (const entry of vocab.entries.values()) {
        if (entry.broader) expect(vocab.entries.has(entry.broader)).toBe(true);
        expect(narrowerKeys(entry.key, vocab.kind)).not.toContain(entry.key);
      }
    }
    expect(MATERIALS.entries.size).toBeGreaterThanOrEqual(60);
    expect(OBJECT_TYPES.entries.size).toBeGreaterThanOrEqual(80);
  });

  it('labels common entries in all seven languages', () => {
    const common = ['manuscript', 'icon', 'tablet', 'seal', 'coin', 'statuette', 'sculpture', 'vessel', 'jewellery',
      'bronze', 'gold', 'silver', 'stone', 'ceramic', 'terracotta', 'wood', 'ivory', 'glass', 'textile', 'paper'];
    for (const key of common) for (const lang of VOCAB_LANGS) expect(labelsFor(key)?.[lang], `${key}/${lang}`).toBeTruthy();
    expect(labelFor('icon', 'uk')).toBe('Ікона');
    expect(labelFor('icon', 'zh')).toBe('Icon');
    expect(labelsFor('no-such-key')).toBeUndefined();
  });
});

describe('matching captions', () => {
  it('reads materials and types in each language', () => {
    expect(materialKeys('Tête, terre cuite, culture Nok')).toEqual(['terracotta']);
    expect(typeKeys('Tête, terre cuite, culture Nok')).toEqual(['head']);
    expect(materialKeys('Vaso cilíndrico, cerámica con engobe negro y rojo')).toEqual(['ceramic', 'slip']);
    expect(typeKeys('Cylinder seal with a ritual scene, haematite')).toEqual(['cylinder-seal']);
  });

  it('matches language-specific homographs only for that language', () => {
    expect(materialKeys('Worshipper or priest holding an offering bowl', 'en')).toEqual([]);
    expect(materialKeys('Pendentif, or et argent', 'fr')).toEqual(['gold', 'silver']);
    expect(materialKeys('Libro de coro, tinta y temple sobre pergamino', 'es')).toEqual(['ink', 'tempera', 'parchment']);
    expect(materialKeys('Statue du temple, grès', 'fr')).toEqual(['sandstone']);
  });

  it('ignores material words that name periods, techniques or places', () => {
    expect(materialKeys('Male votive figure, Middle Bronze Age')).toEqual([]);
    expect(materialKeys('fondu à la cire perdue')).toEqual([]);
    expect(typeKeys('quartzite with traces of gold leaf')).toEqual([]);
    expect(typeKeys('Female figure, mould-made terracotta')).toEqual(['figure']);
  });

  it('gives at least 90% of the sample captions a material or an object type', () => {
    let total = 0;
    const misses: string[] = [];
    const dir = 'ingest/sample/redlists/lists';
    interface Cat { illustrations?: { caption?: string; lang?: string }[]; subcategories?: Cat[] }
    const walk = (cats: Cat[] | undefined): void => {
      for (const c of cats ?? []) {
        for (const ill of c.illustrations ?? []) {
          if (!ill.caption?.trim()) continue;
          total += 1;
          const found = materialKeys(ill.caption, ill.lang).length + typeKeys(ill.caption, ill.lang).length;
          if (found === 0) misses.push(ill.caption);
        }
        walk(c.subcategories);
      }
    };
    for (const f of readdirSync(dir)) {
      const list = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { sections?: { categories: Cat[] }[] };
      for (const s of list.sections ?? []) walk(s.categories);
    }
    const hit = total - misses.length;
    console.log(`captions with a material or object type: ${hit}/${total} (${((100 * hit) / total).toFixed(1)}%)${misses.length ? `; misses:\n${misses.join('\n')}` : ''}`);
    expect(total).toBeGreaterThan(400);
    expect(hit / total).toBeGreaterThanOrEqual(0.9);
  });
});

describe('objectTypesOfName', () => {
  const keys = (name: string, lang?: string) => objectTypesOfName(name, lang).map((m) => m.key);

  it('takes the type from before what the object holds, carries or shows', () => {
    expect(keys('Worshipper or priest holding an offering bowl', 'en')).toEqual(['figure']);
    expect(keys('Stele with a Punic inscription', 'en')).toEqual(['stela']);
    expect(keys('Personnage assis tenant un sabre', 'fr')).toEqual(['figure']);
    expect(keys('Kero con asa en forma de jaguar', 'es')).toEqual(['cup']);
  });

  it('reads the whole name when nothing before the clause is a type', () => {
    expect(keys('Fragment with a bird and a bowl', 'en')).toEqual(typeKeys('Fragment with a bird and a bowl', 'en'));
    expect(keys('Fragment with a bird and a bowl', 'en')).toContain('bowl');
    expect(keys('Cylinder seal', 'en')).toEqual(['cylinder-seal']);
  });
});
