import { describe, expect, it } from "vitest";
import { detectImageFormat, looksLikeSvg, sniffImageType } from "@/lib/images/formats";
import { checkImageBytes } from "@/lib/images/validate";
import { gif, jpeg, png, svg, text, webpLossless, webpLossy } from "./images-fixtures";

const bytes = (...values: number[]) => new Uint8Array(values);
const withAscii = (head: string, ...rest: number[]) =>
  new Uint8Array([...Buffer.from(head, "latin1"), ...rest]);

describe("sniffImageType (magic bytes)", () => {
  it.each([
    ["image/jpeg", jpeg(10, 10)],
    ["image/png", png(2, 2)],
    ["image/gif", gif(3, 3)],
    ["image/webp", webpLossy(4, 4)],
    ["image/webp", webpLossless(4, 4)],
  ])("recognises %s", (type, file) => {
    expect(sniffImageType(file)).toBe(type);
  });

  it("ignores names and declared types: a text file renamed to .png is not an image", () => {
    const renamed = new File([text("just some notes, not a picture")], "photo.png", { type: "image/png" });
    expect(renamed.type).toBe("image/png");
    expect(sniffImageType(text("just some notes, not a picture"))).toBeNull();
    expect(detectImageFormat(text("just some notes, not a picture"))).toBeNull();
  });

  it("refuses files cut off inside the signature", () => {
    expect(sniffImageType(bytes())).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageType(png(2, 2).subarray(0, 7))).toBeNull();
    expect(sniffImageType(withAscii("GIF8"))).toBeNull();
    expect(sniffImageType(withAscii("RIFF\0\0\0\0WEB"))).toBeNull();
  });

  it("tells a RIFF file that is not WebP (e.g. WAV) apart", () => {
    expect(sniffImageType(withAscii("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
  });
});

describe("SVG", () => {
  it.each([
    ["a bare root", ""],
    ["an XML prolog", '<?xml version="1.0" encoding="UTF-8"?>\n'],
    ["a BOM and a doctype", '\uFEFF<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n'],
    ["a leading comment", "  <!-- drawn by hand -->\n"],
  ])("is recognised with %s", (_, prolog) => {
    expect(looksLikeSvg(svg(prolog))).toBe(true);
    expect(detectImageFormat(svg(prolog))).toBe("svg");
    expect(sniffImageType(svg(prolog))).toBeNull();
  });

  it("is not confused with HTML or plain text", () => {
    expect(looksLikeSvg(text("<!doctype html><html><body>hi</body></html>"))).toBe(false);
    expect(looksLikeSvg(text("svg is a format"))).toBe(false);
  });
});

describe("detectImageFormat", () => {
  it("names formats a browser may convert", () => {
    expect(detectImageFormat(withAscii("\0\0\0\x18ftypheic\0\0\0\0"))).toBe("heic");
    expect(detectImageFormat(withAscii("\0\0\0\x1cftypavif\0\0\0\0"))).toBe("avif");
    expect(detectImageFormat(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0))).toBe("tiff");
    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d]);
    bmp[14] = 40;
    expect(detectImageFormat(bmp)).toBe("bmp");
  });

  it("does not take text that starts with BM for a bitmap", () => {
    expect(detectImageFormat(text("BMW owners club newsletter, spring edition"))).toBeNull();
  });
});

describe("checkImageBytes (the server's verdict)", () => {
  it("accepts the four formats with their size", () => {
    expect(checkImageBytes(png(3, 2))).toEqual({ ok: true, mediaType: "image/png", width: 3, height: 2 });
    expect(checkImageBytes(jpeg(640, 480))).toEqual({
      ok: true,
      mediaType: "image/jpeg",
      width: 640,
      height: 480,
    });
    expect(checkImageBytes(gif(5, 6))).toMatchObject({ ok: true, mediaType: "image/gif" });
    expect(checkImageBytes(webpLossy(7, 8))).toMatchObject({ ok: true, mediaType: "image/webp" });
  });

  it("names each problem", () => {
    expect(checkImageBytes(bytes())).toEqual({ ok: false, problem: "empty" });
    expect(checkImageBytes(text("hello"))).toEqual({ ok: false, problem: "unsupported" });
    expect(checkImageBytes(svg())).toEqual({ ok: false, problem: "svg" });
    expect(checkImageBytes(png(2, 2), 10)).toEqual({ ok: false, problem: "too_large" });
    expect(checkImageBytes(jpeg(8001, 600))).toEqual({
      ok: false,
      problem: "too_many_pixels",
      width: 8001,
      height: 600,
    });
    expect(checkImageBytes(jpeg(8000, 8000))).toMatchObject({ ok: true });
  });

  it("refuses truncated images", () => {
    const whole = png(4, 4);
    expect(checkImageBytes(whole.subarray(0, 20))).toEqual({ ok: false, problem: "damaged" });
    expect(checkImageBytes(whole.subarray(0, whole.length - 12))).toEqual({ ok: false, problem: "damaged" });
    expect(checkImageBytes(jpeg(10, 10, { truncated: true }))).toEqual({ ok: false, problem: "damaged" });
    expect(checkImageBytes(jpeg(10, 10, { truncated: true, thumbnail: true }))).toEqual({
      ok: false,
      problem: "damaged",
    });
    const cutGif = gif(5, 5);
    expect(checkImageBytes(cutGif.subarray(0, cutGif.length - 1))).toEqual({ ok: false, problem: "damaged" });
    const cutWebp = webpLossy(5, 5);
    expect(checkImageBytes(cutWebp.subarray(0, cutWebp.length - 4))).toEqual({
      ok: false,
      problem: "damaged",
    });
  });
});
