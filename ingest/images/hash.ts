/**
 * Bit hashes from DCT blocks, hex encoding and Hamming distance.
 *
 * A hash bit says whether a low-frequency coefficient is above the median of the block's AC
 * coefficients. Median thresholding makes half the bits 1 whatever the image, so the hash does
 * not move under global brightness/contrast changes (they scale or shift coefficients together),
 * and unrelated images sit near half the bits apart. The DC coefficient (mean brightness) is left
 * out of the median and its bit is always 0: it would only encode exposure.
 */

/** Hash of a K x K block (row-major, DC first) as K*K bits, hex-encoded most significant bit first. */
export function blockHash(block: Float64Array, k: number): string {
  const ac = Array.from(block.subarray(1)).sort((a, b) => a - b);
  // Mean of the two middle values for an even count; for K*K-1 (odd) it is the middle value.
  const mid = ac.length >> 1;
  const med = ac.length % 2 === 1 ? (ac[mid] as number) : ((ac[mid - 1] as number) + (ac[mid] as number)) / 2;
  const bytes = new Uint8Array((k * k) / 8);
  for (let i = 1; i < k * k; i++) {
    if ((block[i] as number) > med) bytes[i >> 3] = (bytes[i >> 3] as number) | (0x80 >> (i & 7));
  }
  return Buffer.from(bytes).toString('hex');
}

/** Bits set in each 4-bit value, and the value of each hex digit by char code (-1: not hex). */
const NIBBLE_BITS = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** Number of differing bits between two equal-length hex hashes (hot path of the re-ranking). */
export function hamming(a: string, b: string): number {
  if (a.length !== b.length) throw new RangeError(`hash lengths differ: ${a.length} vs ${b.length}`);
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const x = HEX[a.charCodeAt(i)] ?? -1;
    const y = HEX[b.charCodeAt(i)] ?? -1;
    if (x < 0 || y < 0) throw new RangeError(`not a hex hash at ${i}`);
    d += NIBBLE_BITS[x ^ y] as number;
  }
  return d;
}

/** ES accepts bit vectors as hex strings or as signed bytes; this gives the signed bytes. */
export function hexToSignedBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) {
    const b = parseInt(hex.slice(i, i + 2), 16);
    out.push(b > 127 ? b - 256 : b);
  }
  return out;
}

/** Inverse of hexToSignedBytes: how ES returns a bit vector from `_source` (with `exclude_vectors: false`). */
export function signedBytesToHex(bytes: readonly number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

const HEX_RE = /^(?:[0-9a-fA-F]{8})+$/;

/** A hex hash as 32-bit words, for fast repeated comparisons (re-ranking hundreds of candidates). */
export function hexToWords(hex: string): Uint32Array {
  if (!HEX_RE.test(hex)) throw new RangeError('hash must be hex, a multiple of 32 bits');
  const w = new Uint32Array(hex.length / 8);
  for (let i = 0; i < w.length; i++) w[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return w;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Hamming distance of two equal-length word arrays. */
export function hammingWords(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`hash lengths differ: ${a.length} vs ${b.length} words`);
  let d = 0;
  for (let i = 0; i < a.length; i++) d += popcount32(((a[i] as number) ^ (b[i] as number)) >>> 0);
  return d;
}
