/**
 * Words and signs of printed dates (en, fr, es, pt, de, it, uk, ru, ar), as patterns over text
 * that has been lower-cased and stripped of diacritics character by character (see `foldSameLength`).
 * Each pattern is anchored where the lexer stands; the lexer tries them in order.
 */

export type Era = 'bc' | 'ad' | 'ah' | 'am';

/** Lower-case, strip diacritics, keep the string length so that offsets stay valid. */
export function foldSameLength(text: string): string {
  if (/^[\u0000-\u007f]*$/u.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const one = base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    out += /[\u0660-\u0669]/u.test(one) ? String(one.charCodeAt(0) - 0x0660) : /[\u06f0-\u06f9]/u.test(one) ? String(one.charCodeAt(0) - 0x06f0) : one;
  }
  return out;
}

// "Not followed by a letter" (any script).
const NL = '(?![\\p{L}\\p{N}])';

/** Era markers. Checked before anything else: `a.C.`, `J.-C.` and `н. е.` contain other signs. */
export const ERA_PATTERNS: [Era, RegExp][] = [
  ['bc', new RegExp(`b\\.?\\s?c\\.?\\s?e\\.?${NL}|b\\.\\s?c\\.?|bc${NL}`, 'uy')],
  ['bc', /av(?:ant)?\.?\s?(?:j\.?\s?-?\s?c\.?|jesus[- ]christ|n(?:otre)?\.?\s?e(?:re)?\.?)/uy],
  ['bc', new RegExp(`a\\.\\s?(?:de\\s)?c(?:r\\.?)?\\.?|antes\\s+de\\s+(?:cristo|nuestra\\s+era|la\\s+era\\s+comun)|a\\.?\\s?e\\.?\\s?c\\.?${NL}|aec${NL}|a\\.?\\s?n\\.\\s?e\\.?`, 'uy')],
  ['bc', new RegExp(`v\\.\\s?chr\\.?|vor\\s+christus|v\\.\\s?u\\.\\s?z\\.?|before\\s+christ|до\\s?н\\.?\\s?е\\.?|до\\s+нашої\\s+ери|до\\s+р\\.?\\s?х\\.?|ق\\.?\\s?م${NL}\\.?|قبل\\s+الميلاد`, 'uy')],
  ['ad', new RegExp(`a\\.?\\s?d\\.?${NL}|c\\.\\s?e\\.|anno\\s+domini`, 'uy')],
  ['ad', /ap(?:r(?:es)?)?\.?\s?j\.?\s?-?\s?c\.?|de\s+notre\s+ere|n\.\s?e\.\s?/uy],
  ['ad', new RegExp(`d\\.\\s?(?:de\\s)?c(?:r\\.?)?\\.?|despues\\s+de\\s+cristo|d\\.?\\s?e\\.?\\s?c\\.?${NL}|n\\.\\s?chr\\.?|nach\\s+christus|n\\.\\s?u\\.\\s?z\\.?`, 'uy')],
  ['ad', new RegExp(`н\\.\\s?е\\.?|нашої\\s+ери|بعد\\s+الميلاد|ميلادي[ةه]?${NL}|للميلاد`, 'uy')],
  ['ah', new RegExp(`a\\.?\\s?h\\.?${NL}|(?:de\\s+l['’]\\s?|de\\s+la\\s+)?h[eé]g(?:ire|ira)|hijri${NL}|hijra${NL}|هجري[ةه]?${NL}|للهجر[ةه]${NL}|هـ|ه${NL}`, 'uy')],
];

/** `ce` and `am` and Arabic `م` are eras only right after a value (`300 CE`, `7192 AM`, `395 م`). */
export const CONTEXT_ERAS: [Era, RegExp][] = [
  ['ad', new RegExp(`ce${NL}|م${NL}\\.?`, 'uy')],
  ['am', new RegExp(`a\\.?\\s?m\\.?${NL}`, 'uy')],
];

