import { fold } from '../../src/domain/fold.js';

/** A URL- and key-safe slug of a heading: folded, runs of anything but letters/digits → `-`. */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
