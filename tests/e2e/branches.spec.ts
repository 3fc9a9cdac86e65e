// Edit and regenerate with branches, ‹ n/m › switching that survives a reload, long conversations
// loaded page by page, and isolation of the branch and message-page routes.
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { longConversationFile } from "../support/long-conversation";
import { doubleRequests, lastReply, registerAndSignIn, scenario, sendMessage, stranger } from "./helpers";

const userMessages = (page: Page) => page.locator('[data-message-role="user"]');
const replies = (page: Page) => page.locator('[data-message-role="assistant"]');

async function chatOnce(page: Page, text: string) {
  await sendMessage(page, text);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
}

async function reloadReady(page: Page) {
  await page.reload();
  await page.locator("main[data-chat-ready]").waitFor();
}

test("editing a message starts a branch; ‹ › switches branches and a reload keeps the choice", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const tag = randomUUID().slice(0, 8);
  await chatOnce(page, `First question ${tag}`);
  await chatOnce(page, `Second question ${tag}`);
  await expect(page).toHaveURL(/\/c\//);

  const second = userMessages(page).nth(1);
  await second.getByRole("button", { name: "Edit" }).click();
  const editor = page.getByRole("textbox", { name: "Edit message" });
  await expect(editor).toHaveValue(`Second question ${tag}`);
  await editor.fill(`Edited question ${tag}`);
  await editor.press("Enter");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(lastReply(page)).toContainText(`Echo: Edited question ${tag}`);
  await expect(userMessages(page)).toHaveCount(2);
  await expect(replies(page)).toHaveCount(2);
  const versions = userMessages(page).nth(1).getByRole("group", { name: "Versions" });
  await expect(versions).toHaveAttribute("data-branch-position", "2/2");

  // Only the active branch went to the API: the original second question did not.
  const [request] = await doubleRequests(`Edited question ${tag}`);
  const sent = JSON.stringify(request?.body.messages);
  expect(request?.body.messages).toHaveLength(3);
  expect(sent).toContain(`First question ${tag}`);
  expect(sent).not.toContain(`Second question ${tag}`);

  await versions.getByRole("button", { name: "Previous version" }).click();
  await expect(userMessages(page).nth(1)).toContainText(`Second question ${tag}`);
  await expect(lastReply(page)).toContainText(`Echo: Second question ${tag}`);
  await reloadReady(page);
  await expect(userMessages(page).nth(1)).toContainText(`Second question ${tag}`);
  await expect(userMessages(page).nth(1).getByRole("group", { name: "Versions" })).toHaveAttribute(
    "data-branch-position",
    "1/2",
  );

  // Continuing the old branch sends that branch's history.
  await chatOnce(page, `Third question ${tag}`);
  const [third] = await doubleRequests(`Third question ${tag}`);
  expect(JSON.stringify(third?.body.messages)).toContain(`Second question ${tag}`);
  expect(JSON.stringify(third?.body.messages)).not.toContain(`Edited question ${tag}`);

  await userMessages(page).nth(1).getByRole("button", { name: "Next version" }).click();
  await expect(userMessages(page).nth(1)).toContainText(`Edited question ${tag}`);
  await expect(userMessages(page)).toHaveCount(2);
  await reloadReady(page);
  await expect(userMessages(page).nth(1)).toContainText(`Edited question ${tag}`);
  await expect(page.getByText(`Third question ${tag}`)).toHaveCount(0);
});

