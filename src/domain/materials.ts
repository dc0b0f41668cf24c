import { buildVocabulary, matchTerms, type TermMatch, type VocabEntry } from './vocab/build.js';
import { CERAMIC_MATERIALS, METAL_MATERIALS, STONE_MATERIALS } from './vocab/materials-mineral.js';
import { ORGANIC_MATERIALS, PAINT_MATERIALS, TEXTILE_MATERIALS } from './vocab/materials-organic.js';

/**
 * Multilingual vocabulary of materials and media (Object ID "Materials & Techniques"), covering
 * what the Red List captions and the Walters `Medium` field name. Hierarchy through `broader`:
 * metal ⊃ copper ⊃ copper alloy ⊃ bronze/brass, metal ⊃ gold ⊃ electrum, stone ⊃ limestone,
 * marble, jade, gemstone ⊃ lapis lazuli…, ceramic ⊃ terracotta, earthenware, porcelain…,
 * textile ⊃ silk, wool, cotton, linen, paint ⊃ oil, tempera, watercolour…
 */
export const MATERIAL_ENTRIES: readonly VocabEntry[] = [
  ...CERAMIC_MATERIALS,
  ...METAL_MATERIALS,
  ...STONE_MATERIALS,
  ...ORGANIC_MATERIALS,
  ...TEXTILE_MATERIALS,
  ...PAINT_MATERIALS,
];

/**
 * Phrases that contain a material word without naming a material of the object: periods
 * ("Bronze Age"), techniques ("lost wax"), places ("Ivory Coast", "Limestone Massif").
 */
export const MATERIAL_BLOCKERS: readonly string[] = [
  'bronze age', 'early bronze age', 'middle bronze age', 'late bronze age', 'âge du bronze', 'edad del bronce',
  'idade do bronze', 'bronzezeit', 'العصر البرونزي', 'бронзова доба', 'бронзового віку',
  'iron age', 'âge du fer', 'edad del hierro', 'idade do ferro', 'eisenzeit', 'العصر الحديدي', 'залізна доба',
  'stone age', 'âge de la pierre', 'edad de piedra', 'idade da pedra', 'steinzeit', 'العصر الحجري', "кам'яна доба",
  'copper age', 'golden age', "âge d'or", 'edad de oro', 'silver age',
  'cire perdue', 'à la cire perdue', 'lost wax', 'lost-wax', 'cera perdida', 'wachsausschmelzverfahren',
  'ivory coast', "côte d'ivoire", 'costa de marfil', 'costa do marfim', 'elfenbeinküste', 'ساحل العاج',
  'gold coast', 'horn of africa', "corne de l'afrique", 'silk road', 'route de la soie', 'ruta de la seda',
  'limestone massif', 'massif calcaire', 'jean-pierre', 'saint-pierre', 'stone town',
];

export const MATERIALS = buildVocabulary('material', MATERIAL_ENTRIES, MATERIAL_BLOCKERS);

/** Materials named in a text; pass its language to also match that language's homographs. */
export function matchMaterials(text: string, lang?: string): TermMatch[] {
  return matchTerms(text, MATERIALS, lang);
}
