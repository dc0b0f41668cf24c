import { fold, tokens } from '../../src/domain/fold.js';

/**
 * Cue words that tell what a caption part is when it is neither a date nor a measurement.
 * Compared after `fold`; a cue counts when a folded word equals it or starts with a listed stem.
 * This is only a classifier for splitting captions: material and place vocabularies are resolved
 * elsewhere (`src/domain/vocab`, countries gazetteer).
 */

const MATERIAL_WORDS = new Set(
  `alloy aleacion alliage liga legierung bronze bronce bronzo brass laton laiton copper cobre cuivre iron hierro fer ferro
  gold oro ouro silver plata argent prata tin estano etain lead plomo plomb electrum electro metal metales metaux
  stone stones piedra piedras pierre pierres pedra roca roche stein marble marmol marbre limestone caliza calcaire sandstone
  arenisca gres granite granito basalt basalto schist esquisto schiste steatite esteatita soapstone chlorite clorita alabaster
  alabastro albatre gypsum yeso gypse quartzite cuarcita jade jadeite jadeita serpentine serpentina haematite hematite
  hematites chalcedony calcedonia carnelian cornalina cornaline agate agata lapis lazuli garnet granate obsidian obsidiana
  flint pedernal silex emerald esmeralda turquoise turquesa amethyst amatista crystal cristal rock coral pearl pearls perla
  perlas perle perles gem gems gemas beads cuentas ivory marfil ivoire bone hueso shell shells concha conchas coquillage
  nacre wood madera bois madeira walnut linden bamboo bambu lacquer laca laque clay arcilla argile barro terracotta terracota
  terre cuite ceramic ceramics ceramica ceramique pottery earthenware stoneware porcelain porcelana porcelaine faience loza
  fritware glaze glazed vidriado vidriada glass vidrio verre vidro paste pasta pate textile tissu tejido tela cloth cotton
  algodon coton wool lana laine linen lino lin silk seda soie felt hide leather cuero cuir piel goatskin vellum parchment
  pergamino parchemin paper papel papier papyrus papiro bark corteza ink tinta encre pigment pigments pigmento pigmentos
  paint pintura peinture oil oleo huile tempera gouache watercolour acuarela aquarelle canvas lienzo toile stucco estuco
  plaster enduit cartonnage encaustic enamel esmalte email gilt gilded dorado dorada dore doree gilding sequins paillettes
  feathers plumage plumas plumes fibre fibra camelid camelido tapestry tapiz embroidery bordado broderie filigree filigrana
  calabash calabaza calebasse gourd eggshell cardboard carton isorel tesserae tessellae mosaic mosaico polychrome policromia
  polychromie binding bindings reliure encuadernacion encuadernado lustre blue wire alambre technique tecnica ware
  blackware redware prints albumen keramik silber stein marmor holz glas elfenbein knochen kupfer eisen messing papier
  seide wolle ton terrakotta porzellan fayence leinwand tempera
  кераміка керамика бронза золото срібло серебро камінь камень мармур мрамор дерево скло стекло кістка кость мідь медь залізо
  папір бумага пергамент шовк вовна глина теракота фаянс порцеляна олія полотно темпера левкас емаль сплав
  فخار خزف برونز ذهب فضه حجر رخام خشب زجاج عاج نحاس حديد ورق رق حرير صوف قطن طين جص عظم فسيفساء`.split(/\s+/u),
);

const MATERIAL_STEMS = [
  'pintad', 'tallad', 'policromad', 'estofad', 'modelad', 'fundid', 'martillad', 'repujad', 'cincelad', 'grabad', 'incis',
  'brunid', 'sculpt', 'peint', 'incrust', 'tejid', 'pulid', 'impres', 'imprim', 'vidriad', 'dorad',
];
const PARTICIPLES = new Set(
  `inlaid carved painted cast chased embossed engraved moulded molded burnished woven tisse hammered turned blown enamelled
  enameled lacquered polished forged grave gravee graves gravees poli polie wheel-made hand-formed mould-made printed dyed
  stamped incised gilded silvered applied`.split(/\s+/u),
);

