// Width, height and a few encoding facts read from an image's header, without decoding any pixels.
import { sniffImageType } from "./formats";
import type { ImageMediaType } from "./limits";

export interface ImageInfo {
  mediaType: ImageMediaType;
  /** As stored; a JPEG with orientation 5–8 is displayed with width and height swapped. */
  width: number;
  height: number;
  /** False only when the header rules transparency out. */
  mayHaveAlpha: boolean;
  /** PNG, GIF and lossless WebP: re-encoding them lossily would blur text and line art. */
  lossless: boolean;
  /** EXIF orientation of a JPEG, 1–8 (1 = as stored). */
  orientation: number;
}

type Header = Omit<ImageInfo, "mediaType">;

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(offset: number, length: number): boolean {
    return offset >= 0 && offset + length <= this.bytes.length;
  }
  u8(offset: number): number {
    return this.view.getUint8(offset);
  }
  u16(offset: number, little = false): number {
    return this.view.getUint16(offset, little);
  }
  u24le(offset: number): number {
    return this.u16(offset, true) + (this.u8(offset + 2) << 16);
  }
  u32(offset: number, little = false): number {
    return this.view.getUint32(offset, little);
  }
  ascii(offset: number, length: number): string {
    return String.fromCharCode(...this.bytes.subarray(offset, offset + length));
  }
}

function png(r: Reader): Header | null {
  if (!r.has(8, 18) || r.ascii(12, 4) !== "IHDR") return null;
  const colorType = r.u8(25);
  // Colour types 4 and 6 carry alpha; the others can still have transparency in a tRNS chunk.
  let mayHaveAlpha = colorType === 4 || colorType === 6;
  for (let offset = 8; !mayHaveAlpha; ) {
    if (!r.has(offset, 8)) {
      mayHaveAlpha = true; // header cut short: assume the worst
      break;
    }
    const type = r.ascii(offset + 4, 4);
    if (type === "tRNS") mayHaveAlpha = true;
    if (type === "IDAT" || type === "IEND") break;
    offset += 12 + r.u32(offset);
  }
  return { width: r.u32(16), height: r.u32(20), mayHaveAlpha, lossless: true, orientation: 1 };
}

function gif(r: Reader): Header | null {
  if (!r.has(6, 4)) return null;
  return {
    width: r.u16(6, true),
    height: r.u16(8, true),
    mayHaveAlpha: true,
    lossless: true,
    orientation: 1,
  };
}

function webp(r: Reader): Header | null {
  if (!r.has(12, 18)) return null;
  const chunk = r.ascii(12, 4);
  if (chunk === "VP8 ") {
    if (r.u8(23) !== 0x9d || r.u8(24) !== 0x01 || r.u8(25) !== 0x2a) return null;
    return {
      width: r.u16(26, true) & 0x3fff,
      height: r.u16(28, true) & 0x3fff,
      mayHaveAlpha: false,
      lossless: false,
      orientation: 1,
    };
  }
  if (chunk === "VP8L") {
    if (r.u8(20) !== 0x2f) return null;
    const bits = r.u32(21, true);
    return {
      width: (bits & 0x3fff) + 1,
      height: ((bits >>> 14) & 0x3fff) + 1,
      mayHaveAlpha: ((bits >>> 28) & 1) === 1,
      lossless: true,
      orientation: 1,
    };
  }
  if (chunk === "VP8X") {
    return {
      width: r.u24le(24) + 1,
      height: r.u24le(27) + 1,
      mayHaveAlpha: (r.u8(20) & 0x10) !== 0,
      lossless: webpHasChunk(r, "VP8L"),
      orientation: 1,
    };
  }
  return null;
}

function webpHasChunk(r: Reader, wanted: string): boolean {
  for (
    let offset = 12;
    r.has(offset, 8);
    offset += 8 + r.u32(offset + 4, true) + (r.u32(offset + 4, true) % 2)
  ) {
    if (r.ascii(offset, 4) === wanted) return true;
  }
  return false;
}

