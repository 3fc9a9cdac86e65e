// The server's full check of an image: its header (validate.ts), then every pixel decoded by libvips
// (sharp) under a pixel cap, and encoded again in the same format without its metadata. What does not
// decode is refused; what does is stored as re-encoded, so bytes trailing the image, EXIF (location,
// camera) and anything else a viewer might trip over never leave the server.
import "server-only";
import sharp, { type FormatEnum, type OutputInfo, type Sharp, type SharpOptions } from "sharp";
import { readImageInfo } from "./info";
import { type ImageMediaType, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from "./limits";
import { checkImageBytes, type ImageCheck } from "./validate";

// libvips' operation cache only helps repeated work on the same files; uploads are each new.
sharp.cache(false);

const DECODE_TIMEOUT_SECONDS = 20;

const FORMATS: Record<ImageMediaType, keyof FormatEnum> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
};

export type DecodedImage =
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; mediaType: ImageMediaType; width: number; height: number }
  | Extract<ImageCheck, { ok: false }>;

function encoder(image: Sharp, mediaType: ImageMediaType, lossless: boolean, palette: boolean) {
  switch (mediaType) {
    case "image/jpeg":
      return image.jpeg({ quality: 90 });
    case "image/png":
      // A palette of up to 256 colours is rebuilt exactly; without it the file would grow.
      return image.png({ palette });
    case "image/gif":
      return image.gif();
    case "image/webp":
      return image.webp(lossless ? { lossless: true } : { quality: 90 });
  }
}

/**
 * Decodes `bytes` fully and encodes them again (upright, no metadata, same format and size). Refused:
 * whatever checkImageBytes refuses, more than MAX_IMAGE_PIXELS, pixel data that does not decode
 * cleanly, and a result over MAX_IMAGE_BYTES.
 */
export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  const check = checkImageBytes(bytes);
  if (!check.ok) return check;
  const info = readImageInfo(bytes);
  if (!info) return { ok: false, problem: "damaged" };
  const options = {
    animated: true,
    autoOrient: true,
    failOn: "warning",
    limitInputPixels: MAX_IMAGE_PIXELS,
  } satisfies SharpOptions;
  let output: { data: Buffer; info: OutputInfo };
  try {
    // With `animated`, the height is that of all frames stacked: the cap counts every frame.
    const meta = await sharp(bytes, { animated: true }).metadata();
    if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
      const frames = meta.pages ?? 1;
      return { ok: false, problem: "pixel_cap", width: meta.width, height: meta.height / frames, frames };
    }
    const image = sharp(bytes, options).timeout({ seconds: DECODE_TIMEOUT_SECONDS });
    output = await encoder(image, check.mediaType, info.lossless, meta.isPalette).toBuffer({
      resolveWithObject: true,
    });
  } catch {
    return { ok: false, problem: "damaged" };
  }
  if (output.info.format !== FORMATS[check.mediaType]) return { ok: false, problem: "damaged" };
  if (output.data.length > MAX_IMAGE_BYTES) return { ok: false, problem: "too_large" };
  return {
    ok: true,
    bytes: new Uint8Array(output.data),
    mediaType: check.mediaType,
    width: output.info.width,
    height: output.info.pageHeight ?? output.info.height,
  };
}
