import { fold } from '../fold.js';

/**
 * Units of length and weight as printed in captions and inventories (en, fr, es, pt, de, uk, ar).
 * Names are looked up folded (`fold`) and stripped of a trailing dot; the table folds its own names
 * the same way, so `дюйм` (folded `дюим`) and `milímetro` match as written.
 */

export type UnitKind = 'length' | 'weight';
export interface Unit {
  kind: UnitKind;
  /** Millimetres (length) or grams (weight) per unit. */
  factor: number;
  metric: boolean;
  /** Canonical symbol: mm, cm, m, in, ft, g, kg, ... */
  symbol: string;
}

const LENGTH: [string, number, boolean, string[]][] = [
  ['mm', 1, true, ['mm', 'millimetre', 'millimetres', 'millimeter', 'millimeters', 'milimetro', 'milimetros', 'millimetro', 'мм', 'міліметр', 'міліметри', 'міліметрів', 'міліметра', 'مم', 'ملم']],
  ['cm', 10, true, ['cm', 'cms', 'centimetre', 'centimetres', 'centimeter', 'centimeters', 'centimetro', 'centimetros', 'zentimeter', 'см', 'сантиметр', 'сантиметри', 'сантиметрів', 'сантиметра', 'سم']],
  ['m', 1000, true, ['m', 'metre', 'metres', 'meter', 'meters', 'metro', 'metros', 'м', 'метр', 'метри', 'метрів', 'метра', 'متر']],
  ['in', 25.4, false, ['in', 'inch', 'inches', 'pulgada', 'pulgadas', 'pouce', 'pouces', 'polegada', 'polegadas', 'zoll', 'дюйм', 'дюйми', 'дюйма', 'дюймів', '"', '″', "''"]],
  ['ft', 304.8, false, ['ft', 'foot', 'feet', 'pie', 'pies', 'фут']],
];

const WEIGHT: [string, number, boolean, string[]][] = [
  ['mg', 0.001, true, ['mg', 'milligram', 'milligrams', 'miligramo', 'miligramos', 'мг']],
  ['g', 1, true, ['g', 'gr', 'grs', 'gm', 'gms', 'gram', 'grams', 'gramme', 'grammes', 'gramo', 'gramos', 'grama', 'gramas', 'gramm', 'г', 'гр', 'грам', 'грами', 'грамів', 'грама', 'غ', 'غم', 'غرام', 'جم', 'جرام']],
  ['kg', 1000, true, ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilogramo', 'kilogramos', 'кг', 'кілограм', 'кілограми', 'кілограмів', 'кілограма', 'كغ', 'كغم', 'كجم', 'كيلوغرام']],
  ['oz', 28.349523125, false, ['oz', 'ounce', 'ounces', 'once', 'onzas']],
  ['lb', 453.59237, false, ['lb', 'lbs', 'pound', 'pounds', 'libra', 'libras']],
  ['ct', 0.2, true, ['ct', 'carat', 'carats', 'quilate', 'quilates']],
];

const UNITS = new Map<string, Unit>();
for (const [symbol, factor, metric, names] of LENGTH) {
  for (const n of names) UNITS.set(unitKey(n), { kind: 'length', factor, metric, symbol });
}
for (const [symbol, factor, metric, names] of WEIGHT) {
  for (const n of names) UNITS.set(unitKey(n), { kind: 'weight', factor, metric, symbol });
}

function unitKey(unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '"' || trimmed === '″' || trimmed === "''") return trimmed;
  return fold(trimmed).replace(/\.$/u, '');
}

/** The unit named by `text` (`cm`, `in.`, `inches`, `см`, `سم`, `g`, `kg`, ...), if known. */
export function lookupUnit(text: string): Unit | undefined {
  return UNITS.get(unitKey(text));
}

/** Round to a hundredth: 9 7/16 in. → 239.71 mm, never 239.71250000000003. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** `value` expressed in `unit` (a length unit) as millimetres; undefined for unknown units. */
export function toMillimetres(value: number, unit: string): number | undefined {
  const u = lookupUnit(unit);
  if (!u || u.kind !== 'length' || !Number.isFinite(value)) return undefined;
  return round2(value * u.factor);
}

/** `value` expressed in `unit` (a weight unit) as grams; undefined for unknown units. */
export function toGrams(value: number, unit: string): number | undefined {
  const u = lookupUnit(unit);
  if (!u || u.kind !== 'weight' || !Number.isFinite(value)) return undefined;
  return round2(value * u.factor);
}
