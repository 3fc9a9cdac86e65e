// Search in the sidebar, conversation export (Markdown, JSON) and import, "export all my data",
// and isolation of all of them between users.
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { lastReply, registerAndSignIn, scenario, sendMessage, stranger } from "./helpers";

/** Chats once with a reply containing `reply`; returns the conversation id and the reply's message id. */
async function chatWithReply(page: Page, question: string, reply: string) {
  await sendMessage(page, scenario(`text?text=${encodeURIComponent(reply)}`, question));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(page).toHaveURL(/\/c\/[A-Za-z0-9_-]+$/);
  const conversationId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const messageId = (await lastReply(page).getAttribute("data-message-id")) ?? "";
  return { conversationId, messageId };
}

async function exportJson(page: Page, id: string) {
  const response = await page.request.get(`/api/conversations/${id}/export?format=json`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.json"/);
  return (await response.json()) as {
    conversation: { title: string; messages: { role: string; content: unknown; parentId: string | null }[] };
  };
}

test("search finds a conversation by a word of a reply and opens it at that message", async ({ page }) => {
  await registerAndSignIn(page);
  const word = `heron${randomUUID().slice(0, 8)}`;
  const target = await chatWithReply(page, "Which bird is it", `It is a grey ${word} by the river.`);
  // Enough later messages that the match is out of view until the page scrolls to it.
  await sendMessage(page, scenario("text?tokens=400&paragraph=20", "Tell me more"));
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await page.goto("/");

  await page.getByRole("searchbox", { name: "Search conversations" }).fill(word);
  const results = page.getByRole("list", { name: "Search results" });
  // The question matches too: it carries the test double's instructions, reply text included.
  const href = `/c/${target.conversationId}?m=${target.messageId}#m-${target.messageId}`;
  const hit = results.locator(`a[href="${href}"]`);
  await expect(hit).toContainText(`grey ${word} by`);
  await hit.click();
  await expect(page).toHaveURL(href);
  await expect(page.locator(`[data-message-id="${target.messageId}"]`)).toBeInViewport();
});

test("a conversation exports as Markdown and as JSON, and the JSON imports as a new conversation", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const reply = `Export me ${randomUUID().slice(0, 8)}`;
  const { conversationId } = await chatWithReply(page, "Round trip", reply);

  const markdown = await page.request.get(`/api/conversations/${conversationId}/export?format=md`);
  expect(markdown.status()).toBe(200);
  expect(markdown.headers()["content-type"]).toContain("text/markdown");
  const text = await markdown.text();
  expect(text).toMatch(/^# Round trip/);
  expect(text).toContain("## User\n\nRound trip");
  expect(text).toContain(`\n\n${reply}\n`);

  const original = await exportJson(page, conversationId);
  await page.getByLabel("Import conversation").setInputFiles({
    name: "conversation.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(original)),
  });
  await expect(page).not.toHaveURL(`/c/${conversationId}`);
  await expect(page).toHaveURL(/\/c\/[A-Za-z0-9_-]+$/);
  const importedId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await expect(lastReply(page)).toContainText(reply);

  const imported = await exportJson(page, importedId);
  const strip = (file: typeof original) =>
    file.conversation.messages.map(({ role, content, parentId }) => ({
      role,
      content,
      root: parentId === null,
    }));
  expect(strip(imported)).toEqual(strip(original));
  expect(imported.conversation.title).toBe(original.conversation.title);

  const everything = await page.request.get("/api/export");
  expect(everything.headers()["content-disposition"]).toMatch(/^attachment;/);
  const data = await everything.text();
  expect(data).toContain(reply);
  expect(data).not.toContain("passwordHash");
  expect(JSON.parse(data).conversations).toHaveLength(2);
});

test("an import that is not a conversation export is refused with the reason", async ({ page }) => {
  await registerAndSignIn(page);
  await page.getByLabel("Import conversation").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(page.getByRole("alert").filter({ hasText: "Could not import the file" })).toBeVisible();
});

test("another user's conversations are never exported, found or reachable by import", async ({
  page,
  browser,
}) => {
  await registerAndSignIn(page);
  const word = `secret${randomUUID().slice(0, 8)}`;
  const { conversationId, messageId } = await chatWithReply(page, `Private ${word}`, `Only mine ${word}`);
  const own = await exportJson(page, conversationId);

  const other = await stranger(browser);
  try {
    for (const format of ["json", "md"]) {
      const response = await other.page.request.get(
        `/api/conversations/${conversationId}/export?format=${format}`,
      );
      expect(response.status()).toBe(404);
      expect(await response.text()).not.toContain(word);
    }
    const search = await other.page.request.get(`/api/search?q=${word}`);
    expect(await search.json()).toEqual({ results: [] });
    await other.page.getByRole("searchbox", { name: "Search conversations" }).fill(word);
    await expect(other.page.getByText("No matches.")).toBeVisible();

    // An import naming the owner's message and image ids gets none of their data.
    const forged = structuredClone(own);
    forged.conversation.messages[0]!.content = [
      { type: "image", source: { type: "attachment", attachment_id: messageId, media_type: "image/png" } },
    ];
    const refused = await other.page.request.post("/api/import", { data: forged });
    expect(refused.status()).toBe(400);
    const everything = await (await other.page.request.get("/api/export")).text();
    expect(everything).not.toContain(word);
    expect(JSON.parse(everything).conversations).toEqual([]);
  } finally {
    await other.close();
  }
});
