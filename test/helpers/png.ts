import { crc32, createDeflate, deflateSync } from 'node:zlib';

/**
 * Hand-made 8-bit greyscale PNGs for the image-limit tests: a real 20000 x 20000 file without
 * holding its 400 MB of pixels in memory, or a header that promises pixels the data lacks.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function png(width: number, height: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, no interlace
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** A valid PNG of width x height black pixels, deflated row by row (about 0.4 MB for 20000²). */
export async function blackPng(width: number, height: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const row = Buffer.alloc(width + 1);
  for (let y = 0; y < height; y++) if (!deflate.write(row)) await new Promise((r) => deflate.once('drain', r));
  await new Promise((r) => deflate.end(r));
  return png(width, height, Buffer.concat(parts));
}

/**
 * A PNG whose header says width x height but whose pixel data stops after one row: enough for any
 * header reader, a decode failure for anything that reads the pixels.
 */
export function pngHeaderOnly(width: number, height: number): Buffer {
  return png(width, height, deflateSync(Buffer.alloc(width + 1)));
}
