// The attachments API: uploads are judged by their bytes, stored per user, served only to their owner.
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { jpeg, png } from "../unit/images-fixtures";
import { registerAndSignIn } from "./helpers";

// 400 until lib/errors.ts has "unsupported_media_type:image" (415).
const UNSUPPORTED_STATUS = 415;

interface Uploaded {
  id: string;
  mediaType: string;
  width: number;
  height: number;
  size: number;
  tokens: number;
}

function upload(page: Page, bytes: Uint8Array, name: string, mimeType: string) {
  return page.request.post("/api/attachments", {
    multipart: { file: { name, mimeType, buffer: Buffer.from(bytes) } },
  });
}

/** `params`: the problem the browser words in the reader's language (lib/uploads/problems.ts). */
async function expectRefused(
  response: APIResponse,
  status: number,
  message: RegExp,
  params?: Record<string, string | number>,
) {
  expect(response.status()).toBe(status);
  const body = await response.json();
  expect(body.error.message).toMatch(message);
  if (params) expect(body.error.params).toEqual(params);
}

/** A real JPEG, drawn and encoded by the browser. */
async function canvasJpeg(page: Page, width: number, height: number): Promise<Uint8Array> {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      const context = canvas.getContext("2d")!;
      const gradient = context.createLinearGradient(0, 0, w, h);
      gradient.addColorStop(0, "#d33");
      gradient.addColorStop(1, "#33d");
      context.fillStyle = gradient;
      context.fillRect(0, 0, w, h);
      return canvas.toDataURL("image/jpeg", 0.9);
    },
    [width, height] as const,
  );
  return new Uint8Array(Buffer.from(dataUrl.split(",")[1]!, "base64"));
}

