import { intToRoman } from '../roman.js';
import { def, type PeriodEntry } from './types.js';

const EG = ['EG'];
const NUBIA = ['EG', 'SD'];

/** Egypt and Nubia. Dates after the Oxford History of Ancient Egypt (Shaw) chronology. */
export const EGYPT: PeriodEntry[] = [
  def('period', 'eg-predynastic', [-5300, -3001], { en: 'Predynastic period', fr: 'Époque prédynastique', es: 'Período predinástico', ar: 'عصر ما قبل الأسرات', de: 'Prädynastische Zeit' }, ['predynastic', 'predynastique', 'predinastico', 'ما قبل الأسرات'], { region: EG }),
  def('period', 'eg-protodynastic', [-3200, -2686], { en: 'Protodynastic and Early Dynastic period', fr: 'Époque protodynastique et thinite', es: 'Período protodinástico', ar: 'العصر العتيق', de: 'Frühdynastische Zeit' }, ['protodynastic', 'protodynastique', 'early dynastic', 'archaic period', 'thinite', 'العتيق'], { region: EG }),
  def('period', 'eg-pharaonic', [-3100, -332], { en: 'Pharaonic period', fr: 'Époque pharaonique', es: 'Período faraónico', ar: 'العصر الفرعوني', de: 'Pharaonische Zeit' }, ['pharaonic', 'pharaonique', 'faraonico', 'الفرعوني'], { region: EG }),
  def('period', 'eg-old-kingdom', [-2686, -2181], { en: 'Old Kingdom', fr: 'Ancien Empire', es: 'Imperio Antiguo', ar: 'الدولة القديمة', uk: 'Давнє царство', de: 'Altes Reich', pt: 'Império Antigo' }, [], { region: EG }),
  def('period', 'eg-first-intermediate', [-2181, -2055], { en: 'First Intermediate Period', fr: 'Première Période intermédiaire', es: 'Primer Período Intermedio', ar: 'عصر الانتقال الأول', de: 'Erste Zwischenzeit' }, ['first intermediate'], { region: EG }),
  def('period', 'eg-middle-kingdom', [-2055, -1650], { en: 'Middle Kingdom', fr: 'Moyen Empire', es: 'Imperio Medio', ar: 'الدولة الوسطى', uk: 'Середнє царство', de: 'Mittleres Reich', pt: 'Império Médio' }, [], { region: EG }),
  def('period', 'eg-second-intermediate', [-1650, -1550], { en: 'Second Intermediate Period', fr: 'Deuxième Période intermédiaire', es: 'Segundo Período Intermedio', ar: 'عصر الانتقال الثاني', de: 'Zweite Zwischenzeit' }, ['second intermediate'], { region: EG }),
  def('period', 'eg-new-kingdom', [-1550, -1069], { en: 'New Kingdom', fr: 'Nouvel Empire', es: 'Imperio Nuevo', ar: 'الدولة الحديثة', uk: 'Нове царство', de: 'Neues Reich', pt: 'Império Novo' }, [], { region: EG }),
  def('period', 'eg-amarna', [-1353, -1336], { en: 'Amarna period', fr: 'Période amarnienne', es: 'Período de Amarna', ar: 'عصر العمارنة', de: 'Amarnazeit' }, ['amarna'], { region: EG }),
  def('period', 'eg-third-intermediate', [-1069, -664], { en: 'Third Intermediate Period', fr: 'Troisième Période intermédiaire', es: 'Tercer Período Intermedio', ar: 'عصر الانتقال الثالث', de: 'Dritte Zwischenzeit' }, ['third intermediate'], { region: EG }),
  def('period', 'eg-late-period', [-664, -332], { en: 'Late Period', fr: 'Basse Époque', es: 'Baja Época', ar: 'العصر المتأخر', uk: 'Пізнє царство', de: 'Spätzeit', pt: 'Época Baixa' }, ['late period', 'epoca baja', 'saite', 'saite period'], { region: EG }),
  def('period', 'eg-graeco-roman', [-332, 395], { en: 'Graeco-Roman period', fr: 'Époque gréco-romaine', es: 'Período grecorromano', ar: 'العصر اليوناني الروماني', de: 'Griechisch-römische Zeit' }, ['graeco-roman', 'greco-roman', 'greco roman', 'grecorromano', 'greco-romaine', 'العصر اليوناني الروماني'], { region: EG }),
  def('dynasty', 'eg-ptolemaic', [-332, -30], { en: 'Ptolemaic period', fr: 'Époque ptolémaïque', es: 'Período ptolemaico', ar: 'العصر البطلمي', uk: 'Птолемеївський період', de: 'Ptolemäerzeit', pt: 'Período ptolomaico' }, ['ptolemaic', 'ptolemaique', 'ptolemaico', 'lagid', 'lagide', 'البطلمي'], { region: EG }),
  def('culture', 'eg-coptic', [284, 641], { en: 'Coptic', fr: 'Copte', es: 'Copto', ar: 'القبطي', uk: 'Коптський', de: 'Koptisch', pt: 'Copta' }, ['coptic period', 'byzantine and coptic', 'القبطي'], { region: EG }),
  def('period', 'eg-byzantine', [395, 640], { en: 'Byzantine period', fr: 'Époque byzantine', es: 'Período bizantino', ar: 'العصر البيزنطي' }, ['byzantine', 'byzantin', 'bizantino', 'البيزنطي'], { region: EG }),
  def('culture', 'nubian', [-3800, 1500], { en: 'Nubian', fr: 'Nubien', es: 'Nubio', ar: 'النوبي', de: 'Nubisch' }, ['nubian era', 'النوبي'], { region: NUBIA }),
  def('culture', 'kerma', [-2500, -1500], { en: 'Kerma culture', fr: 'Culture de Kerma', es: 'Cultura Kerma', ar: 'حضارة كرمة' }, ['kerma'], { region: NUBIA }),
  def('period', 'napatan', [-750, -300], { en: 'Napatan period', fr: 'Époque napatéenne', es: 'Período napatense', ar: 'العصر النبتي' }, ['napatan'], { region: NUBIA }),
  def('period', 'meroitic', [-300, 350], { en: 'Meroitic period', fr: 'Époque méroïtique', es: 'Período meroítico', ar: 'العصر المروي' }, ['meroitic', 'meroitique'], { region: NUBIA }),
];

