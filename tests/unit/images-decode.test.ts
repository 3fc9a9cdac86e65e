// The server decodes every uploaded image in full (sharp) and stores it re-encoded.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeImage } from "@/lib/images/decode";
import { MAX_IMAGE_PIXELS } from "@/lib/images/limits";
import { gif, jpeg, png, svg, webpLossy } from "./images-fixtures";

const html = Buffer.from("<html><script>alert(document.cookie)</script>IEND</html>");

const pixels = (bytes: Uint8Array) => sharp(bytes).raw().toBuffer();

async function decoded(bytes: Uint8Array) {
  const result = await decodeImage(bytes);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result;
}

describe("decodeImage", () => {
  it("refuses a PNG header followed by HTML", async () => {
    const header = png(60, 40).subarray(0, 33); // signature and IHDR
    const forged = new Uint8Array(Buffer.concat([header, html]));
    expect(await decodeImage(forged)).toEqual({ ok: false, problem: "damaged" });
  });

  // The fixture takes a few seconds to build (192 MB of pixels deflated); a refusal with pixel_cap
  // (not "damaged", libvips' own limit) shows the header was enough.
  it("refuses a 186 KB PNG that claims 8000×8000 px, before decoding it", { timeout: 90_000 }, async () => {
    const bomb = png(8000, 8000, { pixel: () => 0 });
    expect(bomb.length).toBe(186_696);
    expect(await decodeImage(bomb)).toEqual({
      ok: false,
      problem: "pixel_cap",
      width: 8000,
      height: 8000,
      frames: 1,
    });
  });

  it("counts every frame of an animation against the pixel cap", { timeout: 90_000 }, async () => {
    const [width, height, frames] = [2000, 2000, 13];
    expect(width * height * frames).toBeGreaterThan(MAX_IMAGE_PIXELS);
    // Frames of one colour each (an encoder merges identical frames), stacked as sharp reads them.
    const frameBytes = width * height * 3;
    const strip = Buffer.alloc(frameBytes * frames);
    for (let index = 0; index < frames; index++) strip.fill(index * 10, index * frameBytes);
    const raw = { width, height: height * frames, channels: 3 as const, pageHeight: height };
    const animation = await sharp(strip, { raw, limitInputPixels: false })
      .webp({ lossless: true, effort: 0 })
      .toBuffer();
    expect(await decodeImage(new Uint8Array(animation))).toEqual({
      ok: false,
      problem: "pixel_cap",
      width,
      height,
      frames,
    });
  });

  it("keeps the pixels of a valid image and drops what trails it", async () => {
    const image = png(60, 40);
    const result = await decoded(new Uint8Array(Buffer.concat([image, html])));
    expect(result).toMatchObject({ mediaType: "image/png", width: 60, height: 40 });
    expect(Buffer.from(result.bytes).includes("<script>")).toBe(false);
    expect(await pixels(result.bytes)).toEqual(await pixels(image));
  });

  it("turns a JPEG upright and strips its metadata", async () => {
    const photo = await sharp({ create: { width: 30, height: 20, channels: 3, background: "#c33" } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Artist: "Someone", ImageDescription: "At home" } } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const result = await decoded(new Uint8Array(photo));
    expect(result).toMatchObject({ mediaType: "image/jpeg", width: 20, height: 30 });
    const meta = await sharp(result.bytes).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 20, height: 30 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(Buffer.from(result.bytes).includes("Someone")).toBe(false);
  });

  it("re-encodes each format as itself, losslessly where the original was", async () => {
    const solid = sharp({ create: { width: 24, height: 16, channels: 4, background: "#33669980" } });
    const palette = await solid.clone().png({ palette: true }).toBuffer();
    const lossless = await solid.clone().webp({ lossless: true }).toBuffer();
    const animated = await sharp(await Promise.all([solid.clone().png().toBuffer(), png(24, 16)]), {
      join: { animated: true },
    })
      .gif()
      .toBuffer();
    for (const [file, mediaType] of [
      [palette, "image/png"],
      [lossless, "image/webp"],
    ] as const) {
      const result = await decoded(new Uint8Array(file));
      expect(result.mediaType).toBe(mediaType);
      expect(await pixels(result.bytes)).toEqual(await pixels(file));
    }
    const gifResult = await decoded(new Uint8Array(animated));
    expect(gifResult).toMatchObject({ mediaType: "image/gif", width: 24, height: 16 });
    expect((await sharp(gifResult.bytes, { animated: true }).metadata()).pages).toBe(2);
  });

  it("refuses what only looks like an image", async () => {
    for (const file of [jpeg(10, 10), gif(10, 10), webpLossy(10, 10)]) {
      expect(await decodeImage(file)).toEqual({ ok: false, problem: "damaged" });
    }
  });

  it("still refuses by header first: SVG, other formats, oversized sides", async () => {
    expect(await decodeImage(svg())).toMatchObject({ ok: false, problem: "svg" });
    expect(await decodeImage(new TextEncoder().encode("just text"))).toMatchObject({
      ok: false,
      problem: "unsupported",
    });
    expect(await decodeImage(jpeg(9000, 200))).toMatchObject({ ok: false, problem: "too_many_pixels" });
  });
});
