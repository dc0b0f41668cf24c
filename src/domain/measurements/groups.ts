import type { Dimension } from '../../schemas/record.js';
import { postfixLabel } from './labels.js';
import type { MToken } from './lexer.js';
import type { Unit } from './units.js';

/** One printed value (or range `6.5–7.5`) with its own label and unit when it has them. */
export interface Item {
  values: number[];
  label?: Dimension;
  unit?: Unit;
}

/** Values joined by `x`, sharing a unit: `H: 15 3/16 x W: 10 1/16 in.` */
export interface Group {
  items: Item[];
  start: number;
  end: number;
  paren: boolean;
  /** Index of the `;`- or line-separated segment the group is in. */
  segment: number;
  /** The parenthesised alternative printed right after: `(38.5 x 25.5 cm)`. */
  alt?: Group;
  /** Labels printed after the values: `(h. x diam.)`, `(l.)`. */
  spec?: Dimension[];
}

interface State {
  groups: Group[];
  cur?: Group;
  pendingLabel?: Dimension;
  pendingLabelStart?: number;
  expectNext: boolean;
  segment: number;
  depth: number;
  /** Top-level group a parenthesis opened right after, with the labels read inside it. */
  parenParent?: Group;
  parenLabels: Dimension[];
  parenHasNum: boolean;
}

function close(s: State): void {
  s.cur = undefined;
  s.expectNext = false;
}

function lastTopLevel(s: State): Group | undefined {
  for (let i = s.groups.length - 1; i >= 0; i--) {
    const g = s.groups[i];
    if (g && !g.paren) return g;
  }
  return undefined;
}

function onNumber(s: State, toks: MToken[], i: number, value: number): number {
  const tok = toks[i];
  if (!tok) return i;
  const values = [value];
  let end = tok.end;
  let consumed = i;
  const r = toks[i + 1];
  const n = toks[i + 2];
  if (r?.t === 'range' && n?.t === 'num') {
    values.push(n.value);
    end = n.end;
    consumed = i + 2;
  }
  const item: Item = { values };
  if (s.pendingLabel) item.label = s.pendingLabel;
  const start = s.pendingLabelStart ?? tok.start;
  s.pendingLabel = undefined;
  s.pendingLabelStart = undefined;
  const cur = s.cur;
  if (cur && s.expectNext) {
    cur.items.push(item);
    cur.end = end;
  } else {
    const g: Group = { items: [item], start, end, paren: s.depth > 0, segment: s.segment };
    if (g.paren && s.parenParent && !s.parenParent.alt) s.parenParent.alt = g;
    s.groups.push(g);
    s.cur = g;
  }
  if (s.depth > 0) s.parenHasNum = true;
  s.expectNext = false;
  return consumed;
}

function onUnit(s: State, toks: MToken[], i: number, unit: Unit): number {
  const prev = toks[i - 1];
  const cur = s.cur;
  if (!cur || prev?.t !== 'num') return i;
  for (let k = cur.items.length - 1; k >= 0; k--) {
    const item = cur.items[k];
    if (!item || item.unit) break;
    item.unit = unit;
  }
  const tok = toks[i];
  if (tok) cur.end = tok.end;
  // Postfix label: `24 cm high`, `30 cm de haut`, `24 cm in diameter`, not followed by a value.
  let j = i + 1;
  const skip = (tk: MToken | undefined): boolean =>
    (tk?.t === 'word' && ['de', 'in', 'of', 'en'].includes(tk.word.toLowerCase())) || (tk?.t === 'unit' && tk.unit.symbol === 'in');
  while (skip(toks[j])) j++;
  const next = toks[j];
  const after = toks[j + 1];
  let dim: Dimension | undefined;
  if (next?.t === 'word') dim = postfixLabel(next.word);
  else if (next?.t === 'label' && after?.t !== 'num') dim = next.dim;
  const last = cur.items[cur.items.length - 1];
  if (dim && last && !last.label && next) {
    last.label = dim;
    cur.end = next.end;
    return j;
  }
  return i;
}

/** Read the groups of values in a token stream (see `Group`). */
export function readGroups(toks: MToken[]): Group[] {
  const s: State = { groups: [], expectNext: false, depth: 0, parenLabels: [], parenHasNum: false, segment: 0 };
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (!tok) continue;
    switch (tok.t) {
      case 'num':
        i = onNumber(s, toks, i, tok.value);
        break;
      case 'unit':
        i = onUnit(s, toks, i, tok.unit);
        break;
      case 'x':
        if (s.cur) s.expectNext = true;
        break;
      case 'label':
        if (s.depth > 0) s.parenLabels.push(tok.dim);
        s.pendingLabel = tok.dim;
        if (s.pendingLabelStart === undefined) s.pendingLabelStart = tok.start;
        break;
      case 'open':
        if (s.depth === 0) {
          s.parenParent = s.cur && !s.cur.paren ? s.cur : undefined;
          if (!s.parenParent && !s.cur) s.parenParent = lastTopLevel(s);
          s.parenLabels = [];
          s.parenHasNum = false;
        }
        s.depth += 1;
        close(s);
        break;
      case 'close':
        if (s.depth > 0) s.depth -= 1;
        if (s.depth === 0) {
          if (!s.parenHasNum && s.parenLabels.length > 0) {
            const target = lastTopLevel(s);
            if (target && !target.spec) target.spec = [...s.parenLabels];
          }
          s.parenParent = undefined;
          s.pendingLabel = undefined;
          s.pendingLabelStart = undefined;
        }
        close(s);
        break;
      case 'sep':
      case 'comma':
        close(s);
        s.pendingLabel = undefined;
        s.pendingLabelStart = undefined;
        if (tok.t === 'sep') s.segment += 1;
        break;
      case 'range':
      case 'word':
        break;
    }
  }
  return s.groups;
}
