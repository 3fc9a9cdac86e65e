// Accessibility: axe finds no serious or critical violation on any page, in the light and the dark
// theme (the app follows prefers-color-scheme), in English and, for the chat page, in Japanese; a
// screen reader hears when a reply has finished.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { ADMIN, chatReady, lastReply, registerAndSignIn, scenario, sendMessage, uniqueUser } from "./helpers";

test.describe.configure({ timeout: 120_000 });

type Theme = "light" | "dark";

/** A signed-out browser context in the given theme and language. */
async function freshContext(browser: Browser, theme: Theme, language: "en" | "ja" = "en") {
  const context = await browser.newContext({
    colorScheme: theme,
    locale: language === "ja" ? "ja-JP" : "en-US",
    extraHTTPHeaders: { "Accept-Language": language },
  });
  return { page: await context.newPage(), close: () => context.close() };
}

/** Sends a message and waits for the streamed reply (Markdown with code, a list and a table) to finish. */
async function streamedReply(page: Page, messageBox = "Message") {
  await chatReady(page);
  const box = page.getByRole("textbox", { name: messageBox });
  await box.fill(
    scenario(
      "text?text=Here+is+**bold**,+`code`+and+a+list:%0A%0A-+one%0A-+two%0A%0A|+a+|+b+|%0A|---|---|%0A|+1+|+2+|&delay=20",
      "Show me some Markdown",
    ),
  );
  await box.press("Enter");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test("sign-in and registration pages", async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      await expectNoSeriousViolations(page, `/login (${theme})`);
      await page.goto("/register");
      await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
      await expectNoSeriousViolations(page, `/register (${theme})`);
    });

    test("chat with a streamed reply, the sidebar, menus and the shared page", async ({ page, browser }) => {
      await registerAndSignIn(page);
      await expectNoSeriousViolations(page, `new chat (${theme})`);
      await streamedReply(page);
      await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link")).not.toHaveCount(
        0,
      );
      await expectNoSeriousViolations(page, `chat with a reply (${theme})`);

      await page.getByRole("button", { name: "Account" }).click();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await expectNoSeriousViolations(page, `account menu open (${theme})`);
      await page.getByRole("button", { name: "Account" }).click();

      await page.getByRole("button", { name: "Share", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Share conversation" });
      const linkBox = dialog.getByRole("textbox", { name: "Share link" });
      await expect(linkBox).toHaveValue(/\/s\//);
      const link = await linkBox.inputValue();
      await expectNoSeriousViolations(page, `share dialog (${theme})`);
      await dialog.getByRole("button", { name: "Close" }).click();

      // A phone: the sidebar opens over the page.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole("button", { name: "Open menu" }).click();
      await expect(page.getByRole("button", { name: "Close menu" })).toBeFocused();
      await expectNoSeriousViolations(page, `sidebar open on a phone (${theme})`);

      const reader = await freshContext(browser, theme);
      expect((await reader.page.goto(link))?.status()).toBe(200);
      await expect(reader.page.locator('[data-message-role="assistant"]')).toContainText("bold");
      await expectNoSeriousViolations(reader.page, `shared conversation /s/<token> (${theme})`);
      await reader.close();
    });

    test("presets, settings, usage, shared links and admin pages", async ({ page }) => {
      await registerAndSignIn(page, ADMIN);
      for (const [path, heading] of [
        ["/presets", "Presets"],
        ["/settings", "Settings"],
        ["/usage", "Usage"],
        ["/shared", "Shared links"],
        ["/admin", "Admin"],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
        await expectNoSeriousViolations(page, `${path} (${theme})`);
      }
      await page.goto("/presets");
      await page.getByRole("button", { name: "New preset" }).click();
      await expect(page.getByLabel("Name")).toBeVisible();
      await expectNoSeriousViolations(page, `/presets with the new preset form (${theme})`);
    });

    test("the chat page in Japanese", async ({ browser }) => {
      const { page, close } = await freshContext(browser, theme, "ja");
      await page.goto("/register");
      await page.getByLabel("メールアドレス").fill(uniqueUser().email);
      await page.getByLabel("パスワード").fill(uniqueUser().password);
      await page.getByRole("button", { name: "アカウントを作成" }).click();
      await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
      await streamedReply(page, "メッセージ");
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
      await expect(page.locator("[data-reply-announcer]")).toHaveText("返信が完了しました");
      await expectNoSeriousViolations(page, `chat in Japanese (${theme})`);
      await close();
    });
  });
}

test("a finished reply is announced in a polite live region", async ({ page }) => {
  await registerAndSignIn(page);
  const announcer = page.locator("[data-reply-announcer]");
  await expect(announcer).toHaveAttribute("role", "status");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toHaveText("");
  await sendMessage(page, scenario("text?tokens=80&delay=40", "Announce me"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "streaming");
  await expect(announcer).toHaveText("");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(announcer).toHaveText("Reply finished");
  // Visually hidden: it takes no room on screen.
  const box = await announcer.boundingBox();
  expect((box?.width ?? 0) * (box?.height ?? 0)).toBeLessThanOrEqual(1);
  await chatReady(page);
});