export const CENTURY = new RegExp(
  `(?:centuries|century|cent\\.|siecles|siecle|siglos|siglo|seculos|seculo|secolo|secoli|sec\\.|sec${NL}|sc\\.|ss\\.|s\\.|c\\.|c${NL}|jahrhunderts|jahrhundert|jhdts?\\.|jhs?\\.|jh${NL}|столітт[яі]|століть|сторіччя|ст\\.|ст${NL}|век[аов]*${NL}|в\\.|القرنين|القرن|قرن)`,
  'uy',
);
export const MILLENNIUM = new RegExp(
  `(?:millenniums|millennium|millennia|millenium|millenia|millenaires|millenaire|milenios|milenio|milenarios|milenario|millennio|jahrtausends|jahrtausend|jtsd\\.|jt\\.|тисячоліття|тисячолітті|тис\\.|тысячелетия|الالفيات|الالفية|الالفيه|الالف${NL})`,
  'uy',
);

export const ORDINAL = new RegExp(`(\\d{1,2})(?:st|nd|rd|th|eme|er|re|e|[oa]|º|ª|°|-?[йгі]\\p{L}?)${NL}|(\\d{1,2})\\.[ºª°]`, 'uy');
/** German ordinal before a century word: `17. Jh.`, `3. Jahrtausend`. */
export const GERMAN_ORDINAL = /(\d{1,2})\.\s?(?=jh|jahrh|jt|jahrt)/uy;
const ORDINAL_WORDS: Record<string, number> = {};
for (const [n, words] of [
  [1, 'first premier premiere primer primero primera primeiro erste ersten erstes'],
  [2, 'second deuxieme seconde segundo segunda zweite zweiten zweites'],
  [3, 'third troisieme tercer tercero tercera terceiro dritte dritten drittes'],
  [4, 'fourth quatrieme cuarto cuarta quarto vierte vierten'],
  [5, 'fifth cinquieme quinto quinta funfte funften'],
  [6, 'sixth sixieme sexto sexta sechste sechsten'],
  [7, 'seventh septieme septimo septima setimo siebte siebten'],
  [8, 'eighth huitieme octavo octava oitavo achte achten'],
  [9, 'ninth neuvieme noveno novena nono neunte neunten'],
  [10, 'tenth dixieme decimo decima zehnte zehnten'],
  [11, 'eleventh onzieme undecimo'], [12, 'twelfth douzieme duodecimo'], [13, 'thirteenth treizieme'],
  [14, 'fourteenth quatorzieme'], [15, 'fifteenth quinzieme'], [16, 'sixteenth seizieme'],
  [17, 'seventeenth dix-septieme'], [18, 'eighteenth dix-huitieme'], [19, 'nineteenth dix-neuvieme'],
  [20, 'twentieth vingtieme'], [21, 'twenty-first vingt-et-unieme'],
] as [number, string][]) {
  for (const w of words.split(' ')) ORDINAL_WORDS[w] = n;
}
/** Ordinal words before a century or millennium word: `eighteenth century`, `segundo milenio`. */
export const ORDINAL_WORD = new RegExp(
  `(${Object.keys(ORDINAL_WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(/-/gu, '[- ]')).join('|')})${NL}(?=\\s*(?:centur|siecle|siglo|secul|secolo|jahrh|millen|milen))`,
  'uy',
);
export function ordinalWordValue(word: string): number | undefined {
  return ORDINAL_WORDS[word.replace(/[\s-]+/gu, '-')];
}

export const ROMAN_ORDINAL = new RegExp(`([ivxlc]+)(?:eme|er|re|e|o|º)${NL}`, 'uy');
export const ROMAN = new RegExp(`([ivxlc]+)${NL}`, 'uy');

export const DECADE = new RegExp(`(\\d{3}0)'?s${NL}|(?:annees|anos|decada\\s+de)\\s+(\\d{3}0)${NL}|(\\d{3}0)(?:er|-?х|-?ті)${NL}`, 'uy');
export const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?![\d])/uy;

