import type { CanonicalRecord } from '../../src/schemas/record.js';
import type { Parsers } from './parser-types.js';
import { addTerms, uniq, warning } from './record-base.js';

/**
 * Fills a record from an illustration caption: object name → title and object type; material text
 * → vocabulary terms; place parts → countries, regions, sites, cultures; date; measurements; maker;
 * © holder and inventory number. Everything the parsers cannot read stays on the record as a
 * warning with its source text. `regions`: the coverage countries (regional period readings).
 */
export function applyCaption(record: CanonicalRecord, caption: string, lang: string, regions: string[], p: Parsers): void {
  const c = p.caption(caption, lang, regions);
  if (c.objectName) {
    record.title[lang] = c.objectName;
    const types = p.objectTypes(c.objectName, lang);
    addTerms(record.objectType, types);
    if (!types.length) record.warnings.push(warning('objectType', 'OBJECT_TYPE_UNKNOWN', 'no object type of the vocabulary recognised', c.objectName));
  } else {
    record.warnings.push(warning('title', 'OBJECT_NAME_MISSING', 'the caption names no object', caption));
  }
  if (c.materialText) {
    record.materialText = c.materialText;
    const materials = p.materials(c.materialText, lang);
    addTerms(record.materials, materials);
    if (!materials.length) record.warnings.push(warning('materials', 'MATERIAL_UNKNOWN', 'no material of the vocabulary recognised', c.materialText));
  }
  if (c.placeTexts.length) applyPlaces(record, c.placeTexts, p);
  if (c.date) record.date = c.date;
  if (c.measurements) record.measurements = c.measurements;
  record.warnings.push(...c.warnings);
  if (c.maker) record.maker = c.maker;
  if (c.holder && (c.holder.institution || c.holder.inventoryNumber)) {
    record.holder = {
      ...(c.holder.institution ? { institution: c.holder.institution } : {}),
      ...(c.holder.inventoryNumber ? { inventoryNumber: c.holder.inventoryNumber } : {}),
    };
  }
  for (const rest of c.rest) {
    record.warnings.push(warning('caption', 'CAPTION_PART_UNPARSED', 'part of the caption not recognised', rest));
  }
}

/**
 * Place parts: countries and regions named in them; a part naming a period or culture (`Nok`,
 * `Moche`) is a culture; any other part that is not itself a country or region is a site.
 */
function applyPlaces(record: CanonicalRecord, parts: string[], p: Parsers): void {
  const pl = record.places;
  pl.source = parts.join(', ');
  for (const part of parts) {
    const countries = p.countries(part);
    const regions = p.regions(part);
    pl.countries = uniq([...pl.countries, ...countries]);
    pl.regions = uniq([...pl.regions, ...regions]);
    if (p.isCountry(part)) continue;
    if (p.periods(part, '').length) {
      if (!pl.cultures.includes(part)) pl.cultures.push(part);
    } else if (!regions.length || countries.length) {
      if (!pl.sites.includes(part)) pl.sites.push(part);
    }
  }
}