test.describe("attachments API", () => {
  test("stores a PNG and serves it back to its owner with safe headers", async ({ page }) => {
    await registerAndSignIn(page);
    const bytes = png(60, 40);
    const response = await upload(page, bytes, "drawing.png", "image/png");
    expect(response.status()).toBe(201);
    const image = (await response.json()) as Uploaded;
    expect(image).toEqual({
      id: expect.any(String),
      kind: "image",
      mediaType: "image/png",
      width: 60,
      height: 40,
      size: expect.any(Number),
      tokens: 3 * 2,
    });

    const served = await page.request.get(`/api/attachments/${image.id}`);
    expect(served.status()).toBe(200);
    const headers = served.headers();
    expect(headers["content-type"]).toBe("image/png");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(headers["content-disposition"]).toBe("inline");
    // Stored re-encoded: the same pixels, not necessarily the same bytes.
    const stored = await served.body();
    expect(stored.length).toBe(image.size);
    expect(await sharp(stored).raw().toBuffer()).toEqual(await sharp(bytes).raw().toBuffer());

    const again = await upload(page, bytes, "copy.png", "image/png");
    expect(again.status()).toBe(200);
    expect(((await again.json()) as Uploaded).id).toBe(image.id);
  });

  test("takes a JPEG by its bytes, whatever its name and declared type", async ({ page }) => {
    await registerAndSignIn(page);
    const bytes = await canvasJpeg(page, 320, 200);
    const response = await upload(page, bytes, "notes.txt", "text/plain");
    expect(response.status()).toBe(201);
    const image = (await response.json()) as Uploaded;
    expect(image).toMatchObject({ mediaType: "image/jpeg", width: 320, height: 200, tokens: 12 * 8 });
    const served = await page.request.get(`/api/attachments/${image.id}`);
    expect(served.headers()["content-type"]).toBe("image/jpeg");
  });

  test("refuses what is not an accepted image, with a clear message", async ({ page }) => {
    await registerAndSignIn(page);
    const renamed = new TextEncoder().encode("These are my notes, not a picture.");
    await expectRefused(
      await upload(page, renamed, "cat.png", "image/png"),
      UNSUPPORTED_STATUS,
      /not a supported image.*JPEG, PNG, GIF or WebP/,
    );

    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    await expectRefused(
      await upload(page, svg, "logo.svg", "image/svg+xml"),
      UNSUPPORTED_STATUS,
      /SVG images are not accepted/,
      { kind: "image", problem: "svg" },
    );

    const bmp = new Uint8Array(70);
    bmp.set([0x42, 0x4d]);
    bmp[14] = 40;
    await expectRefused(
      await upload(page, bmp, "old.bmp", "image/bmp"),
      UNSUPPORTED_STATUS,
      /not a supported image/,
    );

    const whole = png(20, 20);
    await expectRefused(
      await upload(page, whole.subarray(0, whole.length - 20), "cut.png", "image/png"),
      400,
      /damaged or incomplete/,
    );

    await expectRefused(
      await upload(page, jpeg(9000, 200), "panorama.jpg", "image/jpeg"),
      400,
      /9000×200 px; at most 8000 px per side/,
      { kind: "image", problem: "too_many_pixels", width: 9000, height: 200, maxSide: 8000 },
    );
  });

  test("decodes every upload: a PNG header followed by HTML and a 186 KB 8000×8000 PNG are refused", async ({
    page,
  }) => {
    await registerAndSignIn(page);
    const html = Buffer.from("<html><script>alert(document.cookie)</script>IEND</html>");
    const forged = Buffer.concat([png(60, 40).subarray(0, 33), html]);
    await expectRefused(
      await upload(page, forged, "cat.png", "image/png"),
      400,
      /could not be read: it is damaged or incomplete/,
    );

    const bomb = png(8000, 8000, { pixel: () => 0 });
    expect(bomb.length).toBe(186_696);
    await expectRefused(
      await upload(page, bomb, "bomb.png", "image/png"),
      400,
      /^The image is 8000×8000 px, 64 megapixels in all; at most 50 megapixels are accepted\.$/,
    );

    // A valid image with HTML after it is stored without what trails it.
    const polyglot = Buffer.concat([png(30, 20), html]);
    const accepted = await upload(page, polyglot, "polyglot.png", "image/png");
    expect(accepted.status()).toBe(201);
    const { id } = (await accepted.json()) as Uploaded;
    const served = await page.request.get(`/api/attachments/${id}`);
    expect((await served.body()).includes("<script>")).toBe(false);
  });

  test("refuses an image over 5 MB with 413", async ({ page }) => {
    await registerAndSignIn(page);
    // Stored without compression: 1400 × 1300 RGB is about 5.5 MB.
    const huge = png(1400, 1300, { level: 0 });
    expect(huge.length).toBeGreaterThan(5 * 1024 * 1024);
    await expectRefused(await upload(page, huge, "huge.png", "image/png"), 413, /larger than 5 MB/);
  });

  test("refuses a request without exactly one file", async ({ page }) => {
    await registerAndSignIn(page);
    const empty = await page.request.post("/api/attachments", { multipart: { note: "no file here" } });
    await expectRefused(empty, 400, /one file in a field named “file”/);
    const json = await page.request.post("/api/attachments", { data: { file: "x" } });
    await expectRefused(json, 400, /multipart\/form-data/);
  });

  test("another user, a signed-out visitor and an unknown id get nothing", async ({
    page,
    browser,
    request,
  }) => {
    await registerAndSignIn(page);
    const image = (await (await upload(page, png(9, 9), "mine.png", "image/png")).json()) as Uploaded;

    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await registerAndSignIn(other);
    const theirs = await other.request.get(`/api/attachments/${image.id}`);
    const unknown = await other.request.get("/api/attachments/does-not-exist");
    expect(theirs.status()).toBe(404);
    expect(unknown.status()).toBe(404);
    expect(await theirs.json()).toEqual(await unknown.json());
    await otherContext.close();

    const signedOut = await request.get(`/api/attachments/${image.id}`);
    expect(signedOut.status()).toBe(401);
    const anonymousUpload = await request.post("/api/attachments", {
      multipart: { file: { name: "a.png", mimeType: "image/png", buffer: Buffer.from(png(2, 2)) } },
    });
    expect(anonymousUpload.status()).toBe(401);
  });
});
