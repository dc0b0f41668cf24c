import type { CanonicalRecord } from '../../src/schemas/record.js';
import type { Parsers } from './parser-types.js';
import { addTerms, uniq, warning } from './record-base.js';

/**
 * Fills a record from an illustration caption: object name → title and object type; material text
 * → vocabulary terms; place text → countries, regions, sites; date; measurements; © holder.
 * Everything the parsers cannot read stays on the record as a warning with its source text.
 */
export function applyCaption(record: CanonicalRecord, caption: string, lang: string, p: Parsers): void {
  const parts = p.caption(caption, lang);
  if (parts.objectName) {
    record.title[lang] = parts.objectName;
    const types = p.objectTypes(parts.objectName, lang);
    addTerms(record.objectType, types);
    if (!types.length) record.warnings.push(warning('objectType', 'OBJECT_TYPE_UNKNOWN', 'no object type of the vocabulary recognised', parts.objectName));
  } else {
    record.warnings.push(warning('title', 'OBJECT_NAME_MISSING', 'the caption names no object', caption));
  }
  if (parts.materialText) {
    record.materialText = parts.materialText;
    const materials = p.materials(parts.materialText, lang);
    addTerms(record.materials, materials);
    if (!materials.length) record.warnings.push(warning('materials', 'MATERIAL_UNKNOWN', 'no material of the vocabulary recognised', parts.materialText));
  }
  if (parts.placeText) applyPlace(record, parts.placeText, p);
  if (parts.dateText) {
    const d = p.date(parts.dateText, lang);
    record.date = { ...d.value, periods: [...d.value.periods], source: parts.dateText };
    record.warnings.push(...d.warnings);
  }
  if (parts.measurementText) {
    const m = p.measurements(parts.measurementText);
    record.measurements = { ...m.value, source: m.value.source ?? parts.measurementText };
    record.warnings.push(...m.warnings);
  }
  if (parts.holder && (parts.holder.institution || parts.holder.inventoryNumber)) {
    record.holder = {
      ...(parts.holder.institution ? { institution: parts.holder.institution } : {}),
      ...(parts.holder.inventoryNumber ? { inventoryNumber: parts.holder.inventoryNumber } : {}),
    };
  }
  for (const rest of parts.rest) {
    record.warnings.push(warning('caption', 'CAPTION_PART_UNPARSED', 'part of the caption not recognised', rest));
  }
}

/** Countries and regions named in a place text; the remaining comma-separated parts are sites. */
function applyPlace(record: CanonicalRecord, text: string, p: Parsers): void {
  const pl = record.places;
  pl.source = text;
  const countries = p.countries(text);
  const regions = p.regions(text);
  pl.countries = uniq([...pl.countries, ...countries]);
  pl.regions = uniq([...pl.regions, ...regions]);
  for (const part of text.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    if (p.isCountry(part) || p.regions(part).length) continue;
    if (!pl.sites.includes(part)) pl.sites.push(part);
  }
}
