// The page chrome: the header stays on one line on phones (English and Japanese), menus and dialogs
// close on Escape and give focus back, a copy says so in a toast, and the pages beside the chat share
// one frame.
import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { chatReady, lastReply, registerAndSignIn, scenario } from "./helpers";

const sidebar = (page: Page) => page.getByRole("navigation", { name: "Conversations" });

async function conversation(page: Page, messageBox = "Message") {
  await chatReady(page);
  const box = page.getByRole("textbox", { name: messageBox });
  await box.fill(scenario("text?text=A+short+reply", "Chrome check"));
  await box.press("Enter");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(page).toHaveURL(/\/c\/[A-Za-z0-9_-]+$/);
  return new URL(page.url()).pathname.split("/").at(-1) ?? "";
}

/** Every control of the header sits on its one line, inside the viewport. */
async function expectOneLine(header: Locator, width: number) {
  const box = await header.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(56);
  for (const control of await header.locator("button:visible, a:visible").all()) {
    const own = await control.boundingBox();
    expect(own).not.toBeNull();
    expect(own!.y).toBeGreaterThanOrEqual(box!.y);
    expect(own!.y + own!.height).toBeLessThanOrEqual(box!.y + box!.height);
    expect(own!.x + own!.width).toBeLessThanOrEqual(width);
  }
}

test("the header holds menu, title, Share, Export and Account on one line at 390 and 360 px", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await conversation(page);
  const header = page.locator("header").first();
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(header.getByRole("button", { name: "Share", exact: true })).toBeVisible();
    await expect(header.getByRole("button", { name: "Export" })).toBeVisible();
    await expect(header.getByRole("button", { name: "Account" })).toBeVisible();
    await expectOneLine(header, width);
  }
});

test("in Japanese the phone header stays on one line too", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "ja-JP",
    extraHTTPHeaders: { "Accept-Language": "ja" },
    viewport: { width: 360, height: 780 },
  });
  const page = await context.newPage();
  await page.goto("/register");
  await page.getByLabel("メールアドレス").fill(`ja-${randomUUID()}@example.test`);
  await page.getByLabel("パスワード").fill(`pw-${randomUUID()}`);
  await page.getByRole("button", { name: "アカウントを作成" }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await conversation(page, "メッセージ");
  const header = page.locator("header").first();
  await expect(header.getByRole("button", { name: "共有", exact: true })).toBeVisible();
  await expectOneLine(header, 360);
  await context.close();
});

test("the account menu and the export menu close on Escape and give focus back", async ({ page }) => {
  const user = await registerAndSignIn(page);
  await conversation(page);
  const account = page.getByRole("button", { name: "Account" });
  await account.click();
  const menu = page.getByRole("dialog", { name: "Account" });
  await expect(menu).toContainText(user.email);
  for (const name of ["Presets", "Settings", "Usage", "Batches", "Shared links"])
    await expect(menu.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(account).toBeFocused();

  const exportButton = page.getByRole("button", { name: "Export" });
  await exportButton.click();
  const exportMenu = page.getByRole("dialog", { name: "Export" });
  const id = new URL(page.url()).pathname.split("/").at(-1);
  await expect(exportMenu.getByRole("link", { name: "Export Markdown" })).toHaveAttribute(
    "href",
    `/api/conversations/${id}/export?format=md`,
  );
  await expect(exportMenu.getByRole("link", { name: "Export JSON" })).toHaveAttribute(
    "href",
    `/api/conversations/${id}/export?format=json`,
  );
  await page.keyboard.press("Escape");
  await expect(exportMenu).toBeHidden();
  await expect(exportButton).toBeFocused();
});

test("on a phone, Escape in a row's actions closes them but not the sidebar; the delete dialog gives focus back", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await registerAndSignIn(page);
  await conversation(page);
  await page.getByRole("button", { name: "Open menu" }).click();
  const actions = sidebar(page).getByRole("button", { name: /^Actions for / });
  await actions.click();
  await expect(page.getByRole("button", { name: "Rename" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Rename" })).toBeHidden();
  await expect(sidebar(page)).toBeVisible();
  await expect(actions).toBeFocused();

  await actions.click();
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete conversation?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(sidebar(page)).toBeVisible();
  await expect(actions).toBeFocused();
});

test("copying a reply says so in a toast", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await registerAndSignIn(page);
  await conversation(page);
  await lastReply(page).getByRole("button", { name: "Copy message" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Copied" })).toBeVisible();
});

test("the pages beside the chat share one frame: a way back to the chat and the page's title", async ({
  page,
}) => {
  await registerAndSignIn(page);
  for (const [path, title] of [
    ["/presets", "Presets"],
    ["/settings", "Settings"],
    ["/usage", "Usage"],
    ["/batches", "Batches"],
    ["/shared", "Shared links"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Back to chat" }).click();
    await expect(page).toHaveURL(/\/$/);
    await chatReady(page);
  }
});
