// A refused request reads in the user's language: the alert shows the catalogue message of the
// server's stable code (never the server's English) and carries that code, in Japanese and English.
import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { chatReady, lastReply, registerAndSignIn, scenario, uniqueUser } from "./helpers";

const ADMIN = { email: "admin@admin.e2e.test", password: "admin-e2e-password-0123" };

const LANGUAGES = {
  en: {
    message: "Message",
    budget: "This would exceed your monthly budget of $0.00. It resets on",
    notFound: "This conversation was not found. It may have been deleted.",
    invalid: "Some of what was sent is not valid. Check it and try again.",
  },
  ja: {
    message: "メッセージ",
    budget: "月間予算 $0.00 を超えるため送信できません。予算は",
    notFound: "この会話は見つかりません。削除された可能性があります。",
    invalid: "送信した内容に正しくないものがあります。確認してもう一度お試しください。",
  },
} as const;

type Language = keyof typeof LANGUAGES;

test.describe.configure({ timeout: 120_000 });

/** A fresh user signed in on the chat page of a browser that asks for `language`. */
async function userIn(browser: Browser, language: Language) {
  const context = await browser.newContext({
    locale: language === "ja" ? "ja-JP" : "en-US",
    extraHTTPHeaders: { "Accept-Language": language },
  });
  const page = await context.newPage();
  const user = uniqueUser();
  if (language === "en") await registerAndSignIn(page, user);
  else {
    await page.goto("/register");
    await page.getByLabel("メールアドレス").fill(user.email);
    await page.getByLabel("パスワード").fill(user.password);
    await page.getByRole("button", { name: "アカウントを作成" }).click();
    await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
    await chatReady(page);
  }
  return { page, user, close: () => context.close() };
}

async function send(page: Page, language: Language, text: string) {
  await chatReady(page);
  const box = page.getByRole("textbox", { name: LANGUAGES[language].message, exact: true });
  await box.fill(text);
  await box.press("Enter");
}

/** The chat's alert of a refused request (Next.js also renders an empty route announcer alert). */
function refusal(page: Page) {
  return page.locator('[role="alert"][data-error-code]');
}

async function setZeroBudget(browser: Browser, email: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  await registerAndSignIn(page, ADMIN);
  await page.goto("/admin");
  const row = page.locator(`tr[data-user-email="${email}"]`);
  await row.getByLabel("Monthly budget (USD)").fill("0");
  await row.getByRole("button", { name: "Save budget" }).click();
  await expect(row.getByText("Saved")).toBeVisible();
  await context.close();
}

for (const language of ["ja", "en"] as const) {
  const text = LANGUAGES[language];

  test(`[${language}] a message to a deleted conversation is refused as not found in the user's language`, async ({
    browser,
  }) => {
    const { page, close } = await userIn(browser, language);
    await send(page, language, scenario("text", "First"));
    await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
    const id = new URL(page.url()).pathname.split("/").at(-1);
    expect((await page.request.delete(`/api/conversations/${id}`)).status()).toBe(204);

    await send(page, language, "Into the void");
    await expect(refusal(page)).toHaveAttribute("data-error-code", "not_found:conversation");
    await expect(refusal(page)).toHaveText(text.notFound);
    await close();
  });

  test(`[${language}] a request the server finds invalid shows the catalogue's validation message`, async ({
    browser,
  }) => {
    const { page, close } = await userIn(browser, language);
    // The composer never sends a bad body: change the text's type on its way out.
    await page.route("**/api/chat", async (route) => {
      const body = route.request().postDataJSON() as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, text: 42 }) });
    });
    await send(page, language, `Invalid ${randomUUID().slice(0, 8)}`);
    await expect(refusal(page)).toHaveAttribute("data-error-code", "bad_request:input");
    await expect(refusal(page)).toHaveText(text.invalid);
    await close();
  });

  test(`[${language}] a budget refusal names the budget and its reset in the user's language`, async ({
    browser,
  }) => {
    const { page, user, close } = await userIn(browser, language);
    await setZeroBudget(browser, user.email);
    await page.reload();
    await send(page, language, scenario("text", "Over budget"));
    await expect(refusal(page)).toHaveAttribute("data-error-code", "budget_exceeded");
    await expect(refusal(page)).toContainText(text.budget);
    if (language === "ja") await expect(refusal(page)).not.toContainText("monthly budget");
    await close();
  });
}
