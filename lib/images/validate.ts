// The server's checks on an uploaded image: its bytes decide, never its name or declared type.
import { looksLikeSvg, sniffImageType } from "./formats";
import { hasImageEnd, readImageInfo } from "./info";
import { type ImageMediaType, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from "./limits";

export type ImageProblem =
  | "empty"
  | "too_large"
  | "svg"
  | "unsupported"
  | "damaged"
  /** A side over MAX_IMAGE_SIDE. */
  | "too_many_pixels"
  /** More than MAX_IMAGE_PIXELS in all (decode.ts). */
  | "pixel_cap";

export type ImageCheck =
  | { ok: true; mediaType: ImageMediaType; width: number; height: number }
  | { ok: false; problem: ImageProblem; width?: number; height?: number; frames?: number };

export function checkImageBytes(bytes: Uint8Array, maxBytes = MAX_IMAGE_BYTES): ImageCheck {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > maxBytes) return { ok: false, problem: "too_large" };
  const info = readImageInfo(bytes);
  if (!info) {
    if (looksLikeSvg(bytes)) return { ok: false, problem: "svg" };
    // A known signature whose header does not parse is a damaged image, not another format.
    return { ok: false, problem: sniffImageType(bytes) ? "damaged" : "unsupported" };
  }
  const { mediaType, width, height } = info;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return { ok: false, problem: "too_many_pixels", width, height };
  }
  if (!hasImageEnd(bytes, mediaType)) return { ok: false, problem: "damaged" };
  return { ok: true, mediaType, width, height };
}
