import { PhraseIndex, phraseKey } from './phrase-index.js';

/**
 * Historical and cultural regions that captions and inventories name instead of a modern country
 * (Mesopotamia, Bactria, Nubia…), each with the modern countries it lies in. Kept apart from the
 * country gazetteer: a region is a hint, not a country of origin, and most are ambiguous (the
 * note says how). The first country is the one the region mostly corresponds to.
 */
export interface Region {
  key: string;
  /** English label (the same as `labels.en`). */
  label: string;
  /** The region's name in each interface language, as encyclopedias in that language write it. */
  labels: Readonly<Record<RegionLang, string>>;
  countries: readonly string[];
  /** Spellings and adjectives in any language (every label among them), matched after fold + stem. */
  names: readonly string[];
  note: string;
}

/** Interface languages every region is labelled in. */
export const REGION_LANGS = ['en', 'fr', 'es', 'pt', 'de', 'uk', 'ar'] as const;
export type RegionLang = (typeof REGION_LANGS)[number];

/**
 * Labels other than English, `'fr|es|pt|de|uk|ar'`: the established name of the region in each
 * language (Portuguese as in Brazil, like the country labels; the European spelling, when it
 * differs by more than accents, is among the names). Where a language has no name of its own,
 * the usual transliteration.
 */
