import { analyseDate, parseDate, type ParsedDate } from '../../src/domain/dates.js';
import { looksLikeMeasurement, parseMeasurements, type ParsedMeasurements } from '../../src/domain/measurements.js';
import { findPeriods, periodByKey } from '../../src/domain/periods.js';
import type { Warning } from '../../src/schemas/record.js';
import {
  firstLetterCase, hasInscriptionCue, hasMaterialCue, hasPlaceCue, isMakerPart, isPersonWithLifeDates,
  looksLikeInventoryNumber,
} from './caption-cues.js';

/**
 * Red List captions → their parts. A caption is comma-separated, roughly: object name; material and
 * technique; site, culture or provenance; date or period; dimensions and weight; `© holder[, inv. no.]`.
 * Parts are classified by what they look like, not by position alone: measurement-like parts (the
 * measurement parser), date-like parts (the date parser, with little unexplained text), `©` parts;
 * then the first remaining part after the object name is the material/technique and later ones
 * are places and cultures (a part naming only a culture or style, such as `Nasca` or `Bayon
 * style`, is a culture, not a date). Commas inside parentheses or decimals (`1,25 m`) do not split.
 */

export interface SplitCaption {
  objectName?: string;
  materialText?: string;
  placeText?: string[];
  dateText?: string;
  dimensionsText?: string;
  holder?: string;
  inventoryNumber?: string;
  /** A maker, copyist or artist printed in the caption (`copied by Sultan 'Ali`, `Maria Prymachenko (1909–1997)`). */
  maker?: string;
  rest: string[];
}

export interface CaptionOptions {
  /** ISO 3166-1 alpha-2 codes of the list's (or section's) coverage, for regional period readings. */
  regions?: string[];
}

