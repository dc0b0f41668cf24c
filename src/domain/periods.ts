import { tokenSpans, tokens, type Token } from './fold.js';
import { Memo } from '../memo.js';
import { AFRICA_EUROPE } from './periods/africa-europe.js';
import { AMERICAS_PERIODS } from './periods/americas.js';
import { ASIA } from './periods/asia.js';
import { EGYPT, EGYPT_DYNASTIES, egyptianDynasty } from './periods/egypt.js';
import { GENERAL } from './periods/general.js';
import { ISLAMIC } from './periods/islamic.js';
import { NEAR_EAST } from './periods/near-east.js';
import type { PeriodEntry } from './periods/types.js';
import { romanToInt } from './roman.js';

export type { PeriodEntry, PeriodKind, PeriodLabels } from './periods/types.js';

/**
 * The period gazetteer: every period, dynasty, reign and cultural era named in the sample Red
 * Lists plus the frequent `Period`/`Dynasty` values of the Walters inventory.
 *
 * Names are matched token by token after `fold` (case, accents and punctuation do not matter),
 * longest name first. Generic words around a name (`period`, `dynasty`, `culture`, `style`,
 * `époque`, `periodo`, ...) are taken into the match. When a name has several readings by region
 * ("Classic", "Colonial period", "Late Period"), the caller's regions choose (the narrowest matching
 * reading); without regions the reading valid everywhere wins, else the first one defined. Egyptian numbered dynasties
 * (`18th Dynasty`, `25th–26th Dynasty`, `XVIIIe dynastie`, `dinastía XVIII`) are recognised by pattern.
 */

/** Region-specific readings come right after the general ones, so order matters for ties. */
export const PERIODS: readonly PeriodEntry[] = [
  ...GENERAL, ...NEAR_EAST, ...EGYPT, ...ISLAMIC, ...AMERICAS_PERIODS, ...ASIA, ...AFRICA_EUROPE, ...EGYPT_DYNASTIES,
];

const BY_KEY = new Map(PERIODS.map((p) => [p.key, p]));

export function periodByKey(key: string): PeriodEntry | undefined {
  return BY_KEY.get(key);
}

const SUFFIX = new Set([
  'period', 'periods', 'periode', 'periodes', 'periodo', 'periodos', 'era', 'ere', 'epoque', 'epoca',
  'dynasty', 'dynasties', 'dynastie', 'dinastia', 'dinastias', 'culture', 'cultures', 'cultura', 'culturas',
  'kultur', 'style', 'styles', 'estilo', 'stil', 'zeit', 'phase', 'phases', 'fase', 'tradition', 'reign',
  'regne', 'reinado', 'civilization', 'civilisation', 'civilizacion', 'період', 'доба', 'культура', 'династія',
]);
const PREFIX = new Set([
  'culture', 'cultura', 'style', 'estilo', 'periode', 'periodo', 'epoque', 'epoca', 'dynastie', 'dinastia',
  'civilisation', 'civilizacion', 'era', 'культура', 'العصر', 'عصر',
]);
const DYNASTY_WORDS = new Set(['dynasty', 'dynasties', 'dynastie', 'dynasties', 'dinastia', 'dinastias', 'الاسره', 'династія']);
const MOD_WORDS = new Set(['early', 'late', 'mid', 'middle', 'debut', 'fin', 'haute', 'basse']);

interface Alias {
  words: string[];
  entries: PeriodEntry[];
  strict: boolean;
}

/** Aliases by first word, longest first. */
const INDEX = new Map<string, Alias[]>();
(function build(): void {
  const seen = new Map<string, Alias>();
  for (const entry of PERIODS) {
    if (entry.key.startsWith('eg-dynasty-')) continue;
    const names = new Set([...Object.values(entry.label), ...entry.aliases]);
    const strict = new Set((entry.strict ?? []).map((s) => tokens(s).join(' ')));
    for (const name of names) {
      const words = tokens(name);
      if (words.length === 0) continue;
      const id = words.join(' ');
      let alias = seen.get(id);
      if (!alias) {
        alias = { words, entries: [], strict: strict.has(id) };
        seen.set(id, alias);
        const first = words[0] ?? '';
        const list = INDEX.get(first) ?? [];
        list.push(alias);
        INDEX.set(first, list);
      }
      if (!alias.entries.includes(entry)) alias.entries.push(entry);
      if (strict.has(id)) alias.strict = true;
    }
  }
  for (const list of INDEX.values()) list.sort((a, b) => b.words.length - a.words.length);
})();

export interface PeriodMatch {
  entry: PeriodEntry;
  /** Offsets of the matched name (with its generic words) in the source text. */
  start: number;
  end: number;
  text: string;
}

export interface FindPeriodOptions {
  /** ISO 3166-1 alpha-2 codes of the record's countries, to choose between regional readings. */
  regions?: string[];
}

function choose(entries: PeriodEntry[], regions?: string[]): PeriodEntry | undefined {
  if (regions && regions.length > 0) {
    // The narrowest matching reading: `do-colonial` (DO) before `colonial` (all the Americas).
    const regional = entries
      .filter((e) => e.region?.some((r) => regions.includes(r)))
      .sort((a, b) => (a.region?.length ?? 0) - (b.region?.length ?? 0))[0];
    if (regional) return regional;
  }
  return entries.find((e) => !e.region) ?? entries[0];
}

