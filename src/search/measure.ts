import type { SearchDomain } from './domain.js';

/**
 * Measurement filters: a single value (`24cm`, `9 1/2 in`, `about 240 mm`) matches within a
 * tolerance; a range (`20-30 cm`, `20 cm to 1 ft`) matches exactly. Units are converted by the
 * domain parsers (millimetres for lengths, grams for weights); a bare number is cm or g.
 */

export interface NumRange {
  gte: number;
  lte: number;
  /** The single value asked for (a range has none): hits nearer to it rank higher. */
  target?: number;
}

const HEDGES = /^(?:about|approx\.?|approximately|around|ca\.?|c\.|circa|environ|env\.|vers|aprox\.?|aproximadamente|cerca de|etwa|ungef[aä]hr|~|≈|±)\s*/iu;
const RANGE = /^(.+?)\s*(?:\.\.|–|—|-|\s(?:to|à|a|bis)\s)\s*(.+)$/iu;
// Units in any script (`cm`, `см`, `سم`, `Zoll`): the domain's unit table decides what they mean.
const UNIT_AT_END = /(\p{L}+\.?|"|″)\s*$/u;
const HAS_UNIT = /[\p{L}"″]\.?\s*$/u;
// Digits of any script: the domain's measurement reader takes Arabic-Indic and Persian digits too.
const DIGIT = /\p{Nd}/u;

const round = (n: number) => Math.round(n * 100) / 100;

function parseOne(text: string, kind: 'length' | 'weight', defaultUnit: string, domain: SearchDomain): number | undefined {
  const t = text.trim();
  if (!DIGIT.test(t)) return undefined;
  const withUnit = HAS_UNIT.test(t) ? t : `${t} ${defaultUnit}`;
  const v = kind === 'length' ? domain.parseLength(withUnit, defaultUnit) : domain.parseWeight(withUnit);
  return v !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** The range to filter on, or the reason the text is not a measurement. */
export function parseMeasure(
  input: string,
  kind: 'length' | 'weight',
  tolerance: number,
  domain: SearchDomain,
): NumRange | string {
  const text = input.trim().replace(HEDGES, '');
  const defaultUnit = kind === 'length' ? 'cm' : 'g';
  const units = kind === 'length' ? 'mm, cm, m, in or ft' : 'g, kg, oz or lb';
  const range = RANGE.exec(text);
  if (range && DIGIT.test(range[1] ?? '') && DIGIT.test(range[2] ?? '')) {
    const unit = UNIT_AT_END.exec(range[2] ?? '')?.[1] ?? defaultUnit;
    const lo = parseOne(range[1] ?? '', kind, unit, domain);
    const hi = parseOne(range[2] ?? '', kind, unit, domain);
    if (lo === undefined || hi === undefined) return `"${input}" is not a ${kind} range with a unit (${units})`;
    if (lo > hi) return `"${input}": the lower bound is above the upper bound`;
    return { gte: round(lo), lte: round(hi) };
  }
  const v = parseOne(text, kind, defaultUnit, domain);
  if (v === undefined) return `"${input}" is not a ${kind} with a unit (${units})`;
  if (v === 0) return `"${input}": a ${kind} must be more than 0`;
  return { gte: round(v * (1 - tolerance)), lte: round(v * (1 + tolerance)), target: round(v) };
}
