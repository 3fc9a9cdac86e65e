// Share links: the owner shares the branch on screen, a signed-out reader sees it without any
// private field, images only when included, and a revoked link answers 404.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { png } from "../unit/images-fixtures";
import { chatReady, lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

const SHARE_LINK = /^http:\/\/[^/]+\/s\/[A-Za-z0-9_-]{43}$/;

/** A browser context with no session: the reader. */
async function signedOutReader(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  return { page: await context.newPage(), close: () => context.close() };
}

/** Sends a message with an image attached; the reply thinks, then answers with Markdown and raw HTML. */
async function chatWithImage(page: Page) {
  await chatReady(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach image" }).click();
  await (await chooser).setFiles([
    { name: "private.png", mimeType: "image/png", buffer: Buffer.from(png(24, 24)) },
  ]);
  await expect(page.locator('[data-image-status="ready"]')).toHaveCount(1);
  await sendMessage(
    page,
    scenario("thinking?text=Kyoto+is+lovely+in+**autumn**+<i>raw</i>", "Where should we travel"),
  );
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
}

async function openShareDialog(page: Page) {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share conversation" });
  await expect(dialog.getByRole("textbox", { name: "Share link" })).toHaveValue(SHARE_LINK);
  return dialog;
}

test("a shared conversation reads signed out without email, costs, thinking or images, until revoked", async ({
  page,
  browser,
}) => {
  const owner = await registerAndSignIn(page);
  await chatWithImage(page);
  const cost = await lastReply(page).locator("[data-usage]").getAttribute("data-cost-usd");
  const ownImage = await page.locator('[data-message-role="user"] img').getAttribute("src");
  expect(ownImage).toMatch(/^\/api\/attachments\//);

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const dialog = await openShareDialog(page);
  const link = await dialog.getByRole("textbox", { name: "Share link" }).inputValue();
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const reader = await signedOutReader(browser);
  const violations: string[] = [];
  reader.page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await reader.page.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
  await expect(reader.page).toHaveURL(link);
  await expect(reader.page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(reader.page.locator('[data-message-role="user"]')).toContainText("Where should we travel");
  const reply = reader.page.locator('[data-message-role="assistant"]');
  await expect(reply).toContainText("Kyoto is lovely in");
  // The chat's Markdown renderer: emphasis becomes markup, raw HTML stays text.
  await expect(reply.locator('[data-streamdown="strong"]')).toHaveText("autumn");
  await expect(reply).toContainText("<i>raw</i>");
  await expect(reply.locator("i")).toHaveCount(0);
  await expect(reader.page.locator("img")).toHaveCount(0);
  const html = await response!.text();
  for (const secret of [
    owner.email,
    "Step 1",
    "thinking it over",
    "data-usage",
    "data-cost-usd",
    "/api/attachments/",
    ownImage!,
  ]) {
    expect(html).not.toContain(secret);
  }
  if (cost) expect(html).not.toContain(cost);
  await expect(reader.page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  // Images only once the owner includes them.
  const included = page.waitForResponse((r) => r.url().endsWith("/share") && r.request().method() === "POST");
  await dialog.getByRole("checkbox", { name: "Include images" }).check();
  await included;
  await expect(dialog.getByRole("checkbox", { name: "Include images" })).toBeChecked();
  await reader.page.reload();
  const image = reader.page.locator('[data-message-role="user"] img');
  await expect(image).toHaveCount(1);
  const src = await image.getAttribute("src");
  expect(src).toMatch(/^\/api\/shared\/[A-Za-z0-9_-]{43}\/images\//);
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(24);

  expect(violations).toEqual([]);

  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(dialog.getByText("The link was revoked")).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Share link" })).toHaveValue("");
  expect((await reader.page.goto(link))?.status()).toBe(404);
  await expect(reader.page.locator('[data-message-role="user"]')).toHaveCount(0);
  expect((await reader.page.request.get(src!)).status()).toBe(404);
  await reader.close();
});

test("the account menu lists share links and revokes them; nobody else can", async ({ page, browser }) => {
  test.slow(); // two accounts and three browser contexts
  await registerAndSignIn(page);
  await sendMessage(page, scenario("text?text=Listed+reply", "Share me"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const conversationId = new URL(page.url()).pathname.split("/").at(-1)!;
  const dialog = await openShareDialog(page);
  const link = await dialog.getByRole("textbox", { name: "Share link" }).inputValue();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  // A snapshot: a later turn shows only once the owner updates the link (same link).
  await sendMessage(page, scenario("text?text=Later+reply", "One more"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const early = await signedOutReader(browser);
  await early.page.goto(link);
  await expect(early.page.locator('[data-message-role="assistant"]')).toHaveCount(1);
  const again = await openShareDialog(page);
  await expect(again.getByRole("textbox", { name: "Share link" })).toHaveValue(link);
  const updated = page.waitForResponse((r) => r.url().endsWith("/share") && r.request().method() === "POST");
  await again.getByRole("button", { name: "Update link" }).click();
  await updated;
  await early.page.reload();
  await expect(early.page.locator('[data-message-role="assistant"]')).toHaveCount(2);
  await expect(early.page.locator('[data-message-role="assistant"]').last()).toContainText("Later reply");
  await early.close();
  await again.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("link", { name: "Shared links" }).click();
  await expect(page).toHaveURL(/\/shared$/);
  const row = page.getByRole("list", { name: "Shared links" }).getByRole("listitem");
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: new URL(link).pathname })).toBeVisible();
  const shareId = await row.getAttribute("data-share-id");

  // Another signed-in user can neither revoke it nor share the conversation.
  const other = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const otherPage = await other.newPage();
  await registerAndSignIn(otherPage);
  expect((await otherPage.request.delete(`/api/shares/${shareId}`)).status()).toBe(404);
  const foreign = await otherPage.request.post(`/api/conversations/${conversationId}/share`, { data: {} });
  expect(foreign.status()).toBe(404);
  expect((await foreign.json()).error.code).toBe("not_found:conversation");
  expect((await (await otherPage.request.get("/api/shares")).json()).shares).toEqual([]);
  await other.close();

  const reader = await signedOutReader(browser);
  expect((await reader.page.goto(link))?.status()).toBe(200);
  await expect(reader.page.locator('[data-message-role="assistant"]').first()).toContainText("Listed reply");

  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("You have not shared any conversations.")).toBeVisible();
  expect((await reader.page.goto(link))?.status()).toBe(404);
  await page.reload();
  await expect(page.getByText("You have not shared any conversations.")).toBeVisible();
  await reader.close();
});
