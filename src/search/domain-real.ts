import { fold, stem } from '../domain/fold.js';
import { parseLength, parseWeight } from '../domain/measurements.js';
import { expandQuery, labelFor, narrowerKeys, VOCAB_LANGS } from '../domain/vocabulary.js';
import type { SearchDomain } from './domain.js';
import { periodBucketLabel } from './period-labels.js';

/**
 * The search's domain, bound to the project's vocabularies, gazetteers and parsers.
 */

const ISO_CODES = (() => {
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) out.push(String.fromCharCode(a, b));
  return out;
})();

const displayNames = new Map<string, Intl.DisplayNames>();
function names(lang: string): Intl.DisplayNames | undefined {
  let d = displayNames.get(lang);
  if (!d) {
    try {
      d = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    } catch {
      return undefined;
    }
    displayNames.set(lang, d);
  }
  return d;
}

/** Country names in the interface languages (folded) → ISO code, from the runtime's CLDR data. */
const byName: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const code of ISO_CODES) {
    for (const lang of VOCAB_LANGS) {
      const n = names(lang)?.of(code);
      if (n && n !== code) m.set(fold(n), code);
    }
  }
  return m;
})();
const KNOWN = new Set(byName.values());

export function countryLabel(code: string, lang: string): string {
  return names(lang)?.of(code) ?? names('en')?.of(code) ?? code;
}

export function resolveCountry(input: string): string | undefined {
  const t = input.trim();
  if (/^[A-Za-z]{2}$/.test(t) && KNOWN.has(t.toUpperCase())) return t.toUpperCase();
  return byName.get(fold(t));
}

const BCE = /^(\d{1,6})\s*(?:bce?|b\.c\.(?:e\.)?|av\.?\s*j\.?-?c\.?|a\.?\s*c\.?|a\.?\s*de\s*c\.?|v\.?\s*chr\.?|до\s*н\.?\s*е\.?|ق\.?\s*م\.?)$/iu;
const CE = /^(?:ad|a\.d\.|ce)?\s*(\d{1,4})\s*(?:ce|ad|a\.d\.|ap\.?\s*j\.?-?c\.?|d\.?\s*c\.?|n\.?\s*chr\.?|н\.?\s*е\.?|م)?$/iu;

function parseYear(text: string): number | undefined {
  const t = text.trim();
  const bce = BCE.exec(t);
  if (bce) return -Number(bce[1]);
  const ce = CE.exec(t);
  return ce ? Number(ce[1]) : undefined;
}

export const realDomain: SearchDomain = {
  expandQuery: (text) => expandQuery(text).map((e) => ({ key: e.key, kind: e.kind, terms: e.terms })),
  narrowerKeys: (key) => narrowerKeys(key),
  vocabLabel: (key, lang) => labelFor(key, lang),
  resolveCountry,
  countryLabel,
  regionLabel: (key) => key,
  periodLabel: periodBucketLabel,
  parseLength: (text, unit) => parseLength(text, unit),
  parseWeight: (text) => parseWeight(text),
  parseYear: (text) => parseYear(text),
  stem,
};
