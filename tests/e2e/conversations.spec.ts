// The conversation sidebar: list by date, rename, delete, pagination, narrow screens, isolation.
// Rows are found by their link (/c/<id>): titles may be rewritten after the first reply.
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { longConversationFile } from "../support/long-conversation";
import { lastReply, registerAndSignIn, sendMessage } from "./helpers";

const sidebar = (page: Page) => page.getByRole("navigation", { name: "Conversations" });
const rowLink = (page: Page, id: string) => sidebar(page).locator(`a[href="/c/${id}"]`);

/** Starts a conversation through the API and reads its reply stream to the end; returns its id. */
async function createConversation(request: APIRequestContext, text: string): Promise<string> {
  const response = await request.post("/api/chat", {
    data: { kind: "send", text, model: "claude-sonnet-4-6" },
  });
  expect(response.status()).toBe(200);
  const id = /"conversationId":"([A-Za-z0-9_-]+)"/.exec(await response.text())?.[1];
  if (!id) throw new Error("the reply stream named no conversation");
  return id;
}

/** Sends a message in the UI, waits for the reply; returns the conversation's id. */
async function chat(page: Page, text: string): Promise<string> {
  await sendMessage(page, text);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(page).toHaveURL(/\/c\/[A-Za-z0-9_-]+$/);
  return new URL(page.url()).pathname.split("/").at(-1) ?? "";
}

/** Date headings need the browser's time zone, so they appear once the page is hydrated. */
async function hydrated(page: Page) {
  await expect(page.locator("#sidebar h2")).not.toHaveCount(0);
}

async function openActions(page: Page, id: string) {
  await sidebar(page)
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href="/c/${id}"]`) })
    .getByRole("button", { name: /^Actions for / })
    .click();
}

test("a new conversation is listed under Today and highlighted while open", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await registerAndSignIn(page);
  await expect(sidebar(page).getByText("No conversations yet.")).toBeVisible();
  const id = await chat(page, "Plan a picnic by the river");

  const today = sidebar(page).getByRole("list", { name: "Today" });
  await expect(today.locator(`a[href="/c/${id}"]`)).toBeVisible();
  await expect(rowLink(page, id)).toHaveAttribute("aria-current", "page");

  await sidebar(page).getByRole("link", { name: "New chat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(rowLink(page, id)).not.toHaveAttribute("aria-current", "page");
  await rowLink(page, id).click();
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`));
  await expect(rowLink(page, id)).toHaveAttribute("aria-current", "page");
  await page.reload();
  await expect(sidebar(page).getByRole("list", { name: "Today" })).toBeVisible();
  expect(pageErrors).toEqual([]); // e.g. no hydration mismatch from the date groups
});

test("conversations are grouped as Yesterday, Previous 7 days and Older by their last activity", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const day = 24 * 60 * 60 * 1000;
  const ids: Record<string, string> = {};
  for (const [group, daysAgo] of [
    ["Yesterday", 1],
    ["Previous 7 days", 4],
    ["Older", 40],
  ] as const) {
    const file = longConversationFile(1);
    const at = new Date(Date.now() - daysAgo * day).toISOString();
    file.conversation.title = `Talk from ${group}`;
    file.conversation.createdAt = at;
    file.conversation.updatedAt = at;
    const response = await page.request.post("/api/import", { data: file });
    expect(response.status()).toBe(201);
    ids[group] = ((await response.json()) as { id: string }).id;
  }
  await page.goto("/");
  await hydrated(page);
  for (const [group, id] of Object.entries(ids)) {
    await expect(
      sidebar(page).getByRole("list", { name: group }).locator(`a[href="/c/${id}"]`),
    ).toBeVisible();
  }
  await expect(sidebar(page).getByRole("list", { name: "Today" })).toHaveCount(0);
});

test("rename inline: Escape cancels, Enter saves, and the title persists", async ({ page }) => {
  await registerAndSignIn(page);
  const id = await chat(page, "Something to rename later");
  const title = sidebar(page).getByRole("textbox", { name: "Title" });

  await openActions(page, id);
  await sidebar(page).getByRole("button", { name: "Rename", exact: true }).click();
  await expect(title).toBeFocused();
  await title.fill("Never saved");
  await title.press("Escape");
  await expect(title).toBeHidden();
  await expect(rowLink(page, id)).toBeVisible();
  await expect(rowLink(page, id)).not.toHaveText("Never saved");

  await openActions(page, id);
  await sidebar(page).getByRole("button", { name: "Rename", exact: true }).click();
  await title.fill("   ");
  await title.press("Enter");
  await expect(sidebar(page).getByRole("alert")).toHaveText("The title must not be empty.");
  await title.fill("  Weekend picnic plans  ");
  await title.press("Enter");
  await expect(rowLink(page, id)).toHaveText("Weekend picnic plans");

  await page.reload();
  await expect(rowLink(page, id)).toHaveText("Weekend picnic plans");
});

test("the rename route validates the title", async ({ page }) => {
  await registerAndSignIn(page);
  const id = await createConversation(page.request, "Validate my title");
  for (const title of ["   ", "x".repeat(201)]) {
    const response = await page.request.patch(`/api/conversations/${id}`, { data: { title } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "bad_request:input" });
  }
  const ok = await page.request.patch(`/api/conversations/${id}`, {
    data: { title: ` ${"y".repeat(200)} ` },
  });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).conversation.title).toBe("y".repeat(200));
});

