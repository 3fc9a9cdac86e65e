// Streaming chat against the Messages-API test double: growth, stop, resume, failures, retry.
import { expect, test } from "@playwright/test";
import { doubleRequests, lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

test.beforeEach(async ({ page }) => {
  await registerAndSignIn(page);
});

test("the reply grows while streaming, then is done", async ({ page }) => {
  // Six seconds of streaming, so that Stop is still there to be seen on a busy machine.
  await sendMessage(page, scenario("text?tokens=100&delay=60"));
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute("data-message-status", "streaming");
  await expect(page.getByRole("button", { name: "Stop" })).toBeVisible();
  await expect(reply).toContainText("word5");
  const partial = ((await reply.textContent()) ?? "").length;
  await expect(reply).toHaveAttribute("data-message-status", "done");
  expect(((await reply.textContent()) ?? "").length).toBeGreaterThan(partial);
  await expect(reply).toContainText("word100");
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
});

test("Stop keeps the partial reply as stopped, also after reload", async ({ page }) => {
  const message = scenario("text?tokens=400&delay=40");
  await sendMessage(page, message);
  const reply = lastReply(page);
  await expect(reply).toContainText("word10");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(reply).toHaveAttribute("data-message-status", "stopped");
  const kept = (await reply.textContent()) ?? "";
  expect(kept).toContain("word10");
  expect(kept).not.toContain("word400");
  await page.reload();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "stopped");
  await expect(lastReply(page)).toContainText("word10");
  await expect(lastReply(page)).not.toContainText("word400");
});

test("reloading mid-stream shows what arrived and follows the reply to the end", async ({ page }) => {
  // 200 words at 50 ms: ten seconds, so that the reload lands mid-stream even on a busy machine.
  await sendMessage(page, scenario("text?tokens=200&delay=50"));
  await expect(lastReply(page)).toContainText("word10");
  await expect(page).toHaveURL(/\/c\//);
  await page.reload();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "streaming");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done", { timeout: 30_000 });
  await expect(lastReply(page)).toContainText("word200");
  const text = (await lastReply(page).textContent()) ?? "";
  expect(text.match(/word1\b/g)).toHaveLength(1); // replayed once, not twice
  await page.reload();
  await expect(lastReply(page)).toContainText("word200");
});

