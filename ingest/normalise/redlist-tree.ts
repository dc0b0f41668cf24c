import type { CategoryStep } from '../../src/schemas/record.js';
import type { RawCategory, RawList } from './redlist-schema.js';
import { slug } from './slug.js';

/**
 * Stable category keys: `<list id>/<slug of the English heading>[/<slug>]`. When the same top-level
 * heading occurs in several sections of one list (Cambodia 2009 repeats its period headings under
 * each material section; Libya 2015 has "Coins" in two eras), each occurrence gets the section's
 * slug after a `~` (`cambodia-2009/angkorian-period~ceramics`), so categories never merge by
 * accident; a heading repeated under the same parent gets `~2`, `~3`.
 */
export function topLevelKeys(list: RawList): string[][] {
  const plain = list.sections.map((s) => s.categories.map((c) => `${list.id}/${slug(c.heading.en ?? '')}`));
  const sectionsOf = new Map<string, Set<number>>();
  plain.forEach((keys, si) => keys.forEach((k) => sectionsOf.set(k, (sectionsOf.get(k) ?? new Set()).add(si))));
  return plain.map((keys, si) => {
    const section = list.sections[si];
    const sectionSlug = slug(section?.heading?.en ?? '') || `section-${si + 1}`;
    const withSection = keys.map((k) => ((sectionsOf.get(k)?.size ?? 0) > 1 ? `${k}~${sectionSlug}` : k));
    return dedupe(withSection);
  });
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

export function step(key: string, c: RawCategory): CategoryStep {
  return { key, label: { ...c.heading } };
}