const PLACE_WORDS = new Set(
  `region regions regiones province provincia culture cultura cultures style estilo school escuela ecole ceca mint atelier
  north south east west northern southern eastern western nord sud est ouest norte sur oeste delta vallee valley valle plateau
  meseta coast costa cote lake lago lac river rio fleuve basin cuenca bassin site sitio found hallada hallado trouve excavated
  kingdom reino royaume state estado etat empire imperio falaise escarpment cliff mount mont monte island isla ile gulf golfe
  bay bahia baie desert desierto`.split(/\s+/u),
);

const INSCRIPTION_WORDS = new Set(
  'script inscription inscriptions inscribed text ecriture inscripcion escritura inscrito inscrita legend leyenda legende writing blessing blessings wishes benediction invocation bendicion voeux'.split(' '),
);

// Matched against folded text (`fold`): no accents, lower case.
const MAKER_START = /^(?:(?:copied|painted|printed|signed|made|written|illuminated|engraved|decorated|cast|carved|designed|copiado|copiada|pintado|pintada|hecho|realizado|copie|peint|grave|realise)\s+(?:by|por|par)\b|(?:signed|signe|signee|firmado|firmada|attributed|attribue|atribuido|atribuida|workshop)\b|(?:atelier|taller)\s+de\b|(?:school|circle|follower)\s+of\b|d'apres\b|(?:after|by)\s+[a-z]+\s+[a-z]+)/u;
const MAKER_INSIDE = /\b(?:in the manner of|attributed to|workshop of|circle of|follower of|signed by|copied by|printed by|made by)\b/u;

function words(text: string): string[] {
  return tokens(text);
}

export function hasMaterialCue(text: string): boolean {
  return words(text).some((w) => MATERIAL_WORDS.has(w) || PARTICIPLES.has(w) || MATERIAL_STEMS.some((s) => w.startsWith(s)));
}

export function hasPlaceCue(text: string): boolean {
  return words(text).some((w) => PLACE_WORDS.has(w));
}

export function hasInscriptionCue(text: string): boolean {
  return words(text).some((w) => INSCRIPTION_WORDS.has(w));
}

export function isMakerPart(text: string): boolean {
  const f = fold(text);
  return MAKER_START.test(f) || MAKER_INSIDE.test(f);
}

/** Case of the first letter: `terre cuite` lower, `Herat` upper, Arabic `فخار` none (no case). */
export function firstLetterCase(text: string): 'lower' | 'upper' | 'none' {
  const m = /\p{L}/u.exec(text);
  if (!m) return 'none';
  const ch = m[0];
  if (ch.toLowerCase() === ch.toUpperCase()) return 'none';
  return ch === ch.toLowerCase() ? 'lower' : 'upper';
}

export function startsLowerCase(text: string): boolean {
  return firstLetterCase(text) === 'lower';
}

/** `Maria Prymachenko (1909–1997)`: a person with life dates. */
export function isPersonWithLifeDates(text: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4}\s*\(\s*(?:ca\.\s*)?\d{3,4}\s*[–-]\s*(?:ca\.\s*)?\d{3,4}\s*\)$/u.test(text.trim());
}

/** `48.1722`, `W.675.A`, `TL.2009.20.279`, `2009.20.147.1`, `inv. 1234`. */
export function looksLikeInventoryNumber(text: string): boolean {
  const t = text.trim().replace(/^(?:inv|inv\.|n°|no\.|nº|inventory|inventaire|inventario)\s*/iu, '');
  return t.length > 0 && t.length <= 32 && /\d/u.test(t) && /^[\p{L}\d][\p{L}\d.\-/ ]*$/u.test(t) && !/\s{2,}/u.test(t) && t.split(' ').length <= 3;
}
