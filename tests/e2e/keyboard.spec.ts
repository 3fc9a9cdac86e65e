// Keyboard shortcuts: each one does its action, `?` lists them (in English and Japanese) only
// outside text fields, an input method's composition never triggers one, and focus is visible.
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { chatReady, lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

const MOD = process.platform === "darwin" ? "Meta" : "Control";

const messageBox = (page: Page) => page.getByRole("textbox", { name: "Message" });
const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search conversations" });
const conversations = (page: Page) => page.getByRole("navigation", { name: "Conversations" });

test("? opens the list of shortcuts outside text fields, and types a ? inside them", async ({ page }) => {
  await registerAndSignIn(page);
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const [id, text, keys] of [
    ["newChat", "New chat", "CtrlShiftO"],
    ["search", "Search conversations", "CtrlK"],
    ["focusComposer", "Focus the message box", "ShiftEsc"],
    ["stop", "Stop the reply being written", "Esc"],
    ["copyLastReply", "Copy the last reply", "CtrlShiftC"],
    ["toggleSidebar", "Show or hide the sidebar", "CtrlShiftS"],
    ["help", "Show keyboard shortcuts", "?"],
  ] as const) {
    const row = dialog.locator(`[data-shortcut="${id}"]`);
    await expect(row.locator("dt")).toHaveText(text);
    await expect(row.locator("dd")).toHaveText(keys);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.keyboard.press("?");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("?");
  await expect(dialog).toBeHidden();

  await messageBox(page).click();
  await page.keyboard.type("Why?");
  await expect(messageBox(page)).toHaveValue("Why?");
  await expect(dialog).toBeHidden();

  // Without a mouse: the account menu has it too.
  await page.getByRole("button", { name: "Account" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Keyboard shortcuts" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("the shortcuts dialog in Japanese", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "ja-JP",
    extraHTTPHeaders: { "Accept-Language": "ja" },
  });
  const page = await context.newPage();
  await page.goto("/register");
  await page.getByLabel("メールアドレス").fill(`ja-${randomUUID()}@example.test`);
  await page.getByLabel("パスワード").fill(`pw-${randomUUID()}`);
  await page.getByRole("button", { name: "アカウントを作成" }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await chatReady(page);
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "キーボードショートカット" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-shortcut="copyLastReply"] dt')).toHaveText("最後の返信をコピー");
  await expect(dialog.locator('[data-shortcut="stop"] dt')).toHaveText("生成中の返信を停止");
  await context.close();
});

test("Ctrl+K searches, Shift+Esc returns to the message box, Ctrl+Shift+S toggles the sidebar", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await page.keyboard.press(`${MOD}+k`);
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press("Shift+Escape");
  await expect(messageBox(page)).toBeFocused();

  await page.keyboard.press(`${MOD}+Shift+s`);
  await expect(conversations(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Show sidebar" })).toBeVisible();
  // Searching shows the sidebar again.
  await page.keyboard.press(`${MOD}+k`);
  await expect(conversations(page)).toBeVisible();
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press(`${MOD}+Shift+s`);
  await expect(conversations(page)).toBeHidden();
  await page.keyboard.press(`${MOD}+Shift+s`);
  await expect(conversations(page)).toBeVisible();

  // On a phone the sidebar opens over the page, and the shortcut closes it again.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(conversations(page)).toBeHidden();
  await page.keyboard.press(`${MOD}+Shift+s`);
  await expect(conversations(page)).toBeVisible();
  await page.keyboard.press(`${MOD}+Shift+s`);
  await expect(conversations(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Open menu" })).toBeFocused();
});

test("Esc stops the reply being written, but not while an input method is composing", async ({ page }) => {
  await registerAndSignIn(page);
  await sendMessage(page, scenario("text?tokens=400&delay=40", "Stop me"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "streaming");
  // A composition's Escape cancels the composition only.
  await messageBox(page).dispatchEvent("keydown", { key: "Escape", isComposing: true, bubbles: true });
  // Escape in the sidebar is the sidebar's (here: closing the phone overlay), not the reply's.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Open menu" }).click();
  await expect(page.getByRole("button", { name: "Close menu" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(conversations(page)).toBeHidden();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "streaming");
  await messageBox(page).press("Escape");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "stopped");
  await expect(page.locator("[data-reply-announcer]")).toHaveText("Reply stopped");
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
});

test("Ctrl+Shift+C copies the last reply; Ctrl+Shift+O starts a new chat", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await registerAndSignIn(page);
  await sendMessage(page, scenario("text?text=First+answer", "One"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await sendMessage(page, scenario("text?text=The+**last**+answer", "Two"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await page.keyboard.press(`${MOD}+Shift+c`);
  await expect(page.getByRole("status").filter({ hasText: "Reply copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("The **last** answer");
  // The text box keeps what is typed in it.
  await messageBox(page).fill("a draft");
  await expect(page).toHaveURL(/\/c\//);

  await page.keyboard.press(`${MOD}+Shift+o`);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("[data-message-role]")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("Enter and Shift+Enter keep their meaning; focus is visible when moving with Tab", async ({ page }) => {
  await registerAndSignIn(page);
  await messageBox(page).click();
  await page.keyboard.type("line one");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("line two?");
  await expect(messageBox(page)).toHaveValue("line one\nline two?");
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-message-role="user"]')).toContainText("line two?");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");

  // Tab from the page's start reaches the sidebar's New chat link with a visible ring.
  await page.reload();
  await chatReady(page);
  const newChat = conversations(page).getByRole("link", { name: "New chat" });
  for (let i = 0; i < 10 && !(await newChat.evaluate((element) => element === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(newChat).toBeFocused();
  const outline = await newChat.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