/** Split at commas (also `،`) followed by a space, outside brackets and quotes; `1,25` stays whole. */
export function captionParts(caption: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < caption.length; i++) {
    const ch = caption[i] ?? '';
    if (ch === '(' || ch === '[' || ch === '«' || ch === '“') depth += 1;
    if ((ch === ')' || ch === ']' || ch === '»' || ch === '”') && depth > 0) depth -= 1;
    // `،` is the Arabic comma.
    if ((ch === ',' || ch === '،') && depth === 0 && /\s/u.test(caption[i + 1] ?? ' ')) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const DATE_KINDS = new Set(['period', 'dynasty', 'reign']);

type Kind = 'date' | 'dimensions' | 'culture' | 'text';

function classify(part: string, lang: string, opts: CaptionOptions): Kind {
  if (looksLikeMeasurement(part, lang)) return 'dimensions';
  const d = analyseDate(part, { lang, ...(opts.regions ? { regions: opts.regions } : {}) });
  if (!d.dateLike || d.residue > 2) return 'text';
  const hasRange = d.earliest !== undefined || d.latest !== undefined;
  if (d.numeric || (!hasRange && d.periods.length === 0)) return 'date';
  const dateKind = d.periods.some((p) => DATE_KINDS.has(periodByKey(p.key)?.kind ?? ''));
  return dateKind ? 'date' : 'culture';
}

interface TextParts {
  material: string[];
  places: string[];
  rest: string[];
  /** A date or a measurement was already read. */
  started: boolean;
}

/**
 * A part that is neither date, measurement, holder nor maker. The first one is the material
 * unless it looks like a place (capitalised, no material word) or a description followed by the
 * material (`leaf from …, ink on paper`). Later lower-case parts with a material word continue the
 * material (`black leather binding`); other lower-case parts without a place word (`worshipper
 * before divine symbols`, `blanca y negra`) go to `rest`; everything else is a place or culture.
 */
function placeOrMaterial(part: string, next: string | undefined, acc: TextParts): void {
  const letterCase = firstLetterCase(part);
  const lower = letterCase === 'lower';
  const materialCue = hasMaterialCue(part);
  const placeCue = hasPlaceCue(part);
  if (acc.material.length === 0 && acc.places.length === 0 && !acc.started) {
    if (materialCue && !(placeCue && !lower)) acc.material.push(part);
    else if ((lower || letterCase === 'none') && !placeCue) {
      const nextIsMaterial = next !== undefined && firstLetterCase(next) !== 'upper' && hasMaterialCue(next);
      (nextIsMaterial ? acc.rest : acc.material).push(part);
    } else acc.places.push(part);
  } else if (letterCase !== 'upper' && materialCue && !placeCue) acc.material.push(part);
  else if (lower && !placeCue) acc.rest.push(part);
  else acc.places.push(part);
}

/** Split a caption into its parts (see the module comment). Never throws. */
export function splitCaption(caption: string, lang: string, opts: CaptionOptions = {}): SplitCaption {
  const out: SplitCaption = { rest: [] };
  if (typeof caption !== 'string' || caption.trim() === '') return out;
  const parts = captionParts(caption.trim());
  const dates: string[] = [];
  const dims: string[] = [];
  const places: string[] = [];
  const material: string[] = [];
  let i = 0;
  const first = parts[0] ?? '';
  if (!first.startsWith('©')) {
    if (isPersonWithLifeDates(first) && parts.length > 1) {
      out.maker = first;
      out.objectName = parts[1];
      i = 2;
    } else {
      out.objectName = first;
      i = 1;
    }
  }
  for (; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (/^(?:©|\(c\)|copyright\b)/iu.test(part)) {
      out.holder = part.replace(/^(?:©|\(c\)|copyright)\s*/iu, '').trim();
      const next = parts[i + 1];
      if (next !== undefined && looksLikeInventoryNumber(next)) {
        out.inventoryNumber = next.trim();
        i += 1;
      }
      continue;
    }
    const kind = classify(part, lang, opts);
    if (kind === 'dimensions') dims.push(part);
    else if (kind === 'date') dates.push(part);
    else if (kind === 'culture') places.push(part);
    else if (isMakerPart(part)) {
      if (out.maker === undefined) out.maker = part;
      else out.rest.push(part);
    } else if (hasInscriptionCue(part) && !hasMaterialCue(part)) out.rest.push(part);
    else placeOrMaterial(part, parts[i + 1], { material, places, rest: out.rest, started: dates.length + dims.length > 0 });
  }
  if (material.length) out.materialText = material.join(', ');
  if (places.length) out.placeText = places;
  if (dates.length) out.dateText = dates.join(', ');
  if (dims.length) out.dimensionsText = dims.join(', ');
  return out;
}

export interface ParsedCaption {
  parts: SplitCaption;
  measurements: ParsedMeasurements;
  date: ParsedDate;
  warnings: Warning[];
}

/**
 * Split a caption and parse its measurements and date. Period names in culture parts (`Nasca`,
 * `Bayon style`) are recorded as periods; when no printed date gives a range, their span is used
 * and a `DATE_FROM_PERIOD` warning says so. A missing caption gives `CAPTION_MISSING`, an empty
 * one `CAPTION_EMPTY`. Never throws.
 */
export function parseCaption(caption: string | null | undefined, lang: string, opts: CaptionOptions = {}): ParsedCaption {
  const out: ParsedCaption = { parts: { rest: [] }, measurements: { dimensions: [], warnings: [] }, date: { periods: [], warnings: [] }, warnings: [] };
  if (caption === undefined || caption === null || typeof caption !== 'string') {
    out.warnings.push({ field: 'caption', code: 'CAPTION_MISSING', message: 'the illustration has no caption' });
    return out;
  }
  if (caption.trim() === '') {
    out.warnings.push({ field: 'caption', code: 'CAPTION_EMPTY', message: 'the caption is empty', source: caption });
    return out;
  }
  const dateOpts = { lang, ...(opts.regions ? { regions: opts.regions } : {}) };
  out.parts = splitCaption(caption, lang, opts);
  if (out.parts.dimensionsText) out.measurements = parseMeasurements(out.parts.dimensionsText, { lang });
  if (out.parts.dateText) out.date = parseDate(out.parts.dateText, dateOpts);
  const known = new Set(out.date.periods.map((p) => p.key));
  const cultural = (out.parts.placeText ?? []).flatMap((t) => findPeriods(t, opts.regions ? { regions: opts.regions } : {}));
  for (const m of cultural) {
    if (known.has(m.entry.key)) continue;
    known.add(m.entry.key);
    out.date.periods.push({ key: m.entry.key, label: { ...m.entry.label } });
  }
  if (out.date.earliest === undefined && out.date.latest === undefined && cultural.length > 0) {
    out.date.earliest = Math.min(...cultural.map((m) => m.entry.earliest));
    out.date.latest = Math.max(...cultural.map((m) => m.entry.latest));
    out.date.warnings.push({
      code: 'DATE_FROM_PERIOD',
      message: `no printed date; range taken from ${cultural.map((m) => m.text).join(', ')}`,
      source: cultural.map((m) => m.text).join(', '),
    });
  }
  for (const w of out.measurements.warnings) out.warnings.push({ field: 'measurements', ...w });
  for (const w of out.date.warnings) out.warnings.push({ field: 'date', ...w });
  return out;
}
