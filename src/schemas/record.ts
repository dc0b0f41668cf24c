import { z } from 'zod';

/**
 * The canonical record: one object (a Red List illustration, an inventory entry or a report),
 * aligned with the Object ID standard (type of object, measurements, materials, inscriptions,
 * date or period, maker, subject, title, description, inventory number, place of origin).
 * Every normaliser produces it, the index stores it, `GET /v1/objects/:id` returns it.
 */

/** Text by ISO 639-1 language code; `en` when the source has English. */
export const LangMap = z.record(z.string().regex(/^[a-z]{2}$/), z.string());
export type LangMap = z.infer<typeof LangMap>;

export const Warning = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  source: z.string().optional(),
});
export type Warning = z.infer<typeof Warning>;

export const Dimension = z.enum(['height', 'width', 'depth', 'length', 'diameter', 'thickness']);
export type Dimension = z.infer<typeof Dimension>;

export const Measurement = z.object({
  dimension: Dimension,
  mm: z.number().nonnegative(),
  /** The notation as printed, e.g. `H: 9 7/16 in.` */
  source: z.string().optional(),
});
export type Measurement = z.infer<typeof Measurement>;

export const Measurements = z.object({
  dimensions: z.array(Measurement),
  weightG: z.number().nonnegative().optional(),
  source: z.string().optional(),
});
export type Measurements = z.infer<typeof Measurements>;

export const Period = z.object({ key: z.string(), label: LangMap });
export type Period = z.infer<typeof Period>;

export const DateRange = z.object({
  /** Signed years, BCE negative (1 BC = -1; there is no year 0). */
  earliest: z.number().int().optional(),
  latest: z.number().int().optional(),
  /** `ca.`, `circa`, `vers`, `hacia`: the range was printed as approximate. */
  approximate: z.boolean().optional(),
  periods: z.array(Period),
  source: z.string().optional(),
});
export type DateRange = z.infer<typeof DateRange>;

export const VocabTerm = z.object({
  key: z.string(),
  label: LangMap,
  source: z.string().optional(),
});
export type VocabTerm = z.infer<typeof VocabTerm>;

export const CategoryStep = z.object({
  /** Stable key: `<list id>/<slug of the English heading>[/<slug>...]` */
  key: z.string(),
  label: LangMap,
});
export type CategoryStep = z.infer<typeof CategoryStep>;

export const ListRef = z.object({
  id: z.string(),
  number: z.number().int().optional(),
  title: LangMap,
  year: z.number().int().optional(),
  emergency: z.boolean(),
  /**
   * ISO 3166-1 alpha-2 codes of the countries the list (or the record's section of it) covers: its
   * categories are at risk in each of them, whatever country the example's caption names.
   */
  coverage: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
});
export type ListRef = z.infer<typeof ListRef>;

export const ImageRef = z.object({
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.string(),
  /** File name or path as given by the source. */
  source: z.string(),
});
export type ImageRef = z.infer<typeof ImageRef>;

export const RecordKind = z.enum(['redlist', 'inventory', 'report']);
export type RecordKind = z.infer<typeof RecordKind>;

/** The longest record id: the id is also the Elasticsearch `_id`, which holds at most 512 bytes (UTF-8). */
export const MAX_RECORD_ID_BYTES = 512;

/** A record id (`<source>:<native id>`), bounded by what an index id holds. */
export const RecordId = z
  .string()
  .min(1)
  .refine(
    (id) => id.length <= MAX_RECORD_ID_BYTES / 4 || Buffer.byteLength(id) <= MAX_RECORD_ID_BYTES,
    `is longer than ${MAX_RECORD_ID_BYTES} bytes (UTF-8), the most an index id can hold`,
  );

export const CanonicalRecord = z.object({
  id: RecordId,
  kind: RecordKind,
  list: ListRef.optional(),
  category: z.array(CategoryStep),
  /** Object ID "Type of object", from a multilingual vocabulary when recognised. */
  objectType: z.array(VocabTerm),
  title: LangMap,
  description: LangMap,
  materials: z.array(VocabTerm),
  /** Technique and material text as printed, for what the vocabulary did not recognise. */
  materialText: z.string().optional(),
  measurements: Measurements,
  date: DateRange,
  places: z.object({
    /** ISO 3166-1 alpha-2 */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
    regions: z.array(z.string()),
    sites: z.array(z.string()),
    cultures: z.array(z.string()),
    source: z.string().optional(),
  }),
  emergency: z.object({
    active: z.boolean(),
    /** ISO codes of the emergency zone's countries. */
    zone: z.array(z.string().regex(/^[A-Z]{2}$/)),
  }),
  inscriptions: z.string().optional(),
  maker: z.string().optional(),
  holder: z
    .object({ institution: z.string().optional(), inventoryNumber: z.string().optional() })
    .optional(),
  images: z.array(ImageRef),
  source: z.object({
    name: z.string(),
    file: z.string(),
    list: z.string().optional(),
    illustration: z.number().int().optional(),
    lang: z.string().optional(),
    /** The caption or raw record text as given, kept verbatim. */
    text: z.string().optional(),
  }),
  warnings: z.array(Warning),
});
export type CanonicalRecord = z.infer<typeof CanonicalRecord>;