function ordinalNumber(word: string): number | undefined {
  const m = /^(\d{1,2})(st|nd|rd|th|e|er|re|eme|a|o)?$/u.exec(word);
  if (m) return Number(m[1]);
  const r = /^([ivxl]+)(e|er|re|eme)?$/u.exec(word);
  return r ? romanToInt(r[1] ?? '') : undefined;
}

/** `25th–26th Dynasty`, `late 25th-26th Dynasty`, `XVIIIe dynastie`, `dinastía XVIII`, `الأسرة 18`. */
function matchDynasties(toks: Token[], i: number, text: string): { matches: PeriodMatch[]; next: number } | undefined {
  const tok = toks[i];
  if (!tok) return undefined;
  const ordinals: Token[] = [];
  let j = i;
  if (DYNASTY_WORDS.has(tok.text)) {
    const n = toks[i + 1] && ordinalNumber(toks[i + 1]?.text ?? '');
    if (n === undefined || !egyptianDynasty(n) || !toks[i + 1]) return undefined;
    const e = egyptianDynasty(n);
    const end = toks[i + 1]?.end ?? tok.end;
    return e ? { matches: [{ entry: e, start: tok.start, end, text: text.slice(tok.start, end) }], next: i + 2 } : undefined;
  }
  while (j < toks.length && j < i + 5) {
    const t = toks[j];
    if (!t) break;
    const n = ordinalNumber(t.text);
    if (n !== undefined && egyptianDynasty(n)) ordinals.push(t);
    else if (!MOD_WORDS.has(t.text) || ordinals.length === 0) break;
    j += 1;
  }
  const dyn = toks[j];
  if (ordinals.length === 0 || !dyn || !DYNASTY_WORDS.has(dyn.text) || toks[j + 1]?.text === 'of') return undefined;
  // Matches do not overlap: `25th` and `26th Dynasty` in `25th–26th Dynasty`.
  const matches: PeriodMatch[] = [];
  ordinals.forEach((o, k) => {
    const e = egyptianDynasty(ordinalNumber(o.text) ?? 0);
    const end = k === ordinals.length - 1 ? dyn.end : o.end;
    if (e) matches.push({ entry: e, start: o.start, end, text: text.slice(o.start, end) });
  });
  return { matches, next: j + 1 };
}

const WORD_GAP = /^[\s\-–'’.]*$/u;
/** Looking past a strict name for its generic word: `Tang [T'ang] Dynasty`, `Song–Jin period`. */
const STRICT_GAP = /^[\s\-–'’.[\]()]*$/u;
const AFFIX_GAP = /^[\s\-–]*$/u;

/** Only spaces, hyphens (and inside a name apostrophes and dots) between two tokens. */
function joined(text: string, a: Token | undefined, b: Token | undefined, gap: RegExp): boolean {
  return !!a && !!b && gap.test(text.slice(a.end, Math.max(a.end, b.start)));
}

function strictOk(toks: Token[], i: number, len: number, text: string): boolean {
  if (PREFIX.has(toks[i - 1]?.text ?? '') && joined(text, toks[i - 1], toks[i], AFFIX_GAP)) return true;
  for (let k = i + len; k < i + len + 2; k++) {
    if (!joined(text, toks[k - 1], toks[k], STRICT_GAP)) return false;
    if (SUFFIX.has(toks[k]?.text ?? '')) return true;
  }
  return false;
}

// Caption parts and inventory values repeat a lot: remember recent answers (bounded).
const CACHE = new Memo<PeriodMatch[]>(20_000);

/** Every gazetteer name found in `text`, left to right, without overlaps (matches are shared: do not mutate). */
export function findPeriods(text: string, opts: FindPeriodOptions = {}): PeriodMatch[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const key = `${opts.regions?.join(',') ?? ''}|${text}`;
  return [...CACHE.get(key, () => scan(text, opts))];
}

function scan(text: string, opts: FindPeriodOptions): PeriodMatch[] {
  const toks = tokenSpans(text);
  const out: PeriodMatch[] = [];
  let lastEnd = -1;
  for (let i = 0; i < toks.length; ) {
    const tok = toks[i];
    if (!tok) break;
    const dyn = matchDynasties(toks, i, text);
    if (dyn) {
      out.push(...dyn.matches);
      lastEnd = dyn.next - 1;
      i = dyn.next;
      continue;
    }
    const found = (INDEX.get(tok.text) ?? []).find(
      (a) =>
        a.words.every((w, k) => toks[i + k]?.text === w && (k === 0 || joined(text, toks[i + k - 1], toks[i + k], WORD_GAP))) &&
        (!a.strict || strictOk(toks, i, a.words.length, text)),
    );
    const entry = found && choose(found.entries, opts.regions);
    if (!found || !entry) {
      i += 1;
      continue;
    }
    let startIdx = i;
    if (i - 1 > lastEnd && PREFIX.has(toks[i - 1]?.text ?? '') && joined(text, toks[i - 1], tok, AFFIX_GAP)) startIdx = i - 1;
    let endIdx = i + found.words.length - 1;
    while (
      endIdx < i + found.words.length + 1 &&
      SUFFIX.has(toks[endIdx + 1]?.text ?? '') &&
      joined(text, toks[endIdx], toks[endIdx + 1], AFFIX_GAP)
    ) {
      endIdx += 1;
    }
    const start = toks[startIdx]?.start ?? tok.start;
    const end = toks[endIdx]?.end ?? tok.end;
    out.push({ entry, start, end, text: text.slice(start, end) });
    lastEnd = endIdx;
    i = endIdx + 1;
  }
  return out;
}