const LABELS: Readonly<Record<string, string>> = {
  mesopotamia: 'Mésopotamie|Mesopotamia|Mesopotâmia|Mesopotamien|Месопотамія|بلاد الرافدين',
  sumer: 'Sumer|Sumeria|Suméria|Sumer|Шумер|سومر',
  akkad: 'Akkad|Acad|Acádia|Akkad|Аккад|أكاد',
  babylonia: 'Babylonie|Babilonia|Babilônia|Babylonien|Вавилонія|بلاد بابل',
  assyria: 'Assyrie|Asiria|Assíria|Assyrien|Ассирія|بلاد آشور',
  persia: 'Perse|Persia|Pérsia|Persien|Персія|بلاد فارس',
  khorasan: 'Khorassan|Jorasán|Coração|Chorasan|Хорасан|خراسان',
  anatolia: 'Anatolie|Anatolia|Anatólia|Anatolien|Анатолія|الأناضول',
  cilicia: 'Cilicie|Cilicia|Cilícia|Kilikien|Кілікія|قيليقية',
  cappadocia: 'Cappadoce|Capadocia|Capadócia|Kappadokien|Каппадокія|كبادوكيا',
  levant: 'Levant|Levante mediterráneo|Levante|Levante|Левант|بلاد الشام',
  canaan: 'Canaan|Canaán|Canaã|Kanaan|Ханаан|كنعان',
  phoenicia: 'Phénicie|Fenicia|Fenícia|Phönizien|Фінікія|فينيقيا',
  'holy-land': 'Terre sainte|Tierra Santa|Terra Santa|Heiliges Land|Свята Земля|الأرض المقدسة',
  arabia: 'Péninsule arabique|Península arábiga|Península Arábica|Arabische Halbinsel|Аравійський півострів|شبه الجزيرة العربية',
  'middle-east': 'Moyen-Orient|Oriente Medio|Oriente Médio|Naher Osten|Близький Схід|الشرق الأوسط',
  nubia: 'Nubie|Nubia|Núbia|Nubien|Нубія|النوبة',
  'north-africa': 'Afrique du Nord|Norte de África|Norte da África|Nordafrika|Північна Африка|شمال أفريقيا',
  cyrenaica: 'Cyrénaïque|Cirenaica|Cirenaica|Kyrenaika|Кіренаїка|برقة',
  tripolitania: 'Tripolitaine|Tripolitania|Tripolitânia|Tripolitanien|Триполітанія|طرابلس الغرب',
  fezzan: 'Fezzan|Fezán|Fezã|Fessan|Феццан|فزان',
  gandhara: 'Gandhara|Gandhara|Gandara|Gandhara|Гандхара|غاندارا',
  bactria: 'Bactriane|Bactriana|Báctria|Baktrien|Бактрія|باختر',
  kushan: 'Empire kouchan|Imperio kushán|Império Kushan|Kuschana-Reich|Кушанське царство|الإمبراطورية الكوشانية',
  sogdiana: 'Sogdiane|Sogdiana|Sogdiana|Sogdien|Согдіана|الصغد',
  'central-asia': 'Asie centrale|Asia Central|Ásia Central|Zentralasien|Центральна Азія|آسيا الوسطى',
  khmer: 'Empire khmer|Imperio jemer|Império Khmer|Khmer-Reich|Кхмерська імперія|الإمبراطورية الخميرية',
  tibet: 'Tibet|Tíbet|Tibete|Tibet|Тибет|التبت',
  kashmir: 'Cachemire|Cachemira|Caxemira|Kaschmir|Кашмір|كشمير',
  punjab: 'Pendjab|Panyab|Punjab|Punjab|Пенджаб|البنجاب',
  bengal: 'Bengale|Bengala|Bengala|Bengalen|Бенгалія|البنغال',
  mesoamerica: 'Mésoamérique|Mesoamérica|Mesoamérica|Mesoamerika|Мезоамерика|أمريكا الوسطى القديمة',
  'maya-area': 'Aire maya|Área maya|Área maia|Maya-Gebiet|Регіон майя|منطقة المايا',
  'central-america': 'Amérique centrale|América Central|América Central|Zentralamerika|Центральна Америка|أمريكا الوسطى',
  andes: 'Andes|Andes|Andes|Anden|Анди|الأنديز',
  'latin-america': 'Amérique latine|América Latina|América Latina|Lateinamerika|Латинська Америка|أمريكا اللاتينية',
  'south-america': 'Amérique du Sud|América del Sur|América do Sul|Südamerika|Південна Америка|أمريكا الجنوبية',
  caribbean: 'Caraïbes|Caribe|Caribe|Karibik|Карибський басейн|الكاريبي',
  hispaniola: 'Hispaniola|La Española|Hispaniola|Hispaniola|Гаїті (острів)|هيسبانيولا',
  'new-granada': 'Nouvelle-Grenade|Nueva Granada|Nova Granada|Neugranada|Нова Гранада|غرناطة الجديدة',
  'new-spain': 'Nouvelle-Espagne|Nueva España|Nova Espanha|Neuspanien|Нова Іспанія|إسبانيا الجديدة',
  'viceroyalty-peru': 'Vice-royauté du Pérou|Virreinato del Perú|Vice-Reino do Peru|Vizekönigreich Peru|Віце-королівство Перу|نيابة الملك في بيرو',
  'west-africa': 'Afrique de l’Ouest|África Occidental|África Ocidental|Westafrika|Західна Африка|غرب أفريقيا',
  'inner-niger-delta': 'Delta intérieur du Niger|Delta interior del Níger|Delta interior do Níger|Binnendelta des Niger|Внутрішня дельта Нігеру|دلتا النيجر الداخلية',
  'lake-chad': 'Bassin du lac Tchad|Cuenca del lago Chad|Bacia do lago Chade|Tschadbecken|Басейн озера Чад|حوض بحيرة تشاد',
  senegambia: 'Sénégambie|Senegambia|Senegâmbia|Senegambien|Сенегамбія|سنغامبيا',
  scythia: 'Scythie|Escitia|Cítia|Skythien|Скіфія|سكيثيا',
  'kyivan-rus': 'Rus’ de Kiev|Rus de Kiev|Rus’ de Kiev|Kiewer Rus|Київська Русь|كييف روس',
  balkans: 'Balkans|Balcanes|Bálcãs|Balkan|Балкани|البلقان',
  caucasus: 'Caucase|Cáucaso|Cáucaso|Kaukasus|Кавказ|القوقاز',
  yugoslavia: 'Yougoslavie|Yugoslavia|Iugoslávia|Jugoslawien|Югославія|يوغوسلافيا',
  'soviet-union': 'Union soviétique|Unión Soviética|União Soviética|Sowjetunion|Радянський Союз|الاتحاد السوفيتي',
  'ottoman-empire': 'Empire ottoman|Imperio otomano|Império Otomano|Osmanisches Reich|Османська імперія|الدولة العثمانية',
  flanders: 'Flandre|Flandes|Flandres|Flandern|Фландрія|فلاندرز',
  bohemia: 'Bohême|Bohemia|Boêmia|Böhmen|Богемія|بوهيميا',
  etruria: 'Étrurie|Etruria|Etrúria|Etrurien|Етрурія|إتروريا',
  macedonia: 'Macédoine|Macedonia|Macedônia|Makedonien|Македонія|مقدونيا',
  mediterranean: 'Méditerranée|Mediterráneo|Mediterrâneo|Mittelmeerraum|Середземномор’я|حوض البحر الأبيض المتوسط',
};