export type ModName = 'early' | 'mid' | 'late' | 'half' | 'third' | 'quarter';
/** Fractions of a span, as [start, end] in 0..1. */
export const MOD_PATTERNS: [[number, number] | 'nth', RegExp][] = [
  ['nth', new RegExp(`(1st|first|1re|1ere|1er|premiere|premier|primera|primer|1a|1o|erste[sn]?|перш[аи]|2nd|second|2e|deuxieme|seconde|segunda|segundo|2a|2o|zweite[sn]?|друг[аи]|3rd|third|3e|troisieme|tercera|tercer|3a|3o|dritte[sn]?|трет[яі]|4th|fourth|4e|quatrieme|cuarta|cuarto|4o|vierte[sn]?|четверт[аі]|last|dernier|derniere|ultima|ultimo|letzte[sn]?|останн[яі])\\s+(half|moitie|mitad|metade|halfte|половин[аи]|quarter|quart|cuarto|viertel|чверт[ьі]|third|tiers|tercio|drittel|трет[иі]на)${NL}(?:\\s+(?:of\\s+the|of|du|de\\s+la|del|de|do|da|des))?`, 'uy')],
  [[0, 0.5], /النصف\s+الاول\s*(?:من)?/uy],
  [[0.5, 1], /النصف\s+الثاني\s*(?:من)?/uy],
  [[0, 1 / 3], new RegExp(`(?:early|beginning\\s+of(?:\\s+the)?|start\\s+of(?:\\s+the)?|au\\s+debut\\s+(?:du|de\\s+la|des)|debut\\s+(?:du|de\\s+la|des|de)|premiers\\s+temps\\s+(?:du|de\\s+la)|principios\\s+del?|comienzos\\s+del?|inicios\\s+del?|inicio\\s+del?|principio\\s+del?|inicio\\s+do|comeco\\s+do|anfang\\s+des|anfang|fruhe[ns]?|fruh|початок|початку|поч\\.|بداية|اوائل)(?!\\p{L})`, 'uy')],
  [[1 / 3, 2 / 3], new RegExp(`(?:middle\\s+of(?:\\s+the)?|mid|milieu\\s+(?:du|de\\s+la|des)|mediados\\s+del?|meados\\s+d[oe]|mitte\\s+des|mitte|середин[аи]|منتصف)(?!\\p{L})`, 'uy')],
  [[2 / 3, 1], new RegExp(`(?:late|end\\s+of(?:\\s+the)?|a\\s+la\\s+fin\\s+(?:du|de\\s+la|des)|fin\\s+(?:du|de\\s+la|des)|finales\\s+del?|fines\\s+del?|final\\s+del?|final\\s+do|finais\\s+do|ende\\s+des|ende|spate[ns]?|spat|кін[еі]ць|кінця|кін\\.|اواخر|نهاي[ةه])(?!\\p{L})`, 'uy')],
];

const NTH: Record<string, number> = {};
for (const [n, words] of [
  [1, '1st first 1re 1ere 1er premiere premier primera primer 1a 1o erste erstes ersten перша перши'],
  [2, '2nd second 2e deuxieme seconde segunda segundo 2a 2o zweite zweites zweiten друга други'],
  [3, '3rd third 3e troisieme tercera tercer 3a 3o dritte drittes dritten третя треті'],
  [4, '4th fourth 4e quatrieme cuarta cuarto 4o vierte viertes vierten четверта четверті'],
  [-1, 'last dernier derniere ultima ultimo letzte letztes letzten остання останні'],
] as [number, string][]) {
  for (const w of words.split(' ')) NTH[w] = n;
}

