// What a file is, judged only by its first bytes (magic numbers), never by its name or declared type.
import type { ImageMediaType } from "./limits";

/** Image formats a browser may decode (and so convert) but the API does not accept as they are. */
export type ConvertibleFormat = "heic" | "avif" | "bmp" | "tiff";
export type DetectedFormat = ImageMediaType | ConvertibleFormat | "svg";

/** Enough leading bytes for every check here. */
export const SNIFF_BYTES = 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, expected: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((value, index) => bytes[offset + index] === value);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

export function sniffImageType(bytes: Uint8Array): ImageMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  const head = ascii(bytes, 0, 12);
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return "image/gif";
  if (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP") return "image/webp";
  return null;
}

const BMP_HEADER_SIZES = [12, 40, 52, 56, 64, 108, 124];

function readUint32LE(bytes: Uint8Array, offset: number): number {
  if (bytes.length < offset + 4) return -1;
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true);
}

function sniffConvertible(bytes: Uint8Array): ConvertibleFormat | null {
  if (ascii(bytes, 4, 8) === "ftyp") {
    const brand = ascii(bytes, 8, 12);
    if (brand === "avif" || brand === "avis") return "avif";
    if (["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].includes(brand)) return "heic";
  }
  if (startsWith(bytes, [0x42, 0x4d]) && BMP_HEADER_SIZES.includes(readUint32LE(bytes, 14))) return "bmp";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return "tiff";
  return null;
}

/** SVG is text, so look for an `<svg` root near the start (after a BOM, XML prolog, comments…). */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, SNIFF_BYTES))
    .replace(/^\uFEFF/, "")
    .trimStart();
  return text.startsWith("<") && /<svg[\s>/]/i.test(text);
}

export function detectImageFormat(bytes: Uint8Array): DetectedFormat | null {
  return sniffImageType(bytes) ?? sniffConvertible(bytes) ?? (looksLikeSvg(bytes) ? "svg" : null);
}
