// Extended thinking and multi-step replies (the search_conversations tool loop) against the test
// double, which refuses request shapes the real API refuses (thinking rules, tool pairs, signatures).
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import {
  chatReady,
  doubleRequestsOfTurn,
  lastReply,
  registerAndSignIn,
  scenario,
  sendMessage,
  stranger,
} from "./helpers";

const thinkingBlock = (page: Page) => lastReply(page).locator('[data-block-type="thinking"]');
const toolCards = (page: Page) => lastReply(page).locator('[data-block-type="tool_use"]');

async function choose(page: Page, model: string, thinking: string) {
  await chatReady(page);
  await page.getByRole("combobox", { name: "Model" }).selectOption(model);
  await page.getByRole("combobox", { name: "Thinking" }).selectOption(thinking);
}

async function replyDone(page: Page) {
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done", { timeout: 20_000 });
}

async function reloadReady(page: Page) {
  await page.reload();
  await chatReady(page);
}

test.beforeEach(async ({ page }) => {
  await registerAndSignIn(page);
});

test("adaptive thinking: effort reaches the API, thinking shows collapsed and stays after reload", async ({
  page,
}) => {
  await choose(page, "claude-opus-4-8", "high");
  const message = scenario("text", "Why is the sky blue?");
  await sendMessage(page, message);
  await replyDone(page);

  const [request] = await doubleRequestsOfTurn(message);
  expect(request?.body.thinking).toEqual({ type: "adaptive", display: "summarized" });
  expect(request?.body.output_config).toEqual({ effort: "high" });
  expect(request?.body).not.toHaveProperty("temperature");

  const thinking = thinkingBlock(page);
  await expect(thinking).toHaveCount(1);
  await expect(thinking.getByText("Let me think about this.")).toBeHidden(); // collapsed
  await thinking.getByText("Thinking", { exact: true }).click();
  await expect(thinking).toContainText("Let me think about this.");
  await expect(lastReply(page).locator("[data-usage]")).toHaveAttribute("data-thinking-tokens", /^[1-9]/);

  await reloadReady(page);
  await expect(thinkingBlock(page)).toHaveCount(1);
  await thinkingBlock(page).getByText("Thinking", { exact: true }).click();
  await expect(thinkingBlock(page)).toContainText("Let me think about this.");
  // The conversation remembers its Thinking choice.
  await expect(page.getByRole("combobox", { name: "Thinking" })).toHaveValue("high");
});

test("budget thinking: a budget below max tokens reaches the API and thinking is shown", async ({ page }) => {
  await choose(page, "claude-haiku-4-5-20251001", "on");
  const message = scenario("text", "Plan a picnic");
  await sendMessage(page, message);
  await replyDone(page);
  const [request] = await doubleRequestsOfTurn(message);
  const thinking = request?.body.thinking as { type: string; budget_tokens: number };
  expect(thinking).toMatchObject({ type: "enabled", display: "summarized" });
  expect(thinking.budget_tokens).toBeGreaterThanOrEqual(1024);
  expect(thinking.budget_tokens).toBeLessThan(request?.body.max_tokens as number);
  expect(request?.body).not.toHaveProperty("output_config");
  await reloadReady(page);
  await thinkingBlock(page).getByText("Thinking", { exact: true }).click();
  await expect(thinkingBlock(page)).toContainText("Let me think about this.");
});

test("switching models mid-conversation with thinking history never fails", async ({ page }) => {
  const tag = randomUUID().slice(0, 8);
  await choose(page, "claude-opus-4-8", "high");
  await sendMessage(page, `First ${tag}`);
  await replyDone(page);
  // Another model: the first reply's signed thinking must not be sent to it.
  await choose(page, "claude-sonnet-4-6", "medium");
  await sendMessage(page, `Second ${tag}`);
  await replyDone(page);
  await expect(lastReply(page)).toContainText(`Echo: Second ${tag}`);
  // Back to the first model with thinking off, then on again.
  await choose(page, "claude-opus-4-8", "off");
  await sendMessage(page, `Third ${tag}`);
  await replyDone(page);
  await choose(page, "claude-opus-4-8", "max");
  await sendMessage(page, `Fourth ${tag}`);
  await replyDone(page);
  await expect(page.locator('[data-message-status="error"]')).toHaveCount(0);

  const [second] = await doubleRequestsOfTurn(`Second ${tag}`);
  expect(JSON.stringify(second?.body.messages)).not.toContain('"thinking"');
  const [third] = await doubleRequestsOfTurn(`Third ${tag}`);
  expect(third?.body).not.toHaveProperty("thinking");
  // Same model as the first reply and thinking on: its thinking goes back unchanged.
  const [fourth] = await doubleRequestsOfTurn(`Fourth ${tag}`);
  expect(JSON.stringify(fourth?.body.messages?.[1])).toContain('"type":"thinking"');
});

test("a 3-step tool loop renders every step, its tool calls and results, also after reload", async ({
  page,
}) => {
  const message = scenario("tool_loop?steps=3&query=nothing-here-xyz", "Look through my chats");
  await sendMessage(page, message);
  await replyDone(page);
  const reply = lastReply(page);
  await expect(reply).toContainText("Step 1:");
  await expect(reply).toContainText("Step 2:");
  await expect(reply).toContainText("Step 3: Here is what I found:");
  await expect(toolCards(page)).toHaveCount(2);
  await expect(toolCards(page).first()).toContainText("Searched your conversations for");
  await expect(toolCards(page).first()).toContainText("nothing-here-xyz");
  await expect(toolCards(page).first()).toContainText("no results");
  const requests = await doubleRequestsOfTurn(message);
  expect(requests).toHaveLength(3);
  expect(requests[0]?.body.tools).toEqual([expect.objectContaining({ name: "search_conversations" })]);

  await reloadReady(page);
  await expect(lastReply(page)).toContainText("Step 3: Here is what I found:");
  await expect(toolCards(page)).toHaveCount(2);
  await expect(lastReply(page).locator('[data-block-type="tool_result"]')).toHaveCount(2);
});