/** English label first, then the others in `REGION_LANGS` order; a missing one is left empty. */
function labelsOf(key: string, label: string): Record<RegionLang, string> {
  const parts = [label, ...(LABELS[key] ?? '').split('|')].map((s) => s.trim());
  return Object.fromEntries(REGION_LANGS.map((lang, i) => [lang, parts[i] ?? ''])) as Record<RegionLang, string>;
}

/** Names plus every label not already among them (compared as the index compares them). */
function withLabels(names: string[], labels: Record<RegionLang, string>): string[] {
  const seen = new Set(names.map((n) => phraseKey(n).join(' ')));
  const out = [...names];
  for (const l of Object.values(labels)) {
    const k = phraseKey(l).join(' ');
    if (k && !seen.has(k)) {
      seen.add(k);
      out.push(l);
    }
  }
  return out;
}

function r(key: string, label: string, countries: string, names: string, note: string): Region {
  const labels = labelsOf(key, label);
  const listed = [label, ...names.split('|').map((s) => s.trim()).filter(Boolean)];
  return { key, label, labels, countries: countries.split(' '), names: withLabels(listed, labels), note };
}

export const REGIONS: readonly Region[] = [
  r('mesopotamia', 'Mesopotamia', 'IQ SY TR', 'Mésopotamie|Mesopotamien|Mesopotâmia|بلاد الرافدين|بلاد ما بين النهرين|Месопотамія|Межиріччя|Mesopotamian|mésopotamien|mésopotamienne|mesopotámico|mesopotâmico', 'Mostly Iraq; the north extends into Syria and south-east Turkey.'),
  r('sumer', 'Sumer', 'IQ', 'Sumerian|sumérien|sumérienne|sumerio|sumério|sumerisch|سومر|سومري|Шумер|шумерський|Neo-Sumerian', 'Southern Iraq.'),
  r('akkad', 'Akkad', 'IQ', 'Akkadian|akkadien|acadio|acádio|akkadisch|أكاد|أكادي|Аккад|аккадський', 'Central Iraq.'),
  r('babylonia', 'Babylonia', 'IQ', 'Babylonian|babylonien|babylonienne|babilonio|babilônico|babylonisch|بابلي|Вавилонія|вавилонський|Neo-Babylonian|Old Babylonian|Middle Babylonian', 'Central and southern Iraq.'),
  r('assyria', 'Assyria', 'IQ SY TR', 'Assyrie|Asiria|Assíria|Assyrien|Assyrian|assyrien|assyrienne|asirio|assírio|assyrisch|آشور|آشوري|Ассирія|ассирійський|Neo-Assyrian|Middle Assyrian', 'Northern Iraq; the empire reached Syria, Turkey and beyond.'),
  r('persia', 'Persia', 'IR AF', 'Perse|Persia|Pérsia|Persien|فارس|بلاد فارس|Персія|Persian|persan|persane|perse|persa|persisch|فارسي|перський|Achaemenid|Sasanian|Sassanid|Safavid|Qajar', 'Mostly Iran; Persian culture also covers Afghanistan and Central Asia.'),
  r('khorasan', 'Khorasan', 'IR AF TM', 'Khurasan|Khorassan|Jorasán|Coração|خراسان|Хорасан', 'North-east Iran, western Afghanistan (Herat) and Turkmenistan.'),
  r('anatolia', 'Anatolia', 'TR', 'Anatolie|Anatolia|Anatólia|Anatolien|Anadolu|Asia Minor|Asie Mineure|Asia Menor|Kleinasien|الأناضول|آسيا الصغرى|Анатолія|Мала Азія|Anatolian|anatolien', 'Asian Turkey.'),
  r('cilicia', 'Cilicia', 'TR', 'Cilicie|Cilícia|Kilikien|Cilician|قيليقيا|Кілікія', 'South-east Turkey.'),
  r('cappadocia', 'Cappadocia', 'TR', 'Cappadoce|Capadocia|Capadócia|Kappadokien|Cappadocian|كبادوكيا|Каппадокія', 'Central Turkey.'),
  r('levant', 'Levant', 'SY LB IL JO PS', 'Levante|Levante|Levante|Levante|المشرق|بلاد الشام|الشام|Левант|Levantine|levantin|Syro-Palestinian|syro-palestinien|Bilad al-Sham|Greater Syria', 'Syria, Lebanon, Israel, Jordan and Palestine.'),
  r('canaan', 'Canaan', 'IL PS LB SY JO', 'Canaanite|cananéen|cananeo|cananeu|kanaanäisch|كنعان|كنعاني|Ханаан|ханаанейський', 'Southern Levant.'),
  r('phoenicia', 'Phoenicia', 'LB SY IL', 'Phénicie|Fenicia|Fenícia|Phönizien|Phoenician|phénicien|fenicio|fenício|phönizisch|فينيقيا|فينيقي|Фінікія|фінікійський', 'Coastal Lebanon, Syria and northern Israel; Phoenician colonies reached Tunisia and Spain.'),
  r('holy-land', 'Holy Land', 'IL PS JO', 'Terre sainte|Tierra Santa|Terra Santa|Heiliges Land|الأراضي المقدسة|Свята Земля', 'Israel, Palestine and Jordan.'),
  r('arabia', 'Arabian Peninsula', 'SA YE OM AE QA BH KW', 'Arabia|Arabie|Arábia|Arabien|Arabian Peninsula|péninsule arabique|península arábiga|شبه الجزيرة العربية|Аравія|Аравійський півострів', 'Saudi Arabia, Yemen, Oman, the Emirates, Qatar, Bahrain, Kuwait.'),
  r('middle-east', 'Middle East', 'SY IQ IR TR LB IL PS JO SA YE OM AE QA BH KW EG', 'Moyen-Orient|Proche-Orient|Near East|Oriente Medio|Oriente Próximo|Médio Oriente|Oriente Médio|Naher Osten|Vorderer Orient|Mittlerer Osten|الشرق الأوسط|الشرق الأدنى|Близький Схід', 'Very broad; use only as a hint.'),
  r('nubia', 'Nubia', 'EG SD', 'Nubie|Nubia|Núbia|Nubien|Nubian|nubien|nubienne|nubio|núbio|nubisch|النوبة|نوبي|Нубія|нубійський|Kush|Meroitic|méroïtique', 'Southern Egypt and northern Sudan.'),
  r('north-africa', 'North Africa', 'EG LY TN DZ MA', 'Afrique du Nord|África del Norte|Norte de África|África do Norte|Nordafrika|شمال أفريقيا|Північна Африка|Maghreb|Magreb|المغرب العربي', 'Egypt to Morocco.'),
  r('cyrenaica', 'Cyrenaica', 'LY', 'Cyrénaïque|Cirenaica|Cirenaica|Kyrenaika|برقة|Кіренаїка|Cyrene|Cyrène|Cirene|شحات|Кірена', 'Eastern Libya.'),
  r('tripolitania', 'Tripolitania', 'LY', 'Tripolitaine|Tripolitania|Tripolitânia|Tripolitanien|طرابلس الغرب|Триполітанія|Leptis Magna|Lepcis Magna|Sabratha', 'North-western Libya.'),
  r('fezzan', 'Fezzan', 'LY', 'Fezzan|Fezán|Fezã|فزان|Феццан|Messak|Acacus|Tadrart Acacus', 'South-western Libya.'),
  r('gandhara', 'Gandhara', 'PK AF', 'Gandhāra|Gandharan|gandharien|gandhárico|gandhárico|غاندارا|Гандхара', 'North-west Pakistan and eastern Afghanistan.'),
  r('bactria', 'Bactria', 'AF UZ TJ', 'Bactriane|Bactriana|Báctria|Baktrien|Bactrian|bactrien|bactrienne|bactriano|baktrisch|باختر|بلخ|Бактрія|бактрійський|Graeco-Bactrian|gréco-bactrien|Oxus|BMAC', 'Northern Afghanistan, southern Uzbekistan and Tajikistan.'),
  r('kushan', 'Kushan Empire', 'AF PK IN UZ TJ', 'Kushan|Kouchan|Kushano-Sasanian|kouchan|kushana|Кушанське царство', 'Afghanistan, Pakistan, northern India and Central Asia.'),
  r('sogdiana', 'Sogdiana', 'UZ TJ', 'Sogdiane|Sogdiana|Sogdiana|Sogdien|Sogdian|sogdien|الصغد|Согдіана|Transoxiana|Transoxiane|ما وراء النهر', 'Uzbekistan and Tajikistan.'),
  r('central-asia', 'Central Asia', 'UZ TJ TM KG KZ AF', 'Asie centrale|Asia Central|Ásia Central|Zentralasien|آسيا الوسطى|Центральна Азія', 'Broad.'),
  r('khmer', 'Khmer Empire', 'KH TH LA VN', 'Khmer|khmère|jemer|Khmer-Reich|الخمير|кхмерський|Kambuja|Angkorian|angkorien|angkorienne|Pre-Angkorian|préangkorien|Post-Angkorian|postangkorien', 'Mostly Cambodia; Khmer monuments also stand in Thailand, Laos and Vietnam.'),
  r('tibet', 'Tibet', 'CN IN NP BT', 'Tibet|Tíbet|Tibete|Tibet|التبت|Тибет|Tibetan|tibétain|tibétaine|tibetano|tibetisch|تبتي|тибетський|Xizang|Xizang Zizhiqu', 'Mostly the Xizang region of China; Tibetan culture also spans Ladakh, Nepal and Bhutan.'),
  r('kashmir', 'Kashmir', 'IN PK', 'Cachemire|Cachemira|Caxemira|Kaschmir|كشمير|Кашмір|Kashmiri|cachemiri|Jammu-Kashmir|Jammu and Kashmir', 'Divided between India and Pakistan (and China).'),
  r('punjab', 'Punjab', 'PK IN', 'Pendjab|Panyab|Panjabe|Pandschab|البنجاب|Пенджаб', 'Divided between Pakistan and India.'),
  r('bengal', 'Bengal', 'BD IN', 'Bengale|Bengala|Bengala|Bengalen|البنغال|Бенгалія', 'Bangladesh and West Bengal (India).'),
  r('mesoamerica', 'Mesoamerica', 'MX GT BZ HN SV NI CR', 'Mésoamérique|Mesoamérica|Mesoamérica|Mesoamerika|أمريكا الوسطى القديمة|Мезоамерика|Mesoamerican|mésoaméricain|mesoamericano|precolombino mesoamericano', 'Central and southern Mexico to north-western Costa Rica.'),
  r('maya-area', 'Maya area', 'MX GT BZ HN SV', 'Maya|Mayan|maya|mayas|mayense|Maya-Gebiet|مايا|майя', 'Southern Mexico, Guatemala, Belize, western Honduras and El Salvador.'),
  r('central-america', 'Central America', 'GT BZ HN SV NI CR PA', 'Amérique centrale|América Central|Centroamérica|América Central|Mittelamerika|Zentralamerika|أمريكا الوسطى|Центральна Америка|Centro América|República Federal de Centro América', 'Guatemala to Panama.'),
  r('andes', 'Andes', 'PE BO EC CL AR CO', 'Andes|Andes|Andes|Anden|الأنديز|Анди|Andean|andin|andine|andino|andina|Inca|Inka|inca|incaico|Inka-Reich|Tawantinsuyu', 'Mostly Peru and Bolivia.'),
  r('latin-america', 'Latin America', 'MX GT BZ HN SV NI CR PA CU DO HT CO VE EC PE BO CL AR UY PY BR', 'Amérique latine|América Latina|América Latina|Lateinamerika|أمريكا اللاتينية|Латинська Америка|Latin American|latino-américain|latinoamericano', 'Very broad.'),
  r('south-america', 'South America', 'CO VE EC PE BO CL AR UY PY BR GY SR', 'Amérique du Sud|América del Sur|Sudamérica|América do Sul|Südamerika|أمريكا الجنوبية|Південна Америка', 'Broad.'),
  r('caribbean', 'Caribbean', 'CU DO HT JM PR BS TT', 'Caraïbes|Caribe|Caraíbas|Karibik|الكاريبي|Карибський басейн|Antilles|Antillas|West Indies|Indes occidentales', 'Broad.'),
  r('hispaniola', 'Hispaniola', 'DO HT', 'Hispaniola|isla Española|La Española|Hispaniola|île d’Hispaniola|Haïti (île)|هيسبانيولا|Гаїті (острів)|Taíno|Taino|taïno|taína|taíno', 'The island shared by the Dominican Republic and Haiti; Taíno culture also covers Puerto Rico and Cuba.'),
  r('new-granada', 'New Granada', 'CO PA EC VE', 'Nueva Granada|Nuevo Reino de Granada|New Kingdom of Granada|Nouvelle-Grenade|Nova Granada|Virreinato de Nueva Granada|escuela santafereña|santafereño', 'Colonial viceroyalty: mostly Colombia, with Panama, Ecuador and Venezuela.'),
  r('new-spain', 'New Spain', 'MX GT', 'Nueva España|Nouvelle-Espagne|Nova Espanha|Neuspanien|Virreinato de Nueva España|novohispano', 'Colonial viceroyalty: mostly Mexico, also Central America and the Philippines.'),
  r('viceroyalty-peru', 'Viceroyalty of Peru', 'PE BO', 'Virreinato del Perú|Vice-royauté du Pérou|Alto Perú|Upper Peru|escuela cuzqueña|Cuzco school|école de Cuzco|escuela quiteña', 'Colonial Peru and Upper Peru (Bolivia); the Quito school is Ecuadorian.'),
  r('west-africa', 'West Africa', 'BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG', 'Afrique de l’Ouest|Afrique occidentale|África Occidental|África Ocidental|Westafrika|غرب أفريقيا|Західна Африка|Sahel|Sahara|Sudan (region)|Afrique de l’Ouest subsaharienne', 'Broad.'),
  r('inner-niger-delta', 'Inner Niger Delta', 'ML', 'delta intérieur du Niger|delta interior del Níger|Binnendelta des Niger|Niger Valley|vallée du Niger|valle del Níger|Djenné|Jenne|Djenné-Djenno|Bankoni|Tellem|Bandiagara|Tombouctou|Timbuktu|Gao', 'Central Mali.'),
  r('lake-chad', 'Lake Chad basin', 'TD NG NE CM', 'Lake Chad|lac Tchad|lago Chad|Tschadsee|بحيرة تشاد|озеро Чад|Sao|Sao culture|culture Sao', 'Chad, Nigeria, Niger and Cameroon.'),
  r('senegambia', 'Senegambia', 'SN GM', 'Sénégambie|Senegambia|Senegâmbia|Senegambien|سنغامبيا|Сенегамбія', 'Senegal and the Gambia.'),
  r('scythia', 'Scythia', 'UA RU KZ', 'Scythie|Escitia|Cítia|Skythien|Scythian|scythe|escita|cita|skythisch|سكيثيا|Скіфія|скіфський|Sarmatian|sarmate|Sarmatia', 'Mostly southern Ukraine and southern Russia.'),
  r('kyivan-rus', 'Kyivan Rus', 'UA RU BY', 'Kievan Rus|Kyivan Rus’|Rus’ de Kyïv|Rus de Kiev|Rus de Kiev|Kiewer Rus|كييف روس|Київська Русь|Rus', 'Ukraine, Belarus and western Russia.'),
  r('balkans', 'Balkans', 'AL BA BG HR GR XK ME MK RO RS SI', 'Balkan Peninsula|Balkans|Balcanes|Balcãs|Balkan|البلقان|Балкани', 'Broad.'),
  r('caucasus', 'Caucasus', 'GE AM AZ RU', 'Caucase|Cáucaso|Cáucaso|Kaukasus|القوقاز|Кавказ|Caucasian|caucasien', 'Georgia, Armenia, Azerbaijan and southern Russia.'),
  r('yugoslavia', 'Yugoslavia', 'RS HR SI BA ME MK XK', 'Yougoslavie|Yugoslavia|Jugoslávia|Jugoslawien|Jugoslavija|يوغوسلافيا|Югославія', 'Former federation, now seven states.'),
  r('soviet-union', 'Soviet Union', 'RU UA BY KZ UZ GE AM AZ', 'USSR|URSS|UdSSR|Union soviétique|Unión Soviética|União Soviética|Sowjetunion|الاتحاد السوفيتي|СРСР|Радянський Союз|Soviet', 'Former federation of fifteen states.'),
  r('ottoman-empire', 'Ottoman Empire', 'TR SY IQ EG LB IL PS JO SA GR BG', 'Empire ottoman|Imperio otomano|Império Otomano|Osmanisches Reich|الدولة العثمانية|Османська імперія', 'Broad; the object may come from any former Ottoman province.'),
  r('flanders', 'Flanders', 'BE FR NL', 'Flandre|Flandres|Flandes|Flandres|Flandern|Vlaanderen|فلاندرز|Фландрія|Flemish|flamand|flamande|flamenco|flamengo|flämisch', 'Northern Belgium with parts of northern France and the Netherlands.'),
  r('bohemia', 'Bohemia', 'CZ', 'Bohême|Bohemia|Boémia|Böhmen|بوهيميا|Богемія|Bohemian|bohémien', 'Western Czechia.'),
  r('etruria', 'Etruria', 'IT', 'Étrurie|Etruria|Etrúria|Etrurien|Etruscan|étrusque|etrusco|etruskisch|إتروريا|Етрурія|етруський', 'Central Italy.'),
  r('macedonia', 'Macedonia', 'GR MK BG', 'Macédoine|Macedonia|Macedónia|Makedonien|مقدونيا|Македонія|Macedonian|macédonien', 'Greek Macedonia, North Macedonia and south-west Bulgaria.'),
  r('mediterranean', 'Mediterranean', 'IT GR TR CY LB SY IL EG LY TN DZ MA ES FR HR MT', 'Méditerranée|Mediterráneo|Mediterrâneo|Mittelmeer|البحر الأبيض المتوسط|Середземномор\'я|Mediterranean Sea|mer Méditerranée', 'Very broad.'),
];