test("closing the tab mid-stream: the server finishes and saves the reply", async ({ page, context }) => {
  await sendMessage(page, scenario("text?tokens=40&delay=50"));
  await expect(lastReply(page)).toContainText("word5");
  await expect(page).toHaveURL(/\/c\//);
  const url = page.url();
  await page.close();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const later = await context.newPage();
  await later.goto(url);
  await expect(lastReply(later)).toHaveAttribute("data-message-status", "done");
  await expect(lastReply(later)).toContainText("word40");
});

const failures = [
  { spec: "error:401", cause: "invalid API key", code: "authentication_error" },
  { spec: "error:529", cause: "overloaded", code: "overloaded_error" },
  // A 413 comes from the edge without an envelope or request id.
  { spec: "error:413", cause: "too large", code: "request_too_large", noRequestId: true },
  { spec: "error:404", cause: "model was not found", code: "not_found_error" },
  { spec: "error:403", cause: "not allowed", code: "permission_error" },
  { spec: "error:429?retry_after=0", cause: "Rate limited", code: "rate_limited" },
  { spec: "error:500", cause: "internal server error", code: "api_error" },
];

for (const { spec, cause, code, noRequestId } of failures) {
  test(`API failure ${spec} shows its cause, the request id and Retry`, async ({ page }) => {
    await sendMessage(page, scenario(spec));
    const reply = lastReply(page);
    await expect(reply).toHaveAttribute("data-message-status", "error", { timeout: 20_000 });
    const alert = reply.getByRole("alert");
    await expect(alert).toContainText(cause);
    await expect(alert).toHaveAttribute("data-error-code", code);
    if (noRequestId) await expect(alert).not.toContainText("Request id:");
    else await expect(alert).toContainText("Request id: req_");
    await expect(reply.getByRole("button", { name: "Retry" })).toBeVisible();
  });
}

test("429 then success: the server retries with retry-after and the reply arrives", async ({ page }) => {
  const message = scenario("error:429?retry_after=1&times=1");
  await sendMessage(page, message);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done", { timeout: 20_000 });
  await expect(lastReply(page).getByRole("alert")).toHaveCount(0);
  expect(await doubleRequests(message.slice(-30))).toHaveLength(2);
});

for (const { spec, cause, kept } of [
  { spec: "midstream_error?tokens=8", cause: "overloaded", kept: "word8" },
  { spec: "drop?tokens=8", cause: "connection", kept: "word8" },
  { spec: "stall?tokens=8", cause: "stalled", kept: "word8" },
]) {
  test(`a reply cut mid-stream (${spec}) keeps its text and shows the cause`, async ({ page }) => {
    await sendMessage(page, scenario(spec));
    const reply = lastReply(page);
    await expect(reply).toHaveAttribute("data-message-status", "error", { timeout: 20_000 });
    await expect(reply).toContainText(kept);
    await expect(reply.getByRole("alert")).toContainText(cause);
    await page.reload();
    await expect(lastReply(page)).toHaveAttribute("data-message-status", "error");
    await expect(lastReply(page)).toContainText(kept);
  });
}

test("Retry answers the same message again without duplicating it", async ({ page }) => {
  const message = scenario("error:500?times=3");
  await sendMessage(page, message);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute("data-message-status", "error", { timeout: 20_000 });
  await reply.getByRole("button", { name: "Retry" }).click();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done", { timeout: 20_000 });
  await expect(page.locator('[data-message-role="user"]')).toHaveCount(1);
  await expect(page.locator('[data-message-role="assistant"]')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('[data-message-role="user"]')).toHaveCount(1);
  await expect(page.locator('[data-message-role="assistant"]')).toHaveAttribute(
    "data-message-status",
    "done",
  );
  const retried = (await doubleRequests(message.slice(-30))).at(-1);
  const userTurns = retried?.body.messages?.filter((turn) => turn.role === "user") ?? [];
  expect(userTurns).toHaveLength(1);
});

test("HTML in user text and model output stays inert", async ({ page }) => {
  const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
  await sendMessage(
    page,
    `${payload} [[double:text?text=${encodeURIComponent(`${payload}[x](javascript:window.__xss=3)`)}]]`,
  );
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(page.locator('[data-message-role="user"]')).toContainText("<img src=x");
  await expect(page.locator("[data-message-role] img, [data-message-role] script")).toHaveCount(0);
  await expect(page.locator('[data-message-role] a[href^="javascript:"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test("Enter during IME composition does not send; Shift+Enter adds a line", async ({ page }) => {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill("にほんご");
  await box.dispatchEvent("compositionstart");
  await box.evaluate((element) => {
    element.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", isComposing: true, bubbles: true }));
    element.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", keyCode: 229, bubbles: true }));
  });
  await expect(page.locator("[data-message-role]")).toHaveCount(0);
  await expect(box).toHaveValue("にほんご");
  await box.press("Shift+Enter");
  await box.pressSequentially("二行目");
  await expect(box).toHaveValue("にほんご\n二行目");
  await expect(page.locator("[data-message-role]")).toHaveCount(0);
});

test("Japanese text split inside characters across network chunks renders intact", async ({ page }) => {
  await sendMessage(page, scenario("fixture:japanese_text"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const text = (await lastReply(page).textContent()) ?? "";
  expect(text).toContain("🌸");
  expect(text).toContain("２５℃");
  expect(text).not.toContain("\uFFFD");
});

test("usage attributes match what the API reported, with the cost from the price table", async ({ page }) => {
  await page.getByRole("combobox", { name: "Model" }).selectOption("claude-sonnet-4-6");
  await sendMessage(page, scenario("text?input=1200&output=345&cache_read=6000&cache_write=800"));
  const usage = lastReply(page).locator("[data-usage]");
  await expect(usage).toHaveAttribute("data-input-tokens", "1200");
  await expect(usage).toHaveAttribute("data-output-tokens", "345");
  await expect(usage).toHaveAttribute("data-cache-read-tokens", "6000");
  await expect(usage).toHaveAttribute("data-cache-write-tokens", "800");
  // (1200×3 + 800×3×1.25 + 6000×3×0.1 + 345×15) / 1e6
  const expected = (1200 * 3 + 800 * 3.75 + 6000 * 0.3 + 345 * 15) / 1e6;
  expect(Number(await usage.getAttribute("data-cost-usd"))).toBeCloseTo(expected, 10);
  await expect(usage).toContainText("in 1,200");
  await expect(usage).toContainText("out 345");
});

test("a model without a known price shows tokens and 'cost unknown'", async ({ page }) => {
  await page.getByRole("combobox", { name: "Model" }).selectOption("claude-fable-5");
  await sendMessage(page, scenario("text?output=12"));
  const usage = lastReply(page).locator("[data-usage]");
  await expect(usage).toHaveAttribute("data-output-tokens", "12");
  await expect(usage).toHaveAttribute("data-cost-usd", "");
  await expect(usage).toContainText("cost unknown");
});

test("a model id the Models API does not list is refused before anything is sent", async ({ page }) => {
  const text = scenario("text", "Which model");
  for (const model of ["gpt-4o", "claude-sonnet-9"]) {
    const response = await page.request.post("/api/chat", { data: { kind: "send", text, model } });
    expect(response.status()).toBe(400);
    const { error } = await response.json();
    expect(error).toEqual({
      code: "bad_request:model",
      message: `The model “${model}” is not available here. Pick one from the list.`,
    });
  }
  expect(await doubleRequests(text)).toEqual([]);
  const list = await (await page.request.get("/api/conversations")).json();
  expect(list.conversations).toEqual([]);
});
