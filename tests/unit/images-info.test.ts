import { describe, expect, it } from "vitest";
import { displaySize, readImageInfo } from "@/lib/images/info";
import { gif, jpeg, png, webpExtended, webpLossless, webpLossy } from "./images-fixtures";

describe("readImageInfo: dimensions from the header", () => {
  it("reads a PNG (a real, generated one)", () => {
    expect(readImageInfo(png(37, 19))).toEqual({
      mediaType: "image/png",
      width: 37,
      height: 19,
      mayHaveAlpha: false,
      lossless: true,
      orientation: 1,
    });
  });

  it("knows when a PNG may be transparent", () => {
    expect(readImageInfo(png(2, 2, { colorType: 6 }))?.mayHaveAlpha).toBe(true);
    expect(readImageInfo(png(2, 2, { transparencyChunk: true }))?.mayHaveAlpha).toBe(true);
  });

  it("reads a JPEG frame header behind APP segments", () => {
    expect(readImageInfo(jpeg(4000, 3000, { thumbnail: true }))).toEqual({
      mediaType: "image/jpeg",
      width: 4000,
      height: 3000,
      mayHaveAlpha: false,
      lossless: false,
      orientation: 1,
    });
  });

  it.each(["II", "MM"] as const)("reads the EXIF orientation (%s byte order)", (byteOrder) => {
    const info = readImageInfo(jpeg(4000, 3000, { orientation: 6, byteOrder }));
    expect(info).toMatchObject({ width: 4000, height: 3000, orientation: 6 });
    expect(displaySize(info!)).toEqual({ width: 3000, height: 4000 });
    expect(displaySize(readImageInfo(jpeg(40, 30, { orientation: 3, byteOrder }))!)).toEqual({
      width: 40,
      height: 30,
    });
  });

  it("reads a GIF", () => {
    expect(readImageInfo(gif(320, 200))).toMatchObject({ mediaType: "image/gif", width: 320, height: 200 });
  });

  it("reads the three kinds of WebP", () => {
    expect(readImageInfo(webpLossy(1024, 768))).toMatchObject({
      width: 1024,
      height: 768,
      lossless: false,
      mayHaveAlpha: false,
    });
    expect(readImageInfo(webpLossless(16383, 1, true))).toMatchObject({
      width: 16383,
      height: 1,
      lossless: true,
      mayHaveAlpha: true,
    });
    expect(readImageInfo(webpExtended(9000, 20, true))).toMatchObject({
      width: 9000,
      height: 20,
      lossless: true,
      mayHaveAlpha: true,
    });
  });

  it("answers null for truncated or damaged headers", () => {
    expect(readImageInfo(png(2, 2).subarray(0, 23))).toBeNull();
    expect(readImageInfo(jpeg(10, 10).subarray(0, 26))).toBeNull();
    expect(readImageInfo(gif(5, 5).subarray(0, 8))).toBeNull();
    expect(readImageInfo(webpLossy(5, 5).subarray(0, 27))).toBeNull();
    const broken = jpeg(10, 10);
    broken[2] = 0x00; // the first marker no longer starts with 0xFF
    expect(readImageInfo(broken)).toBeNull();
  });

  it("answers null for zero-sized images", () => {
    expect(readImageInfo(png(0, 5))).toBeNull();
    expect(readImageInfo(gif(0, 0))).toBeNull();
  });
});
