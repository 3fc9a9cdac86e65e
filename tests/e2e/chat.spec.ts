// Runs against both the test double and demo mode: the same UI path.
import { expect, test } from "@playwright/test";
import { registerAndSignIn } from "./helpers";

test("a message streams a reply that is saved with its usage", async ({ page }) => {
  await registerAndSignIn(page);
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill("Hello there");
  await box.press("Enter");
  const user = page.locator('[data-message-role="user"]');
  const reply = page.locator('[data-message-role="assistant"]');
  await expect(user).toHaveText(/Hello there/);
  await expect(reply).toHaveAttribute("data-message-status", "done");
  await expect(reply).not.toBeEmpty();
  const usage = reply.locator("[data-usage]");
  await expect(usage).toHaveAttribute("data-input-tokens", /^[1-9]\d*$/);
  await expect(usage).toHaveAttribute("data-output-tokens", /^[1-9]\d*$/);
  await expect(page).toHaveURL(/\/c\/[A-Za-z0-9_-]+$/);
  const replyText = await reply.textContent();

  await page.reload();
  await expect(page.locator('[data-message-role="user"]')).toHaveText(/Hello there/);
  await expect(page.locator('[data-message-role="assistant"]')).toHaveAttribute(
    "data-message-status",
    "done",
  );
  // The saved reply renders as it streamed (its Markdown renderer may still be loading at first).
  await expect.poll(() => page.locator('[data-message-role="assistant"]').textContent()).toBe(replyText);
  await expect(
    page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: "Hello there" }),
  ).toBeVisible();
});