test("delete asks first, removes the conversation for good and leaves it if it was open", async ({
  page,
}) => {
  await registerAndSignIn(page);
  const other = await createConversation(page.request, "Another conversation");
  const open = await chat(page, "Delete me when done");
  await expect(rowLink(page, other)).toBeVisible();

  // Cancel keeps it.
  await openActions(page, other);
  await sidebar(page).getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("This cannot be undone.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(rowLink(page, other)).toBeVisible();

  // Deleting another conversation keeps the open one on screen.
  await openActions(page, other);
  await sidebar(page).getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(rowLink(page, other)).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/c/${open}$`));

  // Deleting the open conversation goes to a new chat.
  await openActions(page, open);
  await sidebar(page).getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(rowLink(page, open)).toHaveCount(0);
  await expect(sidebar(page).getByText("No conversations yet.")).toBeVisible();

  await page.reload();
  await expect(sidebar(page).getByText("No conversations yet.")).toBeVisible();
  expect((await page.goto(`/c/${open}`))?.status()).toBe(404);
  expect((await page.request.delete(`/api/conversations/${open}`)).status()).toBe(404);
});

test("older conversations load when the list is scrolled to its end", async ({ page }) => {
  test.setTimeout(120_000);
  await registerAndSignIn(page);
  const ids: string[] = [];
  for (let index = 0; index < 35; index++) {
    ids.push(await createConversation(page.request, `Seeded conversation ${index}`));
  }
  const newestFirst = ids.reverse().map((id) => `/c/${id}`);
  await page.reload();

  const links = sidebar(page).locator('a[href^="/c/"]');
  await expect(links).toHaveCount(30);
  const pages: number[] = [];
  page.on("response", (response) => {
    if (/\/api\/conversations\?.*cursor=/.test(response.url())) pages.push(response.status());
  });
  // Scrolling again if the list was re-rendered under the first attempt (the element it found detached).
  await expect(async () => {
    await links.last().scrollIntoViewIfNeeded({ timeout: 2_000 });
    await expect(links).toHaveCount(35, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.every((status) => status === 200)).toBe(true);
  expect(await links.evaluateAll((all) => all.map((link) => link.getAttribute("href")))).toEqual(newestFirst);
});

test("the list API pages with an opaque cursor and rejects a bad one", async ({ page }) => {
  await registerAndSignIn(page);
  const ids = [
    await createConversation(page.request, "First page"),
    await createConversation(page.request, "Second page"),
  ];
  const first = await (await page.request.get("/api/conversations?limit=1")).json();
  expect(first.conversations.map((row: { id: string }) => row.id)).toEqual([ids[1]]);
  const second = await (
    await page.request.get(`/api/conversations?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)
  ).json();
  expect(second).toMatchObject({ conversations: [{ id: ids[0] }], nextCursor: null });
  for (const query of ["cursor=not-a-cursor", "limit=0", "limit=101", "limit=abc"]) {
    expect((await page.request.get(`/api/conversations?${query}`)).status()).toBe(400);
  }
});

test("on a wide screen the sidebar collapses, and stays collapsed after reload", async ({ page }) => {
  await registerAndSignIn(page);
  await createConversation(page.request, "Listed while collapsed");
  await page.reload();
  await hydrated(page);
  await page.getByRole("button", { name: "Hide sidebar" }).click();
  await expect(sidebar(page)).toBeHidden();
  await page.reload();
  await expect(sidebar(page)).toBeHidden();
  await hydrated(page);
  await page.getByRole("button", { name: "Show sidebar" }).click();
  await expect(sidebar(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Open menu" })).toBeHidden();
});

test("on a phone-width screen the sidebar opens from the menu button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await registerAndSignIn(page);
  const id = await chat(page, "Chatting on a phone");
  await expect(sidebar(page)).toBeHidden();

  await page.getByRole("button", { name: "Open menu" }).click();
  await expect(sidebar(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Close menu" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(sidebar(page)).toBeHidden();

  await page.getByRole("button", { name: "Open menu" }).click();
  await sidebar(page).getByRole("link", { name: "New chat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(sidebar(page)).toBeHidden();

  await page.getByRole("button", { name: "Open menu" }).click();
  await rowLink(page, id).click();
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`));
  await expect(sidebar(page)).toBeHidden();
  await expect(page.getByRole("link", { name: "Presets" })).toBeHidden();
});

test("another user's conversation: not listed, not shown, not renamed, not deleted", async ({
  page,
  browser,
}) => {
  await registerAndSignIn(page);
  const id = await createConversation(page.request, "Only for user A");

  const other = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await registerAndSignIn(other);
  const shown = await other.goto(`/c/${id}`);
  expect(shown?.status()).toBe(404);
  await expect(other.getByText("could not be found")).toBeVisible();
  await expect(other.getByText("Only for user A")).toHaveCount(0);

  const patch = await other.request.patch(`/api/conversations/${id}`, { data: { title: "Taken over" } });
  const remove = await other.request.delete(`/api/conversations/${id}`);
  for (const response of [patch, remove]) {
    expect(response.status()).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe("not_found:conversation");
    expect(JSON.stringify(body)).not.toContain("Only for user A");
  }
  const listed = await (await other.request.get("/api/conversations?limit=100")).json();
  expect(listed).toEqual({ conversations: [], nextCursor: null });
  await other.close();

  const mine = await (await page.request.get("/api/conversations")).json();
  expect(mine.conversations).toEqual([expect.objectContaining({ id })]);
  await page.goto(`/c/${id}`);
  await expect(page.locator('[data-message-role="user"]')).toContainText("Only for user A");
});