// Start-of-frame markers carry the dimensions: C0–CF except C4 (DHT), C8 (JPG) and CC (DAC).
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpeg(r: Reader): Header | null {
  return walkJpeg(r)?.header ?? null;
}

/** The frame header and where it starts (so that an EXIF thumbnail's end marker is not mistaken for ours). */
function walkJpeg(r: Reader): { header: Header; frame: number } | null {
  let orientation = 1;
  let offset = 2;
  while (r.has(offset, 4)) {
    if (r.u8(offset) !== 0xff) return null;
    const marker = r.u8(offset + 1);
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame header
    const length = r.u16(offset + 2);
    if (length < 2) return null;
    const segment = offset + 4;
    if (isStartOfFrame(marker)) {
      if (!r.has(segment, 5)) return null;
      const size = { width: r.u16(segment + 3), height: r.u16(segment + 1) };
      return { header: { ...size, mayHaveAlpha: false, lossless: false, orientation }, frame: offset };
    }
    if (marker === 0xe1) orientation = exifOrientation(r, segment, segment + length - 2) ?? orientation;
    offset = segment + length - 2;
  }
  return null;
}

function exifOrientation(r: Reader, start: number, end: number): number | null {
  if (!r.has(start, 14) || r.ascii(start, 6) !== "Exif\0\0") return null;
  const tiff = start + 6;
  const order = r.ascii(tiff, 2);
  if (order !== "II" && order !== "MM") return null;
  const little = order === "II";
  if (r.u16(tiff + 2, little) !== 42) return null;
  const ifd = tiff + r.u32(tiff + 4, little);
  if (!r.has(ifd, 2) || ifd >= end) return null;
  const count = r.u16(ifd, little);
  for (let index = 0; index < count; index++) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > end || !r.has(entry, 12)) return null;
    if (r.u16(entry, little) === 0x0112) {
      const value = r.u16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

const parsers: Record<ImageMediaType, (r: Reader) => Header | null> = {
  "image/jpeg": jpeg,
  "image/png": png,
  "image/gif": gif,
  "image/webp": webp,
};

/**
 * Reads the header of a JPEG, PNG, GIF or WebP image. Null when the bytes are not one of those, or
 * the header is cut short or damaged. Works on a leading slice of the file (a JPEG's EXIF block can
 * take up to 64 KB before the frame header).
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  const mediaType = sniffImageType(bytes);
  if (!mediaType) return null;
  const header = parsers[mediaType](new Reader(bytes));
  if (!header || header.width < 1 || header.height < 1) return null;
  return { mediaType, ...header };
}

/** Width and height as displayed, after the EXIF orientation. */
export function displaySize(info: ImageInfo): { width: number; height: number } {
  return info.orientation >= 5
    ? { width: info.height, height: info.width }
    : { width: info.width, height: info.height };
}

/**
 * Whether the whole file arrived: the end marker of the format is present. A cut-off upload would
 * otherwise pass the header checks and fail later at the API.
 */
export function hasImageEnd(bytes: Uint8Array, mediaType: ImageMediaType): boolean {
  const r = new Reader(bytes);
  switch (mediaType) {
    case "image/png":
      return indexOfAscii(bytes, "IEND", 8) !== -1;
    case "image/gif":
      return bytes.length > 13 && bytes[bytes.length - 1] === 0x3b;
    case "image/webp":
      return r.has(4, 4) && r.u32(4, true) + 8 <= bytes.length;
    case "image/jpeg": {
      const frame = walkJpeg(r)?.frame;
      return frame !== undefined && lastIndexOfPair(bytes, 0xff, 0xd9) > frame;
    }
  }
}

function indexOfAscii(bytes: Uint8Array, text: string, from: number): number {
  const codes = Array.from(text, (char) => char.charCodeAt(0));
  for (let index = bytes.length - codes.length; index >= from; index--) {
    if (codes.every((code, offset) => bytes[index + offset] === code)) return index;
  }
  return -1;
}

function lastIndexOfPair(bytes: Uint8Array, first: number, second: number): number {
  for (let index = bytes.length - 2; index >= 0; index--) {
    if (bytes[index] === first && bytes[index + 1] === second) return index;
  }
  return -1;
}
