import { labelsFor, VOCAB_LANGS } from '../../src/domain/vocabulary.js';
import type { CanonicalRecord, VocabTerm } from '../../src/schemas/record.js';
import { countryLabel } from '../../src/search/domain-real.js';
import type { ListDoc } from '../../src/search/reference.js';
import { record } from './search-factory.js';

/**
 * A small, hand-made corpus in the shape of the sample Red Lists (several languages, emergency and
 * ordinary lists, nested categories, measurements in cm and inches, dates BCE/CE), for the search
 * integration tests that need exact control over what is indexed.
 */

export const term = (key: string): VocabTerm => ({ key, label: labelsFor(key) ?? { en: key } });

/** Every name of a country in the interface languages, as the ingest puts in `search.place`. */
export const countryNames = (code: string): string[] => [...new Set(VOCAB_LANGS.map((l) => countryLabel(code, l)))];

const iraq = { id: 'iraq-2015', title: { en: 'Emergency Red List of Iraqi Cultural Objects at Risk', fr: 'Liste rouge d’urgence des biens culturels iraquiens en péril' }, year: 2015, emergency: true };
const syria = { id: 'syria-2013', title: { en: 'Emergency Red List of Syrian Cultural Objects at Risk' }, year: 2013, emergency: true };
const peru = { id: 'peru-2007', title: { en: 'Red List of Peruvian Antiquities at Risk', es: 'Lista Roja de Antigüedades Peruanas en Peligro' }, year: 2007, emergency: false };
const ukraine = { id: 'ukraine-2022', title: { en: 'Emergency Red List of Cultural Objects at Risk – Ukraine' }, year: 2022, emergency: true };

const cat = (key: string, en: string, fr?: string): { key: string; label: Record<string, string> } => ({ key, label: fr ? { en, fr } : { en } });
const writing = cat('iraq-2015/writing', 'Writing', 'Écriture');
const tablets = cat('iraq-2015/writing/tablets-cones-and-foundation-documents', 'Tablets, cones and foundation documents', 'Tablettes, cônes et documents de fondation');
const manuscripts = cat('iraq-2015/writing/manuscripts', 'Manuscripts', 'Manuscrits');
const figurines = cat('syria-2013/statuary', 'Statuary', 'Statuaire');

export const CORPUS: CanonicalRecord[] = [
  record('iraq-2015-01', {
    list: iraq,
    category: [writing, tablets],
    objectType: [term('tablet')],
    title: { en: 'Cuneiform tablet' },
    description: { en: 'Clay tablet with cuneiform script, Old Babylonian period.' },
    materials: [term('clay')],
    measurements: { dimensions: [{ dimension: 'height', mm: 65, source: '6.5 x 6 cm' }] },
    date: { earliest: -2000, latest: -1600, periods: [] },
    places: { countries: ['IQ'], regions: [], sites: [], cultures: [] },
    emergency: { active: true, zone: ['IQ'] },
  }),
  record('iraq-2015-02', {
    list: iraq,
    category: [writing, manuscripts],
    objectType: [term('manuscript')],
    title: { en: 'Illuminated Qur’an manuscript', ar: 'مخطوطة قرآنية مزخرفة' },
    description: { en: 'Manuscript on paper with gold illumination, 17th century.' },
    materials: [term('paper')],
    date: { earliest: 1601, latest: 1700, periods: [] },
    places: { countries: ['IQ'], regions: [], sites: [], cultures: [] },
    emergency: { active: true, zone: ['IQ'] },
  }),
  record('syria-2013-05', {
    list: syria,
    category: [figurines],
    objectType: [term('statuette')],
    title: { en: 'Bronze statuette of a standing god' },
    description: { en: 'Cast bronze figure of a god with raised arm.' },
    materials: [term('bronze')],
    measurements: { dimensions: [{ dimension: 'height', mm: 241.3, source: 'H: 9 1/2 in.' }] },
    date: { earliest: -1400, latest: -1200, periods: [] },
    places: { countries: ['SY'], regions: [], sites: ['Ugarit'], cultures: [] },
    emergency: { active: true, zone: ['SY'] },
    images: [{ sha256: 'a'.repeat(64), width: 300, height: 400, format: 'jpeg', source: 'syria-2013-05.jpg' }],
  }),
  record('syria-2013-06', {
    list: syria,
    category: [figurines],
    objectType: [term('statuette')],
    title: { en: 'Limestone statuette of a seated woman' },
    materials: [term('limestone')],
    measurements: { dimensions: [{ dimension: 'height', mm: 300, source: 'H. 30 cm' }] },
    date: { earliest: -2500, latest: -2300, periods: [] },
    places: { countries: ['SY'], regions: [], sites: ['Mari'], cultures: [] },
    emergency: { active: true, zone: ['SY'] },
  }),
  record('peru-2007-10', {
    list: peru,
    category: [cat('peru-2007/documentos', 'Documents', 'Documents')],
    objectType: [term('manuscript')],
    title: { es: 'Manuscrito colonial con sello', en: 'Colonial manuscript with seal' },
    materials: [term('paper')],
    date: { earliest: 1650, latest: 1750, periods: [] },
    places: { countries: ['PE'], regions: [], sites: ['Cusco'], cultures: [] },
  }),
  record('ukraine-2022-04', {
    list: ukraine,
    category: [cat('ukraine-2022/icons', 'Icons')],
    objectType: [term('icon')],
    title: { uk: 'Ікона Богородиці', en: 'Icon of the Mother of God' },
    materials: [term('wood')],
    measurements: { dimensions: [{ dimension: 'height', mm: 310, source: '31 x 25 cm' }] },
    date: { earliest: 1701, latest: 1800, periods: [] },
    places: { countries: ['UA'], regions: [], sites: [], cultures: [] },
    emergency: { active: true, zone: ['UA'] },
  }),
  record('walters-48-1722', {
    kind: 'inventory',
    objectType: [term('tablet')],
    title: { en: 'Tablet fragment' },
    materials: [term('clay')],
    places: { countries: ['IQ'], regions: [], sites: [], cultures: [] },
    holder: { institution: 'Walters Art Museum', inventoryNumber: '48.1722' },
    source: { name: 'walters', file: 'walters.jsonl' },
  }),
];

export const LISTS: ListDoc[] = [
  { ...iraq, sections: [{ categories: [{ ...writing, children: [tablets, manuscripts].map((c) => ({ ...c, children: [] })) }] }], coverage: { countries: ['IQ'], regions: [], verbatim: ['Iraq'] }, zone: ['IQ'], languages: ['en', 'ar', 'fr'], legislation: [{ country: 'Iraq', countryCode: 'IQ', text: 'Law No. 55 of 2002' }], contacts: [{ name: 'Iraq Museum', city: 'Baghdad' }], suspiciousCharacteristics: [{ en: 'Iraq Museum numbers beginning with IM', fr: 'Numéros du Musée de l’Iraq commençant par IM' }] },
  { ...syria, sections: [{ categories: [{ ...figurines, children: [] }] }], coverage: { countries: ['SY'], regions: [], verbatim: ['Syria'] }, zone: ['SY'] },
  { ...peru, sections: [{ categories: [{ key: 'peru-2007/documentos', label: { en: 'Documents', es: 'Documentos' }, children: [] }] }], coverage: { countries: ['PE'], regions: [], verbatim: ['Perú'] }, zone: [] },
  { ...ukraine, sections: [{ categories: [{ key: 'ukraine-2022/icons', label: { en: 'Icons', uk: 'Ікони' }, children: [] }] }], coverage: { countries: ['UA'], regions: [], verbatim: ['Ukraine'] }, zone: ['UA'] },
];