/** The thirty-one numbered dynasties, `eg-dynasty-1` … `eg-dynasty-31`. */
const DYNASTY_SPANS: [number, number][] = [
  [-3000, -2890], [-2890, -2686], [-2686, -2613], [-2613, -2494], [-2494, -2345], [-2345, -2181],
  [-2181, -2160], [-2181, -2160], [-2160, -2125], [-2125, -2025], [-2125, -1985], [-1985, -1773],
  [-1773, -1650], [-1773, -1650], [-1650, -1550], [-1650, -1580], [-1580, -1550], [-1550, -1295],
  [-1295, -1186], [-1186, -1069], [-1069, -945], [-945, -715], [-818, -715], [-727, -715],
  [-747, -656], [-664, -525], [-525, -404], [-404, -399], [-399, -380], [-380, -343], [-343, -332],
];

function ordinalEn(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export const EGYPT_DYNASTIES: PeriodEntry[] = DYNASTY_SPANS.map(([a, b], i) => {
  const n = i + 1;
  const roman = intToRoman(n);
  return def('dynasty', `eg-dynasty-${n}`, [a, b], {
    en: `${ordinalEn(n)} Dynasty`,
    fr: `${roman}${n === 1 ? 're' : 'e'} dynastie`,
    es: `Dinastía ${roman}`,
    ar: `الأسرة ${n}`,
    de: `${n}. Dynastie`,
    pt: `${roman} Dinastia`,
  }, [], { region: EG });
});

/** The numbered dynasty `n` (1–31), if any. */
export function egyptianDynasty(n: number): PeriodEntry | undefined {
  return Number.isInteger(n) && n >= 1 && n <= 31 ? EGYPT_DYNASTIES[n - 1] : undefined;
}
