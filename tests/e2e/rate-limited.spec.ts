// Claude answering 429: the wait before the app's retry shows as a countdown naming the limit, Stop
// ends it, and a 429 that outlasts the retries (ANTHROPIC_MAX_RETRIES=2) ends in an alert naming the
// limit that was hit and when it resets, also after a reload.
import { expect, test } from "@playwright/test";
import { doubleRequests, lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

test.beforeEach(async ({ page }) => {
  await registerAndSignIn(page);
});

test("a 429 with retry-after 3 shows the countdown, then the reply arrives", async ({ page }) => {
  // Every reading the page shows is recorded as it renders: polling for each second's text misses
  // readings when the machine is busy.
  await page.evaluate(() => {
    const readings: string[] = [];
    Object.assign(window, { retryReadings: readings });
    new MutationObserver(() => {
      for (const notice of document.querySelectorAll("[data-retry-in]")) {
        const reading = `${notice.getAttribute("data-retry-in")}|${notice.textContent}`;
        if (readings.at(-1) !== reading) readings.push(reading);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const message = scenario("error:429?retry_after=3&times=1&limit=input-tokens");
  await sendMessage(page, message);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute("data-message-status", "done", { timeout: 20_000 });
  const readings = await page.evaluate(
    () => (window as unknown as { retryReadings: string[] }).retryReadings,
  );
  const [first, second] = readings;
  expect(first).toMatch(/^3\|Rate limited — retrying in 3 s/);
  expect(first).toContain("input tokens per minute limit reached");
  expect(second).toMatch(/^2\|Rate limited — retrying in 2 s/);
  await expect(reply.getByRole("status").filter({ hasText: "Rate limited" })).toHaveCount(0);
  await expect(reply.getByRole("alert")).toHaveCount(0);
  await expect(reply.locator('[data-block-type="text"]')).not.toBeEmpty();
  expect(await doubleRequests(message.slice(-30))).toHaveLength(2);
});

test("a 429 that persists ends in an alert naming the limit and its reset", async ({ page }) => {
  // Two waits of 2 s each: long enough for the countdown to be seen on a busy machine.
  const message = scenario("error:429?retry_after=2&limit=requests");
  await sendMessage(page, message);
  const reply = lastReply(page);
  await expect(reply.getByRole("status")).toContainText("Rate limited — retrying in");
  await expect(reply).toHaveAttribute("data-message-status", "error", { timeout: 20_000 });
  const alert = reply.getByRole("alert");
  await expect(alert).toHaveAttribute("data-error-code", "rate_limited");
  await expect(alert).toContainText("the requests per minute limit was reached");
  await expect(alert).toContainText("It resets at");
  await expect(reply.getByRole("status")).toHaveCount(0);
  // The first call and both retries reached the double.
  expect(await doubleRequests(message.slice(-30))).toHaveLength(3);
  await page.reload();
  const saved = lastReply(page).getByRole("alert");
  await expect(saved).toHaveAttribute("data-error-code", "rate_limited");
  await expect(saved).toContainText("the requests per minute limit was reached");
});

test("Stop during the wait stops the reply at once and sends nothing more", async ({ page }) => {
  const message = scenario("error:429?retry_after=30&limit=output-tokens");
  await sendMessage(page, message);
  const reply = lastReply(page);
  await expect(reply.getByRole("status")).toContainText("Rate limited — retrying in");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(reply).toHaveAttribute("data-message-status", "stopped", { timeout: 5_000 });
  await expect(reply.getByRole("status")).toHaveCount(0);
  expect(await doubleRequests(message.slice(-30))).toHaveLength(1);
});