/** `2nd half` → [0.5, 1]; `last quarter` → [0.75, 1]; `first third` → [0, 1/3]. */
export function nthPart(ordinal: string, part: string): [number, number] | undefined {
  const k = NTH[ordinal];
  const parts = /^(half|moitie|mitad|metade|halfte|половин)/u.test(part) ? 2 : /^(third|tiers|tercio|drittel|трет)/u.test(part) ? 3 : 4;
  if (k === undefined || k > parts) return undefined;
  const idx = k === -1 ? parts : k;
  return [(idx - 1) / parts, idx / parts];
}

export const APPROX = new RegExp(
  // `c.` glued to its year (`c.1750`, `c1750`) is circa too: the word-end check applies to the words.
  `(?:c\\.?(?=\\s?\\d)|(?:ca\\.?|circa|circ\\.|env\\.|environ|vers|hacia|aprox\\.?|aproximadamente|approx\\.?|approximately|about|around|um|etwa|gegen|ок\\.|около|близько|прибл\\.?|حوالي|حوالى|نحو|probably|probablement|probablemente|prob\\.|possibly|vraisemblablement)${NL})`,
  'uy',
);
export const UNCERTAIN = /\(\s*\?\s*\)|\?/uy;
export const BEFORE = new RegExp(`(?:before|avant|antes\\s+del?|vor|not\\s+later\\s+than|until|up\\s+to|jusqu'?\\s?(?:a|en|au|aux)|hasta|до|قبل)${NL}`, 'uy');
export const AFTER = new RegExp(`(?:after|apres|despues\\s+del?|nach|після|a\\s+partir\\s+(?:de|du|des|d')|from|since|desde|depuis|ab|بعد)${NL}`, 'uy');
export const AFTER_POST = new RegExp(`(?:et\\s+apres|and\\s+after|and\\s+later|or\\s+later|ou\\s+plus\\s+tard|onwards|y\\s+posteriores|en\\s+adelante|und\\s+spater)${NL}`, 'uy');
export const DASH = new RegExp(`[-–—‒−]|(?:to|a|al|au|bis)${NL}`, 'uy');
export const OR = new RegExp(`(?:or|ou|o|and|et|y|und|و|або|і|та)${NL}`, 'uy');
export const UNDATED = new RegExp(`(?:n\\.\\s?d\\.?|s\\.\\s?d\\.?|s\\.\\s?f\\.?|sin\\s+fecha|sans\\s+date|undated|no\\s+date|sem\\s+data|ohne\\s+datum|без\\s+дати|غير\\s+مؤرخ)${NL}`, 'uy');
export const DATE_WORD = new RegExp(`(?:fecha|date|datation|data|datum|дата|تاريخ|dated|fechado|datee)${NL}`, 'uy');
/** Words after which a number is not a year: `fases 1-2`, `no. 4`, `volume 1`. */
export const NUMBER_BLOCKERS = new Set([
  'fase', 'fases', 'phase', 'phases', 'no', 'nos', 'nr', 'num', 'vol', 'volume', 'tome', 'tomo', 'type', 'tipo', 'level',
  'nivel', 'niveau', 'tomb', 'tumba', 'tombe', 'grave', 'inv', 'cat', 'fig', 'figs', 'pl', 'p', 'pp', 'lot', 'room', 'sala',
  'layer', 'capa', 'couche', 'locus', 'area', 'zone', 'sector', 'square', 'trench', 'group', 'groupe', 'grupo', 'folio', 'fol',
]);
/** Words that do not count as unexplained text when judging whether a caption part is a date. */
export const FILLER = new Set([
  'of', 'the', 'du', 'de', 'del', 'des', 'la', 'le', 'les', 'el', 'los', 'las', 'd', 'l', 'en', 'in', 'von', 'der', 'die', 'das',
  'do', 'da', 'dos', 'das', 'di', 'della', 'dell', 'al', 'y', 'e', 'et', 'and', 'or', 'ou', 'o', 'und', 'with', 'con', 'avec',
  'dynasty', 'dynastie', 'dinastia', 'period', 'periode', 'periodo', 'era', 'epoque', 'epoca', 'reign', 'reinado', 'regne', 'ad', 'bc',
]);
