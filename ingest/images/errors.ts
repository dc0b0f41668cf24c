/** Stable error codes of the image pipeline; the API maps them to problem+json 400. */
export const IMAGE_ERROR_CODES = [
  'IMAGE_TOO_LARGE_BYTES',
  'IMAGE_TOO_MANY_PIXELS',
  'IMAGE_UNSUPPORTED_FORMAT',
  'IMAGE_DECODE_FAILED',
  'IMAGE_MISSING',
] as const;
export type ImageErrorCode = (typeof IMAGE_ERROR_CODES)[number];

export class ImageError extends Error {
  readonly code: ImageErrorCode;

  constructor(code: ImageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageError';
    this.code = code;
  }
}

export function isImageError(e: unknown): e is ImageError {
  return e instanceof ImageError;
}
