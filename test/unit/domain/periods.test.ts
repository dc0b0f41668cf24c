import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPeriods, periodByKey, PERIODS } from '../../../src/domain/periods.js';

const keys = (text: string, regions?: string[]): string[] =>
  findPeriods(text, regions ? { regions } : {}).map((m) => m.entry.key);

describe('the gazetteer data', () => {
  it('has unique keys, English labels and sane spans', () => {
    const seen = new Set<string>();
    for (const p of PERIODS) {
      expect(seen.has(p.key), p.key).toBe(false);
      seen.add(p.key);
      expect(p.key).toMatch(/^[a-z0-9-]+$/);
      expect(p.label.en.length, p.key).toBeGreaterThan(0);
      expect(p.earliest, p.key).toBeLessThanOrEqual(p.latest);
      expect(p.earliest, p.key).not.toBe(0);
      expect(p.latest, p.key).not.toBe(0);
      for (const r of p.region ?? []) expect(r).toMatch(/^[A-Z]{2}$/);
    }
    expect(periodByKey('fatimid')?.label.ar).toBe('العصر الفاطمي');
    expect(periodByKey('eg-dynasty-18')?.label.fr).toBe('XVIIIe dynastie');
    expect(periodByKey('nope')).toBeUndefined();
  });
});

/** Every period, dynasty and cultural-era name printed in the sample lists (captions, dates, headings). */
const SAMPLE_NAMES: [string, string][] = [
  ['Pre-Islamic period', 'pre-islamic'], ['Islamic period', 'islamic'], ['Kushan period', 'kushan'],
  ['Gandharan', 'gandharan'], ['Kushano-Sasanian', 'kushano-sasanian'], ['Graeco-Bactrian', 'graeco-bactrian'],
  ['Timurid', 'timurid'], ['Ghaznavid', 'ghaznavid'], ['Samanid period', 'samanid'], ['Ghurid', 'ghurid'],
  ['culture Nok', 'nok'], ['Ife', 'ife'], ['Esie', 'esie'], ['système Bura', 'bura'], ['Komaland', 'koma'], ['Sao culture', 'sao'],
  ['prehistoric period', 'prehistoric'], ['Iron Age', 'iron-age'], ['Pre-Angkorian', 'kh-pre-angkorian'],
  ['Angkorian period', 'kh-angkorian'], ['Post-Angkorian', 'kh-post-angkorian'], ['Preah Ko', 'kh-preah-ko'],
  ['Bayon style', 'kh-bayon'], ['Baphuon style', 'kh-baphuon'], ['Angkor Wat style', 'kh-angkor-wat'],
  ['Sambor Prei Kuk style', 'kh-sambor-prei-kuk'], ['Khmer', 'khmer'],
  ['Época prehispánica', 'precolumbian'], ['maya', 'maya'], ['Clásico Tardío', 'meso-late-classic'],
  ['Clásico Temprano', 'meso-early-classic'], ['Early Classic', 'meso-early-classic'], ['Teotihuacan', 'teotihuacan'],
  ['Diquís', 'diquis'], ['Período VI', 'cr-period-vi'], ['Período IV', 'cr-period-iv'], ['estilo Macaracas', 'macaracas'],
  ['zapoteca', 'zapotec'], ['olmeca', 'olmec'], ['Las Bocas', 'las-bocas'], ['Preclásico Temprano', 'meso-early-formative'],
  ['Preclásico Tardío', 'meso-late-formative'], ['Nayarit', 'west-mexico-shaft-tomb'], ['Colima', 'west-mexico-shaft-tomb'],
  ['Remojadas', 'remojadas'], ['Posclásico', 'meso-postclassic'], ['Gran Chiriquí', 'gran-chiriqui'], ['Clásico', 'meso-classic'],
  ['Formativo Temprano', 'meso-early-formative'], ['Época colonial', 'colonial'], ['Época republicana', 'republican'],
  ['Tang dynasty', 'cn-tang'], ['Sui dynasty', 'cn-sui'], ['Northern Song dynasty', 'cn-northern-song'], ['Ming dynasty', 'cn-ming'],
  ['Longqing period', 'cn-longqing'], ['Zhou dynasty', 'cn-zhou'], ['Northern Qi dynasty', 'cn-northern-qi'], ['Song dynasty', 'cn-song'],
  ['Shang dynasty', 'cn-shang'], ['Western Zhou dynasty', 'cn-western-zhou'], ['Eastern Zhou dynasty', 'cn-eastern-zhou'],
  ['Qing dynasty', 'cn-qing'], ['Neolithic', 'neolithic'], ['Jin dynasty', 'cn-jin'], ['Han dynasty', 'cn-han'],
  ['Warring States period', 'cn-warring-states'], ['Tairona', 'tairona'], ['Nariño', 'carchi'], ['periodo tardío', 'co-late-period'],
  ['Zenú', 'zenu'], ['San Agustín', 'san-agustin'], ['periodo Horqueta', 'co-horqueta'], ['Chimila', 'chimila'],
  ['Tumaco-La Tolita', 'tolita'], ['estilo Calima', 'calima'], ['Darién', 'darien'], ['Tolima', 'tolima'], ['Quimbaya', 'quimbaya'],
  ['Muisca', 'muisca'], ['Late Intermediate period', 'andes-late-intermediate'], ['periodo Yotoco', 'co-yotoco'],
  ['Alto Magdalena', 'san-agustin'], ['escuela santafereña', 'santafe-school'], ['Escuela quiteña', 'quito-school'],
  ['Escuela cuzqueña', 'cuzco-school'], ['Nuevo Reino de Granada', 'co-colonial'], ['New Kingdom of Granada', 'co-colonial'],
  ['cultura taína', 'taino'], ['estilo Chicoide', 'chicoid'], ['Taïno', 'taino'], ['style de Meillac', 'meillacoid'],
  ['Predynastic', 'eg-predynastic'], ['Protodynastic', 'eg-protodynastic'], ['Pharaonic', 'eg-pharaonic'], ['Nubian era', 'nubian'],
  ['Old Kingdom', 'eg-old-kingdom'], ['Late Period', 'eg-late-period'], ['Middle Kingdom', 'eg-middle-kingdom'],
  ['Meroitic period', 'meroitic'], ['New Kingdom', 'eg-new-kingdom'], ['Graeco-Roman era', 'eg-graeco-roman'],
  ['Ptolemaic', 'eg-ptolemaic'], ['Roman Imperial period', 'roman-imperial'], ['Coptic', 'eg-coptic'], ['Mamluk', 'mamluk'],
  ['Fatimid', 'fatimid'], ['Ottoman period', 'ottoman'], ['Pre-Columbian', 'precolumbian'], ['Old Babylonian period', 'old-babylonian'],
  ['Ur III period', 'ur-iii'], ['Lagash II', 'lagash-ii'], ['Neo-Sumerian', 'neo-sumerian'], ['Isin-Larsa', 'isin-larsa'],
  ['Early Dynastic', 'early-dynastic'], ['Akkadian', 'akkadian'], ['Kassite', 'kassite'], ['Middle Babylonian', 'kassite'],
  ['Neo-Assyrian', 'neo-assyrian'], ['Neo-Babylonian', 'neo-babylonian'], ['Ubaid period', 'ubaid'], ['Protoliterate period', 'protoliterate'],
  ['Halaf period', 'halaf'], ['Sasanian period', 'sasanian'], ['Abbasid', 'abbasid'], ['late Uruk', 'uruk'], ['Sumerian', 'sumerian'],
  ['Jamdet Nasr period', 'jemdet-nasr'], ['Middle Assyrian', 'middle-assyrian'], ['Babylonian', 'babylonian'], ['Parthian period', 'parthian'],
  ['Seljuk', 'seljuk'], ['Seleucid', 'seleucid'], ['Chorrera', 'chorrera'], ['Carchi', 'carchi'], ['Tiwanaku', 'tiwanaku'],
  ['Middle Horizon', 'andes-middle-horizon'], ['Valdivia', 'valdivia'], ['moche', 'moche'], ['Tlatilco', 'tlatilco'],
  ['Early Formative', 'meso-early-formative'], ['Jama-Coaque', 'jama-coaque'], ['chancay', 'chancay'], ['Formativo Tardío', 'meso-late-formative'],
  ['estilo chontal', 'chontal'], ['Mezcala style', 'mezcala'], ['estilo Guanacaste-Nicoya', 'greater-nicoya'], ['Paracas', 'paracas'],
  ['estilo inca', 'inca'], ['Jesuit-Guaraní missions', 'jesuit-guarani-missions'], ['Pastoral period', 'pastoral'],
  ['Hellenistic', 'hellenistic'], ['époque romaine', 'roman'], ['Severan period', 'severan'], ['Punic', 'punic'],
  ['Late Antique', 'late-antique'], ['Byzantine', 'byzantine'], ['Early Horizon', 'andes-early-horizon'], ['Chavín', 'chavin'],
  ['Cupisnique', 'cupisnique'], ['Early Intermediate Period', 'andes-early-intermediate'], ['Nasca', 'nasca'], ['Recuay', 'recuay'],
  ['Late Horizon', 'andes-late-horizon'], ['Wari', 'wari'], ['Huari', 'wari'], ['Chimú', 'chimu'], ['Inca', 'inca'],
  ['Intermedio Temprano', 'andes-early-intermediate'], ['Horizonte Medio', 'andes-middle-horizon'], ['Chimú-Inka', 'chimu-inca'],
  ['Intermedio Tardío', 'andes-late-intermediate'], ['Sicán', 'sican'], ['Horizonte Tardío', 'andes-late-horizon'],
  ['Colonial period', 'colonial'], ['Republican period', 'republican'], ['Canaanite', 'canaanite'], ['Middle Bronze Age', 'middle-bronze-age'],
  ['Palmyrene', 'palmyrene'], ['Roman period', 'roman'], ['Augustan period', 'augustan'], ['Ayyubid', 'ayyubid'], ['Umayyad', 'umayyad'],
  ['Syro-Palestinian', 'syro-palestinian'], ['Raqqa ware', 'raqqa-ware'], ['Trypillia culture', 'trypillia'], ['Scythian', 'scythian'],
  ['Sarmatian', 'sarmatian'], ['Bosporan Kingdom', 'bosporan-kingdom'], ['Migration period', 'migration-period'],
  ['Kyivan Rus', 'kyivan-rus'], ['Kievan Rus', 'kyivan-rus'], ['Ostrogothic', 'ostrogothic'], ['Crimean Tatar', 'crimean-khanate'],
  ['Ukrainian People’s Republic', 'ukrainian-peoples-republic'], ['Néolithique', 'neolithic'], ['style Sokoto', 'sokoto'],
  ['royaume du Bénin', 'benin-kingdom'], ['Kingdom of Benin', 'benin-kingdom'], ['Bankoni style', 'bankoni'], ['Tellem', 'tellem'],
  ['sites mégalithiques de Sénégambie', 'senegambian-megaliths'], ['Late Bronze Age', 'late-bronze-age'],
  ['Prehistory and Ancient History', 'prehistoric'], ['Contemporary art', 'contemporary'], ['Colonial and national periods', 'colonial'],
  ['العصر الإسلامي', 'islamic'], ['العصر اليوناني الروماني', 'eg-graeco-roman'], ['العصر البيزنطي', 'byzantine'],
];

