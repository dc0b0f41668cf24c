/**
 * The evaluation corpus from the fixtures: group originals (from NEAR_DUPLICATE_GROUPS.csv), the
 * fixtures' own edited copies of them, and distractors (the CSV's negatives, other unrelated
 * fixture photos, and heavy crops of regions of those photos).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharp } from '../../../ingest/images/sharp.js';

export const FIXTURES = new URL('../../fixtures/images/', import.meta.url).pathname;

export interface CsvRow {
  group: string;
  file: string;
  relation_to_group_original: string;
}

export interface Item {
  id: string;
  bytes: Buffer;
}

export interface Corpus {
  originals: Array<Item & { group: string }>;
  /** Fixture files that are copies/edits of a group original (excluding the original's own bytes). */
  fixtureVariants: Array<Item & { group: string; relation: string }>;
  distractors: Item[];
}

/** Unrelated real photos in the fixtures that the CSV does not list. */
const EXTRA_DISTRACTORS = [
  'pdq_threatexchange/reg-test-input/pen-and-coaster.png',
  'pdq_threatexchange/misc-images/c.png',
  'pdq_threatexchange/misc-images/small.jpg',
  'pdq_threatexchange/misc-images/wee.jpg',
];

/** Region windows (share of each side) cut from each distractor photo. */
const WINDOWS = [0.3, 0.45, 0.6];
const POSITIONS = [0, 0.5, 1];

async function regionCrops(id: string, bytes: Buffer): Promise<Item[]> {
  const upright = await sharp(bytes, { autoOrient: true }).png().toBuffer();
  const { width: w = 0, height: h = 0 } = await sharp(upright).metadata();
  if (Math.min(w, h) < 128) return [];
  const out: Item[] = [];
  for (const s of WINDOWS) {
    for (const py of POSITIONS) {
      for (const px of POSITIONS) {
        const cw = Math.round(w * s);
        const ch = Math.round(h * s);
        const left = Math.round((w - cw) * px);
        const top = Math.round((h - ch) * py);
        const b = await sharp(upright).extract({ left, top, width: cw, height: ch }).jpeg({ quality: 85 }).toBuffer();
        out.push({ id: `${id}#region-${s}-${px}-${py}`, bytes: b });
      }
    }
  }
  return out;
}

export async function loadCorpus(): Promise<Corpus> {
  const rows = parse(await readFile(join(FIXTURES, 'NEAR_DUPLICATE_GROUPS.csv')), { columns: true }) as CsvRow[];
  const byGroup = new Map<string, CsvRow[]>();
  for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  const corpus: Corpus = { originals: [], fixtureVariants: [], distractors: [] };
  const distractorFiles: string[] = [...EXTRA_DISTRACTORS];
  for (const [group, members] of byGroup) {
    const negative = members.every((m) => /distractor|different artwork/.test(m.relation_to_group_original));
    if (negative) {
      distractorFiles.push(...members.map((m) => m.file));
      continue;
    }
    const orig = members.find((m) => m.relation_to_group_original === 'original') ?? members[0];
    if (!orig) continue;
    const origBytes = await readFile(join(FIXTURES, orig.file));
    corpus.originals.push({ id: orig.file, group, bytes: origBytes });
    for (const m of members) {
      if (m === orig) continue;
      const bytes = await readFile(join(FIXTURES, m.file));
      if (bytes.equals(origBytes)) continue;
      corpus.fixtureVariants.push({ id: m.file, group, relation: m.relation_to_group_original, bytes });
    }
  }
  for (const f of distractorFiles) {
    const bytes = await readFile(join(FIXTURES, f));
    corpus.distractors.push({ id: f, bytes }, ...(await regionCrops(f, bytes)));
  }
  return corpus;
}
