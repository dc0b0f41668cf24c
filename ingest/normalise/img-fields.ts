import { IMAGE_HASH_FIELD, imageHashEntries, type ImageDescriptors } from '../images/index.js';
import { indexDefinition } from '../sink/indices.js';

/**
 * Image descriptors → the image fields of an objects document. The one place that knows this
 * mapping: `img.phash` (the first image's 64-bit pHash) always; the nested 256-bit hash entries
 * of the image module (`image_hashes`) only once the objects mapping declares that field, so a
 * strict mapping never rejects a document for it.
 */
export interface ImageDescribed {
  sha256: string;
  descriptors: ImageDescriptors;
}

let hashFieldMapped: boolean | undefined;

function mappingHasHashField(): boolean {
  hashFieldMapped ??= Object.hasOwn(indexDefinition('objects').mappings.properties ?? {}, IMAGE_HASH_FIELD);
  return hashFieldMapped;
}

export function imageDocFields(images: ImageDescribed[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const first = images[0];
  if (first && typeof first.descriptors.phash === 'string') out.img = { phash: first.descriptors.phash };
  if (images.length && mappingHasHashField()) {
    out[IMAGE_HASH_FIELD] = images.flatMap((i) => imageHashEntries(i.sha256, i.descriptors));
  }
  return out;
}