test("a tool loop with thinking sends each step's thinking back first", async ({ page }) => {
  await choose(page, "claude-opus-4-8", "low");
  const message = scenario("tool_loop?steps=2", "Search with thought");
  await sendMessage(page, message);
  await replyDone(page);
  const requests = await doubleRequestsOfTurn(message);
  expect(requests).toHaveLength(2);
  const continued = requests[1]?.body.messages ?? [];
  const lastAssistant = continued.at(-2) as { role: string; content: { type: string }[] };
  expect(lastAssistant.role).toBe("assistant");
  expect(lastAssistant.content[0]?.type).toBe("thinking");
  await expect(lastReply(page).locator('[data-block-type="thinking"]')).toHaveCount(2);
});

const slowLoop = "tool_loop?steps=3&tokens=60&delay=40";

test("Stop during step 2 keeps every step so far, as stopped, after reload too", async ({ page }) => {
  await sendMessage(page, scenario(slowLoop, "Slow search"));
  await expect(lastReply(page)).toContainText("Step 2: word1 word2 word3 word4 word5");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "stopped");
  await expect(lastReply(page)).not.toContainText("Step 3:");
  await reloadReady(page);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute("data-message-status", "stopped");
  await expect(reply).toContainText("Step 1: word1");
  await expect(reply).toContainText("Step 2: word1 word2 word3 word4 word5");
  await expect(reply).not.toContainText("Step 3:");
  await expect(toolCards(page)).toHaveCount(1);
});

test("reloading during step 2 resumes the reply and shows every step once", async ({ page }) => {
  // Slower than slowLoop: the reply must still be streaming once the reloaded page is up.
  await sendMessage(page, scenario("tool_loop?steps=3&tokens=80&delay=80", "Resume search"));
  await expect(lastReply(page)).toContainText("Step 2: word1 word2 word3");
  await expect(page).toHaveURL(/\/c\//);
  await reloadReady(page);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "streaming");
  await replyDone(page);
  const text = (await lastReply(page).textContent()) ?? "";
  expect(text.match(/Step 1:/g)).toHaveLength(1);
  expect(text.match(/Step 2:/g)).toHaveLength(1);
  expect(text).toContain("Step 3: Here is what I found:");
  await expect(toolCards(page)).toHaveCount(2);
});

test("an error in step 2 keeps step 1 and offers Retry", async ({ page }) => {
  // times=2: the loop's two calls follow the scenario; the retry gets a plain answer.
  await sendMessage(page, scenario("tool_loop?steps=3&error_step=2&times=2", "Failing search"));
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute("data-message-status", "error", { timeout: 20_000 });
  await expect(reply).toContainText("Step 1:");
  await expect(reply.getByRole("alert")).toContainText(/overloaded/i);
  await expect(toolCards(page)).toHaveCount(1);
  await reloadReady(page);
  await expect(lastReply(page)).toContainText("Step 1:");
  await expect(lastReply(page)).toContainText("Step 2:");
  await lastReply(page).getByRole("button", { name: "Retry" }).click();
  await replyDone(page);
  await expect(lastReply(page)).toContainText("Echo: Failing search");
});

test("search_conversations finds the user's own earlier chat and never another user's", async ({
  page,
  browser,
}) => {
  const word = `zebracorn${randomUUID().slice(0, 8)}`;
  await sendMessage(page, `Notes on ${word} by the owner`);
  await replyDone(page);
  const ownConversation = new URL(page.url()).pathname;

  const other = await stranger(browser);
  await sendMessage(other.page, `Secret ${word} of the stranger`);
  await expect(lastReply(other.page)).toHaveAttribute("data-message-status", "done");
  const strangerConversation = new URL(other.page.url()).pathname;
  await other.close();

  await page.getByRole("link", { name: "New chat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("[data-message-role]")).toHaveCount(0);
  const message = scenario(`tool_loop?steps=2&query=${word}`, "What did I write before?");
  await sendMessage(page, message);
  await replyDone(page);
  const card = toolCards(page);
  // The question and its echoed reply, both in the owner's conversation.
  await expect(card).toContainText(`Searched your conversations for “${word}” · 2 results`);
  await card.locator("summary").first().click();
  const hits = card.getByRole("link");
  await expect(hits).toHaveCount(2);
  for (const hit of await hits.all()) {
    await expect(hit).toHaveAttribute("href", new RegExp(`^${ownConversation}\\?m=`));
    await expect(hit).toContainText(`Notes on ${word}`);
  }
  await expect(lastReply(page)).toContainText(`Notes on ${word} by the owner`);
  await expect(lastReply(page)).not.toContainText("stranger");

  const requests = await doubleRequestsOfTurn(message);
  const sent = JSON.stringify(requests.at(-1)?.body.messages);
  expect(sent).toContain(ownConversation);
  expect(sent).not.toContain(strangerConversation);
  expect(sent).not.toContain("of the stranger");
});

test("turning the tool off in settings stops offering it", async ({ page }) => {
  await page.goto("/settings");
  const toggle = page.getByRole("switch", { name: "Search my conversations" });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Search my conversations" })).not.toBeChecked();

  await page.goto("/");
  const message = scenario("tool_loop?steps=2", "Search please");
  await sendMessage(page, message);
  await replyDone(page);
  const [request] = await doubleRequestsOfTurn(message);
  expect(request?.body).not.toHaveProperty("tools");
  await expect(toolCards(page)).toHaveCount(0);
});
