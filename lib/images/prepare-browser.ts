// Browser only: turns a chosen, pasted or dropped file into an image the API accepts — upright (EXIF
// orientation applied), at most `maxEdge` px on the long edge, at most 5 MB, as JPEG, PNG, GIF or WebP.
import { type DetectedFormat, detectImageFormat } from "./formats";
import { type ImageInfo, readImageInfo } from "./info";
import { DEFAULT_MAX_EDGE, type ImageMediaType, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from "./limits";
import { fitWithin } from "./resize";

export interface PrepareOptions {
  /** Long edge in px after processing (default 1568, never above 8000). */
  maxEdge?: number;
  maxBytes?: number;
  /** Encoding for photos: JPEG (default, fastest everywhere) or WebP (smaller where supported). */
  lossyType?: "image/jpeg" | "image/webp";
  quality?: number;
}

export interface PreparedImage {
  blob: Blob;
  mediaType: ImageMediaType;
  width: number;
  height: number;
  /** The original file's size, to show what was saved. */
  sourceBytes: number;
  /** False when the original file is sent unchanged. */
  reencoded: boolean;
}

import { ImagePrepareError } from "./prepare-error";

export { ImagePrepareError, type PrepareProblem } from "./prepare-error";

// Decoding takes 4 bytes per pixel; beyond these the tab risks running out of memory.
export const MAX_SOURCE_BYTES = 100 * 1024 * 1024;
const MAX_SOURCE_PIXELS = 120_000_000;
/** Enough to reach the frame header of a JPEG behind a full 64 KB EXIF block. */
const HEAD_BYTES = 256 * 1024;
/** An original that already fits and is this small is sent as it is, without a generation loss. */
const KEEP_ORIGINAL_BYTES = 1024 * 1024;
/** A lossless re-encoding is kept unless the lossy one is this many times smaller (text stays crisp). */
const LOSSLESS_PREFERENCE = 1.5;
const DEFAULT_QUALITY = 0.85;
const MIN_QUALITY = 0.5;

export async function prepareImage(file: Blob, options: PrepareOptions = {}): Promise<PreparedImage> {
  const maxEdge = Math.min(options.maxEdge ?? DEFAULT_MAX_EDGE, MAX_IMAGE_SIDE);
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;
  if (file.size > MAX_SOURCE_BYTES) throw new ImagePrepareError("source_too_large");

  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const format = detectImageFormat(head);
  if (format === "svg") throw new ImagePrepareError("svg");
  if (format === null) throw new ImagePrepareError("not_image");
  const info = readImageInfo(head);
  if (info && info.width * info.height > MAX_SOURCE_PIXELS) throw new ImagePrepareError("source_too_large");

  const bitmap = await decode(file);
  try {
    const target = fitWithin(bitmap.width, bitmap.height, maxEdge);
    const original = keepableOriginal(file, info, target, bitmap, maxBytes);
    if (original && (original.mediaType === "image/gif" || file.size <= KEEP_ORIGINAL_BYTES)) return original;

    let encoded = await encodeBest(bitmap, target, format, info, options);
    if (original && original.blob.size <= encoded.blob.size) return original;
    for (let size = target; encoded.blob.size > maxBytes; ) {
      // Still too big (rare: noise-like photos at a large maxEdge): shrink by a quarter and retry.
      size = {
        width: Math.max(1, Math.floor(size.width * 0.75)),
        height: Math.max(1, Math.floor(size.height * 0.75)),
      };
      if (size.width < 64 && size.height < 64) throw new ImagePrepareError("too_large");
      encoded = await encodeBest(bitmap, size, format, info, { ...options, quality: MIN_QUALITY });
    }
    return { ...encoded, sourceBytes: file.size, reencoded: true };
  } finally {
    bitmap.close();
  }
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new ImagePrepareError("decode");
  }
}

/** The file itself, when the API takes it as it is and it is already upright and small enough. */
function keepableOriginal(
  file: Blob,
  info: ImageInfo | null,
  target: { width: number; height: number },
  bitmap: ImageBitmap,
  maxBytes: number,
): PreparedImage | null {
  if (info?.orientation !== 1 || file.size > maxBytes) return null;
  if (target.width !== bitmap.width || target.height !== bitmap.height) return null;
  return {
    blob: file,
    mediaType: info.mediaType,
    width: bitmap.width,
    height: bitmap.height,
    sourceBytes: file.size,
    reencoded: false,
  };
}

type Encoded = Pick<PreparedImage, "blob" | "mediaType" | "width" | "height">;

async function encodeBest(
  bitmap: ImageBitmap,
  size: { width: number; height: number },
  format: DetectedFormat,
  info: ImageInfo | null,
  options: PrepareOptions,
): Promise<Encoded> {
  const quality = options.quality ?? DEFAULT_QUALITY;
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;
  // Formats the browser converts for us (HEIC, AVIF, BMP, TIFF) are treated as opaque.
  const lossless = info?.lossless ?? (format === "bmp" || format === "tiff");
  const alpha = info?.mayHaveAlpha ?? false;

  if (alpha) {
    // Keep the transparency: PNG when lossless and light enough, else WebP (which has alpha).
    if (lossless) {
      const png = await encode(bitmap, size, "image/png");
      if (png.blob.size <= maxBytes) return png;
    }
    const webp = await encode(bitmap, size, "image/webp", quality);
    if (webp.mediaType === "image/webp" && webp.blob.size <= maxBytes) return webp;
  }
  const lossy = await encode(bitmap, size, options.lossyType ?? "image/jpeg", quality);
  if (!lossless || alpha) return lossy;
  const png = await encode(bitmap, size, "image/png");
  return png.blob.size <= maxBytes && png.blob.size <= lossy.blob.size * LOSSLESS_PREFERENCE ? png : lossy;
}

async function encode(
  bitmap: ImageBitmap,
  { width, height }: { width: number; height: number },
  type: ImageMediaType,
  quality?: number,
): Promise<Encoded> {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d") as
    | CanvasRenderingContext2D
    | OffscreenCanvasRenderingContext2D
    | null;
  if (!context) throw new ImagePrepareError("decode");
  if (type === "image/jpeg") {
    // JPEG has no alpha: transparent pixels would turn black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, width, height);
  }
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, width, height);
  const blob = await toBlob(canvas, type, quality);
  // Browsers that cannot encode a type (Safari and WebP) silently answer PNG.
  const mediaType = (blob.type || "image/png") as ImageMediaType;
  return { blob, mediaType, width, height };
}

function createCanvas(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== "undefined") return new OffscreenCanvas(width, height);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function toBlob(canvas: OffscreenCanvas | HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  if ("convertToBlob" in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ImagePrepareError("decode"))), type, quality),
  );
}
