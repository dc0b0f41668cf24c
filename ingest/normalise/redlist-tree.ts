import type { CategoryStep, LangMap } from '../../src/schemas/record.js';
import type { RawCategory, RawList } from './redlist-schema.js';
import { slug } from './slug.js';

/**
 * Stable category keys: `<list id>/<slug of the English heading>[/<slug>]`. When the same top-level
 * heading occurs in several sections of one list (Cambodia 2009 repeats its period headings under
 * each material section; Libya 2015 has "Coins" in two eras), each occurrence gets the section's
 * slug after a `~` (`cambodia-2009/angkorian-period~ceramics`), so categories never merge by
 * accident; a heading repeated under the same parent gets `~2`, `~3`. Such a category's label names
 * its section too ("Angkorian period (Ceramics)"), so the facet never shows two equal labels.
 */
export function topLevelKeys(list: RawList): { key: string; label?: LangMap }[][] {
  const plain = list.sections.map((s) => s.categories.map((c) => `${list.id}/${slug(c.heading.en ?? '')}`));
  const sectionsOf = new Map<string, Set<number>>();
  plain.forEach((keys, si) => keys.forEach((k) => sectionsOf.set(k, (sectionsOf.get(k) ?? new Set()).add(si))));
  return plain.map((keys, si) => {
    const section = list.sections[si];
    const sectionSlug = slug(section?.heading?.en ?? '') || `section-${si + 1}`;
    const bySection = keys.map((k) => (sectionsOf.get(k)?.size ?? 0) > 1);
    const final = dedupe(keys.map((k, ci) => (bySection[ci] ? `${k}~${sectionSlug}` : k)));
    return final.map((key, ci) => {
      const heading = section?.categories[ci]?.heading;
      return bySection[ci] && heading && section?.heading ? { key, label: withSection(heading, section.heading) } : { key };
    });
  });
}

/** A heading followed by its section's heading, in each language of the heading. */
function withSection(heading: LangMap, section: LangMap): LangMap {
  const out: LangMap = {};
  for (const [lang, text] of Object.entries(heading)) {
    const sec = section[lang] ?? section.en;
    out[lang] = sec ? `${text} (${sec})` : text;
  }
  return out;
}

/** Keys of a category's children under a parent key. */
export function childKeys(parentKey: string, children: RawCategory[]): string[] {
  return dedupe(children.map((c) => `${parentKey}/${slug(c.heading.en ?? '')}`));
}

function dedupe(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}~${n}`;
  });
}

export function step(key: string, c: RawCategory, label?: LangMap): CategoryStep {
  return { key, label: { ...(label ?? c.heading) } };
}
