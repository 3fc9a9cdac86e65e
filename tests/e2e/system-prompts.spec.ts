// System-prompt presets in the composer, the conversation's own copy of its prompt, and prompt caching.
import { expect, type Page, test } from "@playwright/test";
import { chatReady, doubleRequests, lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

async function createPreset(page: Page, name: string, prompt: string, isDefault = false): Promise<string> {
  const response = await page.request.post("/api/presets", { data: { name, prompt, isDefault } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { preset: { id: string } }).preset.id;
}

function systemText(system: unknown): string {
  if (typeof system === "string") return system;
  return ((system as { text: string }[] | undefined) ?? []).map((block) => block.text).join("");
}

test.beforeEach(async ({ page }) => {
  await registerAndSignIn(page);
});

test("the picked preset's prompt reaches the API; the conversation keeps its copy after the preset changes", async ({
  page,
}) => {
  const presetId = await createPreset(page, "Pirate", "Always answer like a pirate.");
  await page.reload();
  await chatReady(page);
  const picker = page.getByRole("combobox", { name: "System prompt" });
  await expect(picker.getByRole("option", { name: "None" })).toHaveCount(1);
  await picker.selectOption({ label: "Pirate" });
  const first = scenario("text");
  await sendMessage(page, first);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [request] = await doubleRequests(first.slice(-30));
  expect(systemText(request?.body.system)).toBe("Always answer like a pirate.");
  // The new conversation's own copy can be edited at once, without reopening it.
  await page.getByText("Edit system prompt").click();
  await expect(page.getByRole("textbox", { name: "This conversation's system prompt" })).toHaveValue(
    "Always answer like a pirate.",
  );

  const edited = await page.request.patch(`/api/presets/${presetId}`, {
    data: { prompt: "Answer like a robot." },
  });
  expect(edited.ok()).toBe(true);
  const second = scenario("text", "And again");
  await sendMessage(page, second);
  await expect(lastReply(page)).toContainText("And again");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [later] = await doubleRequests(second.slice(-30));
  expect(systemText(later?.body.system)).toBe("Always answer like a pirate.");
});

test("the default preset is preselected; None sends no system prompt", async ({ page }) => {
  await createPreset(page, "Terse", "Be terse.", true);
  await page.goto("/");
  await chatReady(page);
  const picker = page.getByRole("combobox", { name: "System prompt" });
  await expect(picker.locator("option:checked")).toHaveText("Terse");
  await picker.selectOption({ label: "None" });
  const message = scenario("text");
  await sendMessage(page, message);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [request] = await doubleRequests(message.slice(-30));
  expect(request?.body.system).toBeUndefined();
});

test("editing the conversation's system prompt applies from the next turn", async ({ page }) => {
  await sendMessage(page, scenario("text"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await page.reload();
  await chatReady(page);
  await page.getByText("Edit system prompt").click();
  await page.getByRole("textbox", { name: "This conversation's system prompt" }).fill("Reply in French.");
  await page.getByRole("button", { name: "Save system prompt" }).click();
  await expect(page.getByText("Saved")).toBeVisible();
  const next = scenario("text", "Bonjour");
  await sendMessage(page, next);
  await expect(lastReply(page)).toContainText("Bonjour");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [request] = await doubleRequests(next.slice(-30));
  expect(systemText(request?.body.system)).toBe("Reply in French.");
});

test("prompt caching: breakpoints are sent, the second turn reads from cache, and the savings are shown", async ({
  page,
}) => {
  const longPrompt = `You are a meticulous reviewer. ${"Check every detail of the input carefully. ".repeat(400)}`;
  await createPreset(page, "Long reviewer", longPrompt);
  await page.reload();
  await chatReady(page);
  await page.getByRole("combobox", { name: "Model" }).selectOption("claude-sonnet-4-6");
  await page.getByRole("combobox", { name: "System prompt" }).selectOption({ label: "Long reviewer" });
  const first = scenario("cache", "First question");
  await sendMessage(page, first);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const firstUsage = lastReply(page).locator("[data-usage]");
  expect(Number(await firstUsage.getAttribute("data-cache-write-tokens"))).toBeGreaterThan(0);

  const second = scenario("cache", "Second question");
  await sendMessage(page, second);
  await expect(lastReply(page)).toContainText("Second question");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const secondUsage = lastReply(page).locator("[data-usage]");
  expect(Number(await secondUsage.getAttribute("data-cache-read-tokens"))).toBeGreaterThan(2000);
  await expect(page.getByText(/saved \$[\d.]+ by caching/)).toBeVisible();

  const [request] = await doubleRequests(second.slice(-30));
  const system = request?.body.system as { cache_control?: unknown }[];
  expect(system[0]?.cache_control).toEqual({ type: "ephemeral" });
  const marked = JSON.stringify(request?.body.messages).match(/cache_control/g) ?? [];
  expect(marked.length).toBeGreaterThanOrEqual(1);
  expect(marked.length + 1).toBeLessThanOrEqual(4);
});

test("prompt caching can be switched off per user", async ({ page }) => {
  await page.getByText("Parameters").click();
  const saved = page.waitForResponse((response) => response.url().endsWith("/api/settings") && response.ok());
  await page.getByRole("checkbox", { name: "Prompt caching" }).uncheck();
  await saved;
  await page.reload();
  await page.getByText("Parameters").click();
  await expect(page.getByRole("checkbox", { name: "Prompt caching" })).not.toBeChecked();
  await page.keyboard.press("Escape");
  const message = scenario("text", `${"long text ".repeat(3000)} end`);
  await sendMessage(page, message);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [request] = await doubleRequests(message.slice(-30));
  expect(JSON.stringify(request?.body)).not.toContain("cache_control");
});
