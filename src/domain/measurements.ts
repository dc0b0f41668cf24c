import type { Dimension } from '../schemas/record.js';
import { readGroups, type Group, type Item } from './measurements/groups.js';
import { lexMeasurement } from './measurements/lexer.js';
import { lookupUnit, round2, type Unit } from './measurements/units.js';

export { toMillimetres, toGrams } from './measurements/units.js';

/**
 * Measurements printed in captions and inventories → millimetres and grams.
 *
 * Conventions:
 * - Unlabelled values joined by `x` are read positionally as height x width x depth.
 *   A single unlabelled value is a height. Labels printed after the values (`(h. x diam.)`,
 *   `(alto x diám.)`, `(l.)`) or after a unit (`24 cm long`) apply when no label precedes a value.
 * - When imperial and metric values are both printed (`H: 9 7/16 in. (24 cm)`), the metric ones
 *   are used, with the labels printed on the imperial side.
 * - A range (`Ø 6.5–7.5 cm`, `L. 2 à 4 cm`) gives two entries of the same dimension.
 * - The first value found for a dimension wins: `H: ..; Framed H: ..` keeps the object's height.
 * - A value with a label or an `x` but no unit (`H. 55`, `62 x 70`) gives no dimension and a
 *   `MEASUREMENT_NO_UNIT` warning; a lone number without label or unit is ignored (not a measurement).
 * - Decimal commas are read as decimals (`1,25 m` = 1250 mm). Never throws.
 */

export interface MeasuredDimension {
  dimension: Dimension;
  mm: number;
  source: string;
}
export interface MeasurementWarning {
  code: string;
  message: string;
  source: string;
}
export interface ParsedMeasurements {
  dimensions: MeasuredDimension[];
  weightG?: number;
  warnings: MeasurementWarning[];
}

const POSITIONAL: Dimension[] = ['height', 'width', 'depth'];

function groupSource(text: string, g: Group, withAlt: boolean): string {
  let end = g.end;
  if (withAlt && g.alt) {
    end = Math.max(end, g.alt.end);
    const close = text.indexOf(')', end);
    if (close >= 0 && text.slice(end, close).trim() === '') end = close + 1;
  }
  return text.slice(g.start, end).trim();
}

function hasLengthUnit(g: Group | undefined): boolean {
  return !!g && g.items.some((it) => it.unit?.kind === 'length');
}
function isMetricGroup(g: Group | undefined): boolean {
  return !!g && g.items.some((it) => it.unit?.kind === 'length' && it.unit.metric);
}

/** The items whose values are used, with the label each gets. */
function usesAlt(g: Group): boolean {
  return !!g.alt && isMetricGroup(g.alt) && !isMetricGroup(g);
}

function chooseItems(g: Group): { item: Item; label?: Dimension }[] {
  const alt = g.alt;
  const useAlt = usesAlt(g);
  const chosen = useAlt && alt ? alt : g;
  const same = useAlt && alt ? alt.items.length === g.items.length : true;
  return chosen.items.map((item, i) => {
    const own = useAlt ? (same ? g.items[i]?.label : item.label ?? g.items[i]?.label) : item.label;
    const label = own ?? g.spec?.[i] ?? (useAlt ? alt?.spec?.[i] : undefined);
    return label ? { item, label } : { item };
  });
}