describe('names printed in the sample lists', () => {
  it.each(SAMPLE_NAMES)('%s → %s', (name, key) => {
    expect(keys(name)[0]).toBe(key);
  });

  it('covers every period-like heading of the sample lists', () => {
    const dir = new URL('../../../ingest/sample/redlists/lists/', import.meta.url);
    const headings: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const list = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { sections: { heading?: Record<string, string> }[] };
      for (const s of list.sections) if (s.heading?.en && /period|era\b|heritage|art\b/i.test(s.heading.en)) headings.push(s.heading.en);
    }
    expect(headings.length).toBeGreaterThan(15);
    for (const h of headings) expect(findPeriods(h).length, h).toBeGreaterThan(0);
  });
});

describe('findPeriods matching', () => {
  it('takes generic words and offsets into the match', () => {
    const text = 'Bowl, Samanid period, 10th c.';
    const [m] = findPeriods(text);
    expect(m?.text).toBe('Samanid period');
    expect(text.slice(m?.start, m?.end)).toBe('Samanid period');
  });

  it('needs a generic word for names that are also ordinary words', () => {
    expect(keys('Song–Jin period')).toEqual(['cn-song', 'cn-jin']);
    expect(keys('Yuan–Ming dynasty')).toEqual(['cn-yuan', 'cn-ming']);
    expect(keys("Tang [T'ang] Dynasty")).toContain('cn-tang');
    expect(keys('a song of praise')).toEqual([]);
    expect(keys('state of Qi')).toEqual([]);
    expect(keys('Sao, Tchad')).toEqual([]);
  });

  it('does not join names across commas or brackets', () => {
    expect(keys('Diquís, Período VI (1000–1500 d.C.)')).toEqual(['diquis', 'cr-period-vi']);
    expect(keys('Calima, periodo Yotoco')).toEqual(['calima', 'co-yotoco']);
  });

  it('recognises numbered Egyptian dynasties in several notations', () => {
    expect(keys('late 25th–26th Dynasty')).toEqual(['eg-dynasty-25', 'eg-dynasty-26']);
    expect(keys('Middle Kingdom (11th–early 12th Dynasty)')).toEqual(['eg-middle-kingdom', 'eg-dynasty-11', 'eg-dynasty-12']);
    expect(keys('XVIIIe dynastie')).toEqual(['eg-dynasty-18']);
    expect(keys('dinastía XVIII')).toEqual(['eg-dynasty-18']);
    expect(keys('الأسرة 18')).toEqual(['eg-dynasty-18']);
    expect(keys('1st Dynasty of Isin')).toEqual(['isin-i']);
  });

  it('chooses the regional reading when regions are given', () => {
    expect(keys('Colonial period', ['DO'])).toEqual(['do-colonial']);
    expect(keys('Colonial period', ['PE'])).toEqual(['pe-colonial']);
    expect(keys('Islamic period', ['EG'])).toEqual(['eg-islamic']);
    expect(keys('Prehistoric period', ['KH'])).toEqual(['kh-prehistoric']);
    expect(keys('Formativo Tardío', ['EC'])).toEqual(['ec-late-formative']);
    expect(keys('Colonial period')).toEqual(['colonial']);
  });

  it('returns nothing for empty or unrelated text', () => {
    expect(findPeriods('')).toEqual([]);
    expect(findPeriods('bronze, H. 24 cm')).toEqual([]);
  });
});