test("Regenerate adds a sibling reply; both stay reachable and the choice survives a reload", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const question = scenario("text?text=The%20first%20answer&times=1", "Regenerate me");
  await chatOnce(page, question);
  await expect(lastReply(page)).toContainText("The first answer");

  const costOf = async () =>
    Number(await lastReply(page).locator("[data-usage]").getAttribute("data-cost-usd"));
  const firstCost = await costOf();
  await lastReply(page).getByRole("button", { name: "Regenerate" }).click();
  await expect(lastReply(page)).toContainText("Echo: Regenerate me");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  // The conversation's cost counts both replies: the one replaced was paid for too.
  const bothCosts = firstCost + (await costOf());
  const total = page.locator("[data-conversation-cost]");
  await expect
    .poll(async () => Number(await total.getAttribute("data-conversation-cost")))
    .toBeCloseTo(bothCosts, 9);
  await expect(userMessages(page)).toHaveCount(1); // never a second copy of the question
  await expect(replies(page)).toHaveCount(1);
  const versions = lastReply(page).getByRole("group", { name: "Versions" });
  await expect(versions).toHaveAttribute("data-branch-position", "2/2");

  await versions.getByRole("button", { name: "Previous version" }).click();
  await expect(lastReply(page)).toContainText("The first answer");
  await reloadReady(page);
  await expect(lastReply(page)).toContainText("The first answer");
  await expect(lastReply(page).getByRole("group", { name: "Versions" })).toHaveAttribute(
    "data-branch-position",
    "1/2",
  );
});

test("a message follows the branch on screen, even after another tab chose a different one", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const file = longConversationFile(2);
  const [, , question2, answer2] = file.conversation.messages;
  file.conversation.messages.push(
    { ...question2!, id: "edit-of-q2", content: [{ type: "text", text: "Question number 2, edited" }] },
    {
      ...answer2!,
      id: "answer-to-edit",
      parentId: "edit-of-q2",
      content: [{ type: "text", text: "Answer to the edit" }],
    },
  );
  const response = await page.request.post("/api/import", { data: file });
  const id = ((await response.json()) as { id: string }).id;
  await page.goto(`/c/${id}`);
  await expect(lastReply(page)).toContainText("Answer to the edit");

  // Another tab switches this conversation to the original second question.
  const exported = (await (await page.request.get(`/api/conversations/${id}/export?format=json`)).json()) as {
    conversation: { messages: { id: string; content: { text?: string }[] }[] };
  };
  const original = exported.conversation.messages.find(
    (message) => message.content[0]?.text === "Question number 2",
  );
  const switched = await page.request.put(`/api/conversations/${id}/branch`, {
    data: { messageId: original?.id },
  });
  expect(switched.status()).toBe(200);

  const followUp = scenario("text", "Follow-up");
  await chatOnce(page, followUp);
  const [request] = await doubleRequests(followUp.slice(-30));
  const history = JSON.stringify(request?.body.messages);
  expect(history).toContain("Answer to the edit");
  expect(history).not.toContain("Answer number 2");
  await reloadReady(page);
  await expect(page.getByText("Answer to the edit")).toBeVisible(); // the new turn's branch is shown
});

test("an edit that the server refuses keeps the editor open with the text", async ({ page }) => {
  await registerAndSignIn(page);
  await chatOnce(page, `Keep my edit ${randomUUID().slice(0, 8)}`);
  await userMessages(page).first().getByRole("button", { name: "Edit" }).click();
  const editor = page.getByRole("textbox", { name: "Edit message" });
  await editor.fill("An edit that fails");
  await page.route("**/api/chat", (route) =>
    route.fulfill({
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "bad_request:input", message: "Refused for the test." } }),
    }),
  );
  await page.getByRole("button", { name: "Save and send" }).click();
  // The alert says it in the catalogue's words, not the server's.
  const alert = page.locator('[role="alert"][data-error-code="bad_request:input"]');
  await expect(alert).toHaveText("Some of what was sent is not valid. Check it and try again.");
  await expect(editor).toHaveValue("An edit that fails");
  await expect(replies(page)).toHaveCount(1);
});

async function importLong(page: Page, turns: number) {
  const response = await page.request.post("/api/import", { data: longConversationFile(turns) });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("a 2,000-message conversation opens at its newest messages and loads older ones on scrolling up", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const id = await importLong(page, 1000);
  await page.goto(`/c/${id}`);
  await expect(page.getByText("Answer number 1000", { exact: true })).toBeInViewport();
  const shown = await page.locator("[data-message-role]").count();
  expect(shown).toBeLessThanOrEqual(100);

  const scroller = page.locator("main [data-message-list]");
  for (let round = 0; round < 3; round++) {
    const before = await page.locator("[data-message-role]").count();
    await scroller.evaluate((element) => {
      element.parentElement!.scrollTop = 0;
    });
    await expect.poll(() => page.locator("[data-message-role]").count()).toBeGreaterThan(before);
  }
  // The view stays where the user was reading instead of jumping to the top of the new page.
  const top = await scroller.evaluate((element) => element.parentElement!.scrollTop);
  expect(top).toBeGreaterThan(0);

  // Paging follows the branch: no message appears twice.
  const ids = await page
    .locator("[data-message-id]")
    .evaluateAll((elements) => elements.map((element) => element.getAttribute("data-message-id")));
  expect(new Set(ids).size).toBe(ids.length);
});