function parseGroups(text: string, groups: Group[], out: ParsedMeasurements): void {
  const alts = new Set(groups.map((g) => g.alt).filter((g): g is Group => !!g));
  const seen = new Set<Dimension>();
  let dimsSegment: number | undefined;
  for (const g of groups) {
    if (alts.has(g)) continue;
    const source = groupSource(text, g, usesAlt(g) || !hasLengthUnit(g));
    const items = chooseItems(g);
    const anyUnit = items.some(({ item }) => item.unit);
    if (!anyUnit) {
      const labelled = g.items.some((it) => it.label) || g.items.length > 1 || !!g.spec;
      if (labelled && !hasLengthUnit(g.alt)) {
        out.warnings.push({
          code: 'MEASUREMENT_NO_UNIT',
          message: `measurement without a unit: "${source}"`,
          source,
        });
      }
      continue;
    }
    const added = new Set<Dimension>();
    let position = 0;
    for (const { item, label } of items) {
      const unit: Unit | undefined = item.unit ?? items.find((x) => x.item.unit)?.item.unit;
      if (!unit) continue;
      if (unit.kind === 'weight') {
        if (out.weightG === undefined && item.values[0] !== undefined) out.weightG = round2(item.values[0] * unit.factor);
        continue;
      }
      const dim = label ?? POSITIONAL[position];
      position += 1;
      // Later `;`-separated segments describe parts or frames (`; Framed H: ...`): weights only.
      if (dimsSegment !== undefined && g.segment !== dimsSegment) continue;
      if (!dim) {
        out.warnings.push({ code: 'MEASUREMENT_EXTRA_VALUE', message: `value without a dimension in "${source}"`, source });
        continue;
      }
      if (seen.has(dim) && !added.has(dim)) continue;
      added.add(dim);
      for (const v of item.values) out.dimensions.push({ dimension: dim, mm: round2(v * unit.factor), source });
    }
    for (const d of added) seen.add(d);
    if (added.size > 0 && dimsSegment === undefined) dimsSegment = g.segment;
  }
}

/** Parse every dimension and the weight printed in `text`. Never throws. */
export function parseMeasurements(text: string, opts: { lang?: string } = {}): ParsedMeasurements {
  const out: ParsedMeasurements = { dimensions: [], warnings: [] };
  if (typeof text !== 'string' || text.trim() === '') return out;
  try {
    parseGroups(text, readGroups(lexMeasurement(text, opts.lang)), out);
  } catch (err) {
    out.warnings.push({ code: 'MEASUREMENT_UNPARSED', message: `could not read measurement: ${String(err)}`, source: text });
  }
  return out;
}

/** True when `text` holds a measurement, with or without a unit (`H. 24 cm`, `H. 55`, `62 x 70`). */
export function looksLikeMeasurement(text: string, lang?: string): boolean {
  if (!/[\d\u0660-\u0669\u06f0-\u06f9½¼¾⅓⅔⅛⅜⅝⅞]/u.test(text)) return false;
  const m = parseMeasurements(text, lang ? { lang } : {});
  return m.dimensions.length > 0 || m.weightG !== undefined || m.warnings.some((w) => w.code === 'MEASUREMENT_NO_UNIT');
}

function parseQuantity(text: string, kind: 'length' | 'weight', defaultUnit: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const toks = lexMeasurement(text.trim());
  const nums = toks.filter((t) => t.t === 'num');
  const units = toks.filter((t) => t.t === 'unit');
  const first = nums[0];
  if (nums.length !== 1 || units.length > 1 || !first || first.t !== 'num') return undefined;
  if (toks.some((t) => t.t === 'word' || t.t === 'x' || t.t === 'range')) return undefined;
  const u = units[0];
  const unit = u && u.t === 'unit' ? u.unit : lookupUnit(defaultUnit);
  if (!unit || unit.kind !== kind) return undefined;
  return round2(first.value * unit.factor);
}

/**
 * A single length typed in a query: `"24 cm"`, `"9 1/2 in"`, `"240mm"`, `"1,25 m"`, or a bare
 * number read in `defaultUnit` (`"24"` → 240 with the default `cm`). Millimetres, or undefined.
 */
export function parseLength(text: string, defaultUnit = 'cm'): number | undefined {
  return parseQuantity(text, 'length', defaultUnit);
}

/** A single weight typed in a query: `"3.9 g"`, `"1,2 kg"`, `"12"` (grams). Grams, or undefined. */
export function parseWeight(text: string, defaultUnit = 'g'): number | undefined {
  return parseQuantity(text, 'weight', defaultUnit);
}
