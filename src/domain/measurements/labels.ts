import { fold } from '../fold.js';
import type { Dimension } from '../../schemas/record.js';

/**
 * Dimension labels printed before a value (`H.`, `hauteur :`, `alto`, `Höhe`, `висота`, `ارتفاع`)
 * or after it (`24 cm high`, `30 cm de haut`). Keys are folded and stripped of a trailing dot.
 *
 * Ambiguities, resolved on purpose:
 * - `D` is depth (the H x W x D convention of museum inventories); diameter is `Ø`, `diam.`.
 * - `L` is length, except a lower-case `l.` in French, which is `largeur` (width).
 * - Spanish `largo` is length, French/Portuguese `larg.` is width.
 */

const PREFIX: Record<Dimension, string[]> = {
  height: ['h', 'ht', 'hgt', 'height', 'haut', 'hauteur', 'alt', 'alto', 'altura', 'hohe', 'hoch', 'вис', 'висота', 'высота', 'ارتفاع', 'الارتفاع'],
  width: ['w', 'wd', 'width', 'larg', 'largeur', 'largura', 'ancho', 'anch', 'anchura', 'b', 'br', 'breite', 'шир', 'ширина', 'عرض', 'العرض'],
  depth: ['d', 'dp', 'depth', 'prof', 'profondeur', 'profundidad', 'profundidade', 'p', 't', 'tiefe', 'глиб', 'глибина', 'глубина', 'عمق', 'العمق'],
  length: ['l', 'lg', 'length', 'long', 'longueur', 'largo', 'longitud', 'comp', 'compr', 'comprimento', 'lange', 'довж', 'довжина', 'длина', 'طول', 'الطول'],
  diameter: ['diam', 'dia', 'diameter', 'diametre', 'diametro', 'dm', 'durchmesser', 'діам', 'діаметр', 'диам', 'диаметр', 'قطر', 'القطر'],
  thickness: ['th', 'thk', 'thick', 'thickness', 'ep', 'epaisseur', 'esp', 'espesor', 'grosor', 'espessura', 'dicke', 'starke', 'товщ', 'товщина', 'толщина', 'سمك', 'السمك'],
};

const POSTFIX: Record<string, Dimension> = {
  high: 'height', tall: 'height', haut: 'height', hauteur: 'height', alto: 'height', altura: 'height', hoch: 'height',
  wide: 'width', large: 'width', largeur: 'width', ancho: 'width', breit: 'width',
  deep: 'depth', profond: 'depth', profondeur: 'depth', profundidad: 'depth', tief: 'depth',
  long: 'length', longueur: 'length', largo: 'length', lang: 'length',
  thick: 'thickness', epais: 'thickness', epaisseur: 'thickness', espesor: 'thickness',
  diam: 'diameter', diameter: 'diameter', diametre: 'diameter', diametro: 'diameter',
};

const PREFIX_MAP = new Map<string, Dimension>();
for (const [dim, words] of Object.entries(PREFIX) as [Dimension, string[]][]) {
  for (const w of words) PREFIX_MAP.set(w, dim);
}

const SINGLE_LETTERS = new Set(['h', 'w', 'd', 'l', 'b', 'p', 't']);

/**
 * The dimension a label word names. `raw` is the word as printed (without its trailing dot);
 * `dotted` tells whether a dot or colon followed it. Single letters count only in upper case or
 * when followed by `.`/`:` so that ordinary words and elisions (`d'or`) are not taken for labels.
 */
export function prefixLabel(raw: string, dotted: boolean, lang?: string): Dimension | undefined {
  const key = fold(raw);
  const dim = PREFIX_MAP.get(key);
  if (!dim) return undefined;
  if (SINGLE_LETTERS.has(key)) {
    const upper = raw !== raw.toLowerCase();
    if (!upper && !dotted) return undefined;
    if (key === 'l' && !upper && lang === 'fr') return 'width';
  }
  return dim;
}

/** The dimension named by a word printed after a value (`high`, `de haut`, `long`). */
export function postfixLabel(raw: string): Dimension | undefined {
  return POSTFIX[fold(raw).replace(/\.$/u, '')];
}
