import { buildVocabulary, matchTerms, type TermMatch, type VocabEntry } from './vocab/build.js';
import { ART_TYPES } from './vocab/object-types-other.js';
import { PERSONAL_TYPES } from './vocab/object-types-personal.js';
import { SCULPTURE_TYPES } from './vocab/object-types-sculpture.js';
import { VESSEL_TYPES } from './vocab/object-types-vessels.js';
import { WRITING_TYPES } from './vocab/object-types-writing.js';

/**
 * Multilingual vocabulary of object types (Object ID "Type of object"), covering what the Red
 * List captions and category headings and the Walters `ObjectName` field name. Hierarchy through
 * `broader`: sculpture ⊃ statue ⊃ statuette, sculpture ⊃ figure ⊃ figurine ⊃ ushabti, head, bust,
 * relief; manuscript ⊃ codex, leaf, Qur'an; seal ⊃ cylinder seal, stamp seal; vessel ⊃ vase,
 * bowl, jar ⊃ amphora…; jewellery ⊃ necklace, bead, ring…; weapon ⊃ dagger, sword…
 */
export const OBJECT_TYPE_ENTRIES: readonly VocabEntry[] = [
  ...WRITING_TYPES,
  ...SCULPTURE_TYPES,
  ...VESSEL_TYPES,
  ...PERSONAL_TYPES,
  ...ART_TYPES,
];

/** Phrases containing an object-type word that do not name the object's type. */
export const OBJECT_TYPE_BLOCKERS: readonly string[] = [
  'gold leaf', 'silver leaf', "feuille d'or", "feuille d'argent", 'pan de oro', 'folha de ouro', 'blattgold',
  'seal impression', 'seal impressions', 'empreinte de sceau', 'impresión de sello',
  'mould-made', 'mold-made', 'mould-blown', 'mold-blown', 'mould-pressed', 'hand-formed',
  'stone tesserae', 'glass tesserae', 'mosaic tesserae',
  'in the round', 'ronde-bosse', 'ronde bosse', 'croix-des-bouquets',
  'underglaze painting', 'overglaze painting', 'underglaze-painted', 'slip painting',
];

export const OBJECT_TYPES = buildVocabulary('objectType', OBJECT_TYPE_ENTRIES, OBJECT_TYPE_BLOCKERS);

/** Object types named in a text; pass its language to also match that language's homographs. */
export function matchObjectTypes(text: string, lang?: string): TermMatch[] {
  return matchTerms(text, OBJECT_TYPES, lang);
}

/**
 * Words that start what an object shows, holds or carries rather than what it is: in "Worshipper
 * holding an offering bowl" or "Statuette of a woman with a jar", the bowl and the jar are not the
 * object's type.
 */
const ATTRIBUTE_CLAUSE =
  /[\s,]+(?:holding|carrying|bearing|with|depicting|showing|tenant|portant|avec|représentant|sosteniendo|portando|con|representando|segurando|com|mit|haltend)\s/iu;

/**
 * The object types of an object's name: those named before any attribute clause; when none is
 * named there ("Fragment with a bird"), those of the whole name.
 */
export function objectTypesOfName(name: string, lang?: string): TermMatch[] {
  const cut = ATTRIBUTE_CLAUSE.exec(name);
  if (cut && cut.index > 0) {
    const head = matchObjectTypes(name.slice(0, cut.index), lang);
    if (head.length) return head;
  }
  return matchObjectTypes(name, lang);
}
