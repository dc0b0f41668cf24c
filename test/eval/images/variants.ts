/**
 * Edited copies of an image, made with sharp the way photos travel: resized, recompressed,
 * blurred, re-exposed, desaturated, rotated, mirrored, cropped, framed, slightly tilted.
 */
import { sharp } from '../../../ingest/images/sharp.js';

export interface Variant {
  name: string;
  /** Which target applies (see TARGETS in images.ts). */
  family: 'photometric' | 'geometric' | 'crop' | 'hard';
  bytes: Buffer;
}

const jpeg = (img: ReturnType<typeof sharp>): Promise<Buffer> => img.jpeg({ quality: 90 }).toBuffer();

/** Deterministic pseudo-random texture (xorshift) for the textured frame. */
function texture(width: number, height: number, seed: number): Buffer {
  const buf = Buffer.alloc(width * height * 3);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < buf.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    buf[i] = (s >>> 0) & 0xff;
  }
  return buf;
}

async function framed(upright: Buffer, w: number, h: number, perSide: number, kind: 'solid' | 'textured'): Promise<Buffer> {
  const bx = Math.round(w * perSide);
  const by = Math.round(h * perSide);
  if (kind === 'solid') {
    return jpeg(sharp(upright).extend({ top: by, bottom: by, left: bx, right: bx, background: '#7a5230' }));
  }
  const W = w + 2 * bx;
  const H = h + 2 * by;
  // Coarse random blocks blurred a little: a patterned mat/table top, not flat noise.
  const base = await sharp(texture(Math.ceil(W / 8), Math.ceil(H / 8), w * 31 + h), {
    raw: { width: Math.ceil(W / 8), height: Math.ceil(H / 8), channels: 3 },
  })
    .resize(W, H, { kernel: 'nearest' })
    .blur(1.5)
    .png()
    .toBuffer();
  return jpeg(sharp(base).composite([{ input: upright, left: bx, top: by }]));
}

/** All variants of one original (bytes as stored; oriented first so edits act on the upright image). */
export async function makeVariants(original: Buffer): Promise<Variant[]> {
  const upright = await sharp(original, { autoOrient: true }).png().toBuffer();
  const { width: w = 0, height: h = 0 } = await sharp(upright).metadata();
  const img = () => sharp(upright);
  const crop = (l: number, t: number, r: number, b: number) => {
    const left = Math.round(w * l);
    const top = Math.round(h * t);
    return jpeg(img().extract({ left, top, width: Math.round(w * (1 - r)) - left, height: Math.round(h * (1 - b)) - top }));
  };
  const out: Variant[] = [];
  const add = async (name: string, family: Variant['family'], bytes: Promise<Buffer>) => out.push({ name, family, bytes: await bytes });
  await add('resize 25%', 'photometric', jpeg(img().resize(Math.max(8, Math.round(w / 4)))));
  await add('jpeg q30', 'photometric', img().jpeg({ quality: 30 }).toBuffer());
  await add('blur sigma 2', 'photometric', jpeg(img().blur(2)));
  await add('brightness +30%', 'photometric', jpeg(img().modulate({ brightness: 1.3 })));
  await add('brightness -30%', 'photometric', jpeg(img().modulate({ brightness: 0.7 })));
  await add('grayscale', 'photometric', jpeg(img().grayscale()));
  await add('rotate 90', 'geometric', jpeg(img().rotate(90)));
  await add('rotate 180', 'geometric', jpeg(img().rotate(180)));
  await add('rotate 270', 'geometric', jpeg(img().rotate(270)));
  await add('mirror', 'geometric', jpeg(img().flop()));
  // Pixels stored turned, EXIF tag says how to show them upright (orientation 6 and 3).
  await add('exif orientation 6', 'geometric', img().rotate(270).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer());
  await add('exif orientation 3', 'geometric', img().rotate(180).jpeg({ quality: 90 }).withMetadata({ orientation: 3 }).toBuffer());
  await add('crop 5% per side', 'crop', crop(0.05, 0.05, 0.05, 0.05));
  await add('crop 10% per side', 'crop', crop(0.1, 0.1, 0.1, 0.1));
  await add('border 20% solid', 'crop', framed(upright, w, h, 0.1, 'solid'));
  await add('border 20% textured', 'crop', framed(upright, w, h, 0.1, 'textured'));
  await add('border 40% textured', 'hard', framed(upright, w, h, 0.2, 'textured'));
  // Off-centre crops shift the content; the hashes are global, so these are reported, not gated.
  await add('crop 2% left only', 'hard', crop(0.02, 0, 0, 0));
  await add('crop 5% left only', 'hard', crop(0.05, 0, 0, 0));
  await add('crop 8% bottom (caption cut)', 'hard', crop(0, 0, 0, 0.08));
  await add('crop 10% left+top', 'hard', crop(0.1, 0.1, 0, 0));
  await add('rotate 3 degrees', 'hard', jpeg(img().rotate(3, { background: '#ffffff' })));
  await add('rotate 3 + crop 5%', 'hard', jpeg(sharp(await crop(0.05, 0.05, 0.05, 0.05)).rotate(3, { background: '#ffffff' })));
  return out;
}