test("a search hit deep in a long conversation, on an older branch, opens that branch at the message", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const word = `kestrel${randomUUID().slice(0, 8)}`;
  const file = longConversationFile(150, (turn) =>
    turn === 10 ? `Answer about a ${word}` : `Answer number ${turn}`,
  );
  // A later edit of question 5 is the newest branch: the hit sits on the older one.
  file.conversation.messages.push({
    ...file.conversation.messages[8]!,
    id: "edit-of-q5",
    content: [{ type: "text", text: "Question number 5, edited" }],
  });
  const response = await page.request.post("/api/import", { data: file });
  const id = ((await response.json()) as { id: string }).id;
  await page.goto(`/c/${id}`);
  await expect(userMessages(page).last()).toContainText("Question number 5, edited");

  await page.getByRole("searchbox", { name: "Search conversations" }).fill(word);
  await page.getByRole("list", { name: "Search results" }).getByText(`Answer about a ${word}`).click();
  const hit = page.getByText(`Answer about a ${word}`, { exact: true });
  await expect(hit).toBeInViewport();
  await expect(page.getByText("Answer number 150", { exact: true })).toHaveCount(1); // the rest of its branch
  await page.goto(`/c/${id}`);
  await expect(page.getByText("Answer number 150", { exact: true })).toBeVisible();
  await expect(page.getByText("Question number 5, edited")).toHaveCount(0); // the branch stays chosen
});

test("another user's branches, message pages and system prompt are not found, and edits refused", async ({
  page,
  browser,
}) => {
  await registerAndSignIn(page);
  const id = await importLong(page, 35);
  await page.goto(`/c/${id}`);
  const firstShown = (await page.locator("[data-message-id]").first().getAttribute("data-message-id")) ?? "";
  const userMessageId =
    (await userMessages(page).last().getAttribute("data-message-id")) ?? "missing-user-message";

  const other = await stranger(browser);
  try {
    const pageAbove = await other.page.request.get(`/api/conversations/${id}/messages?before=${firstShown}`);
    expect(pageAbove.status()).toBe(404);
    expect(await pageAbove.text()).not.toContain("Question number");
    const branch = await other.page.request.put(`/api/conversations/${id}/branch`, {
      data: { messageId: userMessageId },
    });
    expect(branch.status()).toBe(404);
    const edit = await other.page.request.post("/api/chat", {
      data: { kind: "edit", messageId: userMessageId, text: "Mine now", model: "claude-sonnet-4-6" },
    });
    expect(edit.status()).toBe(404);
    const prompt = await other.page.request.get(`/api/system-prompt/${id}`);
    expect(prompt.status()).toBe(404);
    const view = await other.page.goto(`/c/${id}`);
    expect(view?.status()).toBe(404);
  } finally {
    await other.close();
  }

  // The owner's own requests work, and a message of another conversation is not a branch of this one.
  const own = await page.request.get(`/api/conversations/${id}/messages?before=${firstShown}`);
  expect(own.status()).toBe(200);
  expect(((await own.json()) as { messages: unknown[] }).messages).toHaveLength(20);
  const otherConversation = await importLong(page, 1);
  await page.goto(`/c/${otherConversation}`);
  const foreignId = (await userMessages(page).first().getAttribute("data-message-id")) ?? "";
  const crossed = await page.request.put(`/api/conversations/${id}/branch`, {
    data: { messageId: foreignId },
  });
  expect(crossed.status()).toBe(404);
});
