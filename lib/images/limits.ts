// Limits of the Messages API for images (see the Vision notes), shared by the browser and the server.

export const IMAGE_MEDIA_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"] as const;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/** Per image after processing: portable across the direct API, Bedrock and Vertex. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 8000;
/**
 * Our cap on the pixels the server decodes (all frames of an animation): a 186 KB PNG can claim
 * 8000×8000 px, i.e. 192 MB once decoded.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** The API downscales anything longer anyway, so sending more costs bytes and time, not quality. */
export const DEFAULT_MAX_EDGE = 1568;
export const MAX_IMAGES_PER_MESSAGE = 20;
export const MAX_IMAGE_URL_LENGTH = 2048;

export function isImageMediaType(value: string): value is ImageMediaType {
  return (IMAGE_MEDIA_TYPES as readonly string[]).includes(value);
}

/** Where the server serves an uploaded image to its owner. */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}
