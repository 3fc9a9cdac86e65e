// Image attachments in the composer: file chooser, paste, drop and URL, what reaches the API, reload.
import { expect, type Page, test } from "@playwright/test";
import { png, svg, text } from "../unit/images-fixtures";
import { chatReady, doubleRequests, lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

type ApiBlock = { type: string; source?: { type: string; media_type?: string; data?: string; url?: string } };

async function chooseFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await chatReady(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach image" }).click();
  await (await chooser).setFiles(files);
}

/** Fires a paste or drop event carrying `bytes` as a file, the way a browser does. */
async function pasteOrDrop(
  page: Page,
  kind: "paste" | "drop",
  name: string,
  type: string,
  bytes: Uint8Array,
) {
  await page.evaluate(
    ({ kind, name, type, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      if (kind === "paste") {
        const target = document.querySelector("textarea") as HTMLTextAreaElement;
        target.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      } else {
        const target = document.querySelector("main") as HTMLElement;
        target.dispatchEvent(
          new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
        target.dispatchEvent(
          new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { kind, name, type, data: [...bytes] },
  );
}

/** A real, decodable JPEG drawn by the browser's canvas. */
async function canvasJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ({ width, height }) => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d")!;
      context.fillStyle = "#3a7";
      context.fillRect(0, 0, width, height);
      context.fillStyle = "#fff";
      context.fillRect(4, 4, width / 2, height / 2);
      return canvas.toDataURL("image/jpeg", 0.9);
    },
    { width, height },
  );
  return Buffer.from(dataUrl.split(",")[1] ?? "", "base64");
}

const ready = (page: Page) => page.locator('[data-image-status="ready"]');

test.beforeEach(async ({ page }) => {
  await registerAndSignIn(page);
});

test("PNG, JPEG, pasted, dropped and URL images reach the API as base64 and URL blocks and survive reload", async ({
  page,
}) => {
  await chooseFiles(page, [
    { name: "chart.png", mimeType: "image/png", buffer: Buffer.from(png(64, 48)) },
    { name: "photo.jpg", mimeType: "image/jpeg", buffer: await canvasJpeg(page, 40, 30) },
  ]);
  await pasteOrDrop(page, "paste", "pasted.png", "image/png", png(20, 20));
  await pasteOrDrop(page, "drop", "dropped.png", "image/png", png(30, 10));
  await page.getByRole("button", { name: "Add image URL" }).click();
  const url = `${process.env.E2E_DOUBLE_URL}/__double/image.png`;
  await page.getByRole("textbox", { name: "Image URL" }).fill(url);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(ready(page)).toHaveCount(5, { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Remove image" })).toHaveCount(5);
  await expect(page.getByText(/image tokens/)).toBeVisible();

  const message = scenario("text", "What is in these images?");
  await sendMessage(page, message);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(page.getByRole("button", { name: "Remove image" })).toHaveCount(0);

  const [request] = await doubleRequests(message.slice(-30));
  const content = request?.body.messages?.at(-1)?.content as ApiBlock[];
  const images = content.filter((block) => block.type === "image");
  expect(images.map((block) => block.source?.type)).toEqual(["base64", "base64", "base64", "base64", "url"]);
  expect(images.slice(0, 2).map((block) => block.source?.media_type)).toEqual(["image/png", "image/jpeg"]);
  expect(
    Buffer.from(images[0]?.source?.data ?? "", "base64")
      .subarray(1, 4)
      .toString(),
  ).toBe("PNG");
  expect(images[4]?.source?.url).toBe(url);
  expect(content.at(-1)).toMatchObject({ type: "text" });

  await page.reload();
  const shown = page.locator('[data-message-role="user"] img');
  await expect(shown).toHaveCount(5);
  for (const image of await shown.all()) {
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
  }
});

test("a renamed non-image and an SVG are refused with a clear message before upload", async ({ page }) => {
  await chooseFiles(page, [
    { name: "notes.png", mimeType: "image/png", buffer: Buffer.from(text("just some text, not a picture")) },
    { name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg()) },
  ]);
  await expect(page.getByText("“notes.png” is not an image")).toBeVisible();
  await expect(page.getByText("“logo.svg” is an SVG image")).toBeVisible();
  await expect(ready(page)).toHaveCount(0);
});

test("an image URL that is not https is refused", async ({ page }) => {
  await page.getByRole("button", { name: "Add image URL" }).click();
  await page.getByRole("textbox", { name: "Image URL" }).fill("ftp://example.com/cat.png");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText(/The address must start with https:\/\//)).toBeVisible();
});

test("another user cannot fetch my image", async ({ page, browser }) => {
  await chooseFiles(page, [{ name: "private.png", mimeType: "image/png", buffer: Buffer.from(png(16, 16)) }]);
  await expect(ready(page)).toHaveCount(1);
  await sendMessage(page, scenario("text", "Mine"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const src = await page.locator('[data-message-role="user"] img').getAttribute("src");
  expect(src).toMatch(/^\/api\/attachments\//);
  expect((await page.request.get(src!)).status()).toBe(200);
  const other = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await registerAndSignIn(other);
  expect((await other.request.get(src!)).status()).toBe(404);
});

test("an image URL the browser cannot load is kept, marked “Preview unavailable”, and sent as a url block", async ({
  page,
}) => {
  // Nothing listens on port 9: the browser cannot preview it, but Claude might still fetch such an address.
  const url = `http://127.0.0.1:9/intranet-${Date.now()}.png`;
  await page.getByRole("button", { name: "Add image URL" }).click();
  await page.getByRole("textbox", { name: "Image URL" }).fill(url);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const chip = page.locator("[data-preview-unavailable]");
  await expect(chip).toHaveAttribute("data-image-status", "ready");
  await expect(chip).toContainText("Preview unavailable");

  const message = scenario("text", "What is on this picture");
  await sendMessage(page, message);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [request] = await doubleRequests(message);
  const content = request?.body.messages?.at(-1)?.content as ApiBlock[];
  expect(content[0]).toEqual({ type: "image", source: { type: "url", url } });
});
