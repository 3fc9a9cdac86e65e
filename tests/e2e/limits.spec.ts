// Per-user limits against the "limits" app (playwright.config.ts): 3 searches and 5 uploads a
// minute, one reply at a time, 0.05 MB (52 KB) of stored images, https-only image URLs.
import { randomBytes } from "node:crypto";
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { longConversationFile } from "../support/long-conversation";
import { png } from "../unit/images-fixtures";
import { lastReply, registerAndSignIn, scenario, sendMessage, stranger } from "./helpers";

async function expectRefused(response: APIResponse, status: number, code: string, message: RegExp) {
  expect(response.status()).toBe(status);
  const body = await response.json();
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(message);
}

/** A PNG of random pixels: it cannot be compressed, so it takes about 3 bytes per pixel. */
function noisePng(width: number, height: number) {
  const noise = randomBytes(width * height * 3);
  return png(width, height, { pixel: (x, y, channel) => noise[(y * width + x) * 3 + channel]! });
}

function upload(page: Page, bytes: Uint8Array) {
  return page.request.post("/api/attachments", {
    multipart: { file: { name: "noise.png", mimeType: "image/png", buffer: Buffer.from(bytes) } },
  });
}

test("a burst of searches is refused with 429, retry-after and rate_limited; other users are not", async ({
  page,
  browser,
}) => {
  await registerAndSignIn(page);
  // At once: one search comes back every 20 s, and a slow machine must not make that matter.
  const burst = await Promise.all(
    Array.from({ length: 5 }, (_, i) => page.request.get(`/api/search?q=word${i}`)),
  );
  expect(burst.map((response) => response.status()).sort()).toEqual([200, 200, 200, 429, 429]);
  const refused = burst.find((response) => response.status() === 429)!;
  await expectRefused(
    refused,
    429,
    "rate_limited:search",
    /^Too many searches in a short time\. Try again in \d+ seconds?\.$/,
  );
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(20);

  const other = await stranger(browser);
  try {
    expect((await other.page.request.get("/api/search?q=word")).status()).toBe(200);
  } finally {
    await other.close();
  }
});

test("an upload past the storage quota is refused with 413; an image already stored is not", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const first = noisePng(80, 80); // ~19 KB
  const second = noisePng(80, 80);
  const third = noisePng(80, 80);
  expect((await upload(page, first)).status()).toBe(201);
  expect((await upload(page, second)).status()).toBe(201);
  await expectRefused(
    await upload(page, third),
    413,
    "quota_exceeded:storage",
    /^Not enough storage: this would bring your stored images to \d+ KB, over your quota of 52 KB\.$/,
  );
  expect((await upload(page, first)).status()).toBe(200);
});

test("a burst of uploads is refused with 429 and retry-after", async ({ page }) => {
  await registerAndSignIn(page);
  const image = png(8, 8);
  const burst = await Promise.all(Array.from({ length: 7 }, () => upload(page, image)));
  const statuses = burst.map((response) => response.status());
  expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  const refused = burst.find((response) => response.status() === 429)!;
  await expectRefused(refused, 429, "rate_limited:upload", /^Too many uploads in a short time\./);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
});

test("a second reply while one is being written is refused, in the API and in the browser", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await sendMessage(page, scenario("text?tokens=600&delay=100", "A slow one"));
  await expect(page.getByRole("button", { name: "Stop" })).toBeVisible();

  const refused = await page.request.post("/api/chat", {
    data: { kind: "send", text: "And another", model: "claude-sonnet-4-6" },
  });
  await expectRefused(
    refused,
    429,
    "rate_limited:replies",
    /^A reply is already being written for you\. Wait for one to finish \(or stop it\), then try again\.$/,
  );
  expect(refused.headers()["retry-after"]).toBe("5");

  const second = await page.context().newPage();
  await second.goto("/");
  await sendMessage(second, "Meanwhile, in another tab");
  const alert = second.locator('[role="alert"][data-error-code="rate_limited:replies"]');
  await expect(alert).toContainText("A reply is already being written for you.");
  await expect(alert).toContainText("try again in 5 s.");

  await page.getByRole("button", { name: "Stop" }).click();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "stopped");
  await sendMessage(page, scenario("text?tokens=3", "Now it is my turn"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
});

test("an import with an http:// image URL is refused, naming the message", async ({ page }) => {
  await registerAndSignIn(page);
  const file = longConversationFile(2);
  const message = file.conversation.messages[2]!;
  (message.content as unknown[]).unshift({
    type: "image",
    source: { type: "url", url: "http://127.0.0.1:9/private.png" },
  });
  await expectRefused(
    await page.request.post("/api/import", { data: file }),
    400,
    "bad_request:input",
    /^conversation\.messages\.2: image URL not accepted \(scheme\)/,
  );
  const everything = (await (await page.request.get("/api/export")).json()) as { conversations: unknown[] };
  expect(everything.conversations).toEqual([]);
});