export const REGION_BY_KEY: ReadonlyMap<string, Region> = new Map(REGIONS.map((x) => [x.key, x]));

const REGION_INDEX = new PhraseIndex<string>();
for (const region of REGIONS) for (const name of region.names) REGION_INDEX.add(name, region.key);

/** Phrases the region scan must skip (a region word used for something else). */
for (const b of ['sao paulo', 'são paulo', 'sao tome', 'são tomé', 'new south wales', 'persian blue']) REGION_INDEX.add(b, null);

export interface RegionMatch {
  key: string;
  countries: readonly string[];
  source: string;
}

/** Regions named in free text (folded, word-boundary safe, longest phrase first), once each. */
export function findRegions(text: string): RegionMatch[] {
  const out: RegionMatch[] = [];
  const seen = new Set<string>();
  for (const hit of REGION_INDEX.scan(text)) {
    if (seen.has(hit.value)) continue;
    seen.add(hit.value);
    out.push({ key: hit.value, countries: REGION_BY_KEY.get(hit.value)?.countries ?? [], source: hit.source });
  }
  return out;
}

/** Region of a whole input (after folding), e.g. "Mésopotamie" → mesopotamia. */
export function resolveRegion(name: string): Region | undefined {
  const key = REGION_INDEX.exact(name);
  return key ? REGION_BY_KEY.get(key) : undefined;
}

/**
 * Label of a region in an interface language (`fr`, also `fr-CA`), English when the language is
 * not one of `REGION_LANGS`; undefined for an unknown key.
 */
export function regionLabelIn(key: string, lang: string): string | undefined {
  const region = REGION_BY_KEY.get(key);
  if (!region) return undefined;
  const primary = lang.toLowerCase().split(/[-_]/u)[0] ?? '';
  const label = (REGION_LANGS as readonly string[]).includes(primary) ? region.labels[primary as RegionLang] : '';
  return label || region.label;
}

/** Phrase conflicts among region names (should be empty). */
export function regionConflicts(): string[] {
  return REGION_INDEX.conflicts.map((c) => `${c.phrase}: ${c.kept} / ${c.ignored}`);
}
