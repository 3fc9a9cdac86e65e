// Builders of small image files (real PNGs, header-only JPEG, GIF and WebP) for the image tests.
import { crc32, deflateSync } from "node:zlib";

const ascii = (text: string) => Buffer.from(text, "latin1");
const u16le = (value: number) => Buffer.from([value & 0xff, (value >> 8) & 0xff]);
const u16be = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const u32le = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
};
const u32be = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
};
const u24le = (value: number) => Buffer.from([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff]);

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([ascii(type), data]);
  return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
}

export interface PngOptions {
  /** 2 = RGB, 6 = RGBA. */
  colorType?: 2 | 6;
  transparencyChunk?: boolean;
  /** zlib level; 0 stores the pixels uncompressed (for a big file). */
  level?: number;
  /** Fills each pixel's bytes; noise makes the file incompressible. */
  pixel?: (x: number, y: number, channel: number) => number;
}

/** A valid, decodable PNG. */
export function png(width: number, height: number, options: PngOptions = {}): Uint8Array<ArrayBuffer> {
  const { colorType = 2, transparencyChunk = false, level = 6 } = options;
  const pixel =
    options.pixel ?? ((x, y, channel) => (channel === 3 ? 255 : (x * 7 + y * 3 + channel * 50) & 0xff));
  const channels = colorType === 6 ? 4 : 3;
  const raw = Buffer.alloc((width * channels + 1) * height);
  for (let y = 0, offset = 0; y < height; y++) {
    raw[offset++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < channels; channel++) raw[offset++] = pixel(x, y, channel);
    }
  }
  const header = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, colorType, 0, 0, 0])]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk("IHDR", header),
      ...(transparencyChunk ? [pngChunk("tRNS", Buffer.from([0, 0, 0, 0, 0, 0]))] : []),
      pngChunk("IDAT", deflateSync(raw, { level })),
      pngChunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

function exifOrientation(orientation: number, order: "II" | "MM"): Buffer {
  const little = order === "II";
  const u16 = little ? u16le : u16be;
  const u32 = little ? u32le : u32be;
  const tiff = Buffer.concat([
    ascii(order),
    u16(42),
    u32(8), // IFD0 right after this header
    u16(1), // one entry
    u16(0x0112),
    u16(3), // SHORT
    u32(1),
    u16(orientation),
    u16(0),
    u32(0), // no next IFD
  ]);
  const data = Buffer.concat([ascii("Exif\0\0"), tiff]);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), u16be(data.length + 2), data]);
}

export interface JpegOptions {
  orientation?: number;
  byteOrder?: "II" | "MM";
  /** An embedded thumbnail whose own end marker precedes the main frame (as cameras write). */
  thumbnail?: boolean;
  /** Leave out the end-of-image marker, as in a cut-off upload. */
  truncated?: boolean;
}

/** A JPEG's structure (markers, frame header, scan, end) with placeholder scan data. */
export function jpeg(width: number, height: number, options: JpegOptions = {}): Uint8Array<ArrayBuffer> {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  const jfif = Buffer.concat([ascii("JFIF\0"), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])]);
  parts.push(Buffer.from([0xff, 0xe0]), u16be(jfif.length + 2), jfif);
  if (options.orientation) parts.push(exifOrientation(options.orientation, options.byteOrder ?? "MM"));
  if (options.thumbnail) {
    const thumb = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    parts.push(Buffer.from([0xff, 0xe2]), u16be(thumb.length + 2), thumb);
  }
  const frame = Buffer.concat([Buffer.from([8]), u16be(height), u16be(width), Buffer.from([1, 1, 0x11, 0])]);
  parts.push(Buffer.from([0xff, 0xc0]), u16be(frame.length + 2), frame);
  const scan = Buffer.from([1, 1, 0, 0, 0x3f, 0]);
  parts.push(Buffer.from([0xff, 0xda]), u16be(scan.length + 2), scan, Buffer.alloc(64, 0x55));
  if (!options.truncated) parts.push(Buffer.from([0xff, 0xd9]));
  return new Uint8Array(Buffer.concat(parts));
}

/** A GIF's header and trailer (no frames). */
export function gif(width: number, height: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    Buffer.concat([
      ascii("GIF89a"),
      u16le(width),
      u16le(height),
      Buffer.from([0, 0, 0]),
      Buffer.from([0x3b]),
    ]),
  );
}

function riff(chunks: Buffer[]): Uint8Array<ArrayBuffer> {
  const body = Buffer.concat([ascii("WEBP"), ...chunks]);
  return new Uint8Array(Buffer.concat([ascii("RIFF"), u32le(body.length), body]));
}

function webpChunk(type: string, data: Buffer): Buffer {
  const pad = data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([ascii(type), u32le(data.length), data, pad]);
}

function vp8l(width: number, height: number, alpha: boolean): Buffer {
  const bits = (width - 1) | ((height - 1) << 14) | ((alpha ? 1 : 0) << 28);
  return webpChunk("VP8L", Buffer.concat([Buffer.from([0x2f]), u32le(bits >>> 0), Buffer.alloc(8)]));
}

export function webpLossy(width: number, height: number): Uint8Array<ArrayBuffer> {
  const frame = Buffer.concat([
    Buffer.from([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a]),
    u16le(width),
    u16le(height),
  ]);
  return riff([webpChunk("VP8 ", Buffer.concat([frame, Buffer.alloc(10)]))]);
}

export function webpLossless(width: number, height: number, alpha = false): Uint8Array<ArrayBuffer> {
  return riff([vp8l(width, height, alpha)]);
}

export function webpExtended(width: number, height: number, alpha: boolean): Uint8Array<ArrayBuffer> {
  const header = Buffer.concat([
    Buffer.from([alpha ? 0x10 : 0, 0, 0, 0]),
    u24le(width - 1),
    u24le(height - 1),
  ]);
  return riff([webpChunk("VP8X", header), vp8l(width, height, alpha)]);
}

export const svg = (prolog = "") =>
  new Uint8Array(
    Buffer.from(`${prolog}<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>`),
  );

export const text = (value: string) => new Uint8Array(Buffer.from(value, "utf8"));
