import { z } from 'zod';
import { LangMap } from '../../src/schemas/record.js';

/**
 * The Red List transcription format (`ingest/sample/redlists/FORMAT.md`), as read from a file.
 * Lenient where real transcriptions are messy (a caption may be missing or empty, an illustration
 * may carry no image); strict on the structure that ids and keys are derived from.
 */

const Text = z.string();

export const RawIllustration = z
  .object({
    n: z.number().int().nonnegative(),
    caption: Text.optional(),
    lang: z.string().regex(/^[a-z]{2}$/).optional(),
    image: Text.optional(),
  })
  .loose();
export type RawIllustration = z.infer<typeof RawIllustration>;

export interface RawCategory {
  heading: LangMap;
  dates?: string | undefined;
  text?: LangMap | undefined;
  subcategories?: RawCategory[] | undefined;
  illustrations?: RawIllustration[] | undefined;
}

const WithEn = LangMap.refine((m) => typeof m.en === 'string' && m.en.trim() !== '', 'needs an "en" entry');

export const RawCategory: z.ZodType<RawCategory> = z.lazy(() =>
  z
    .object({
      heading: WithEn,
      dates: Text.optional(),
      text: LangMap.optional(),
      subcategories: z.array(RawCategory).optional(),
      illustrations: z.array(RawIllustration).optional(),
    })
    .loose(),
);

export const RawSection = z
  .object({
    heading: LangMap.optional(),
    emergency: z.boolean().optional(),
    coverage: z.array(Text).optional(),
    categories: z.array(RawCategory),
  })
  .loose();
export type RawSection = z.infer<typeof RawSection>;

export const RawList = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase slug such as syria-2013'),
    number: z.number().int().optional(),
    title: WithEn,
    year: z.number().int().optional(),
    published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD').optional(),
    emergency: z.boolean().default(false),
    coverage: z.array(Text).default([]),
    languages: z.array(z.string()).default([]),
    supersedes: z.string().nullable().optional(),
    legislation: z
      .array(
        z
          .object({ country: Text.optional(), text: Text.optional(), convention: Text.optional(), ratified: Text.optional() })
          .loose(),
      )
      .default([]),
    contacts: z.array(z.object({ name: Text, city: Text.optional(), country: Text.optional() }).loose()).default([]),
    suspicious_characteristics: z.array(LangMap).default([]),
    sections: z.array(RawSection),
  })
  .loose();
export type RawList = z.infer<typeof RawList>;
