// Tools Anthropic runs (web search, web fetch, code execution) and remote MCP connectors, against
// the test double, which checks tool definitions, the MCP beta header and the pairing of tool blocks.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
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

async function switchTool(page: Page, name: string, on = true) {
  await chatReady(page);
  await page.getByRole("button", { name: "Tools", exact: true }).click();
  const toggle = page.getByRole("switch", { name, exact: true });
  if ((await toggle.isChecked()) !== on) await toggle.click();
  await expect(toggle).toBeChecked({ checked: on });
  await page.keyboard.press("Escape");
}

async function replyDone(page: Page) {
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done", { timeout: 20_000 });
}

async function reloadReady(page: Page) {
  await page.reload();
  await chatReady(page);
}

const card = (page: Page, type: string) => lastReply(page).locator(`[data-block-type="${type}"]`);

test.beforeEach(async ({ page }) => {
  await registerAndSignIn(page);
});

test("web search: the switch adds the tool, results and citations render, searches are counted", async ({
  page,
}) => {
  await switchTool(page, "Web search");
  const message = scenario("web_search?query=tide times", "When is high tide?");
  await sendMessage(page, message);
  await replyDone(page);

  const [request] = await doubleRequestsOfTurn(message);
  expect(request?.body.tools).toContainEqual(
    expect.objectContaining({ type: "web_search_20250305", name: "web_search" }),
  );
  expect(request?.headers["anthropic-beta"]).toBeUndefined();

  const check = async () => {
    const search = card(page, "server_tool_use");
    await expect(search).toContainText("Searched the web for");
    await expect(search).toContainText("tide times");
    await search.locator("summary").first().click();
    const results = search.locator('[data-block-type="web_search_tool_result"]').getByRole("link");
    await expect(results).toHaveCount(2);
    await expect(results.first()).toHaveAttribute("href", /^https:\/\//);
    const citation = lastReply(page).locator("[data-citation]").first();
    await expect(citation).toHaveAttribute("href", /^https:\/\//);
    await expect(citation).toHaveText(/1/);
    const usage = lastReply(page).locator("[data-usage]");
    await expect(usage).toHaveAttribute("data-web-search-requests", "1");
    await expect(usage).toContainText("1 search");
  };
  await check();
  await reloadReady(page);
  await check();
  // The conversation remembers its tools.
  await page.getByRole("button", { name: "Tools", exact: true }).click();
  await expect(page.getByRole("switch", { name: "Web search" })).toBeChecked();
});

test("a search error renders in plain words", async ({ page }) => {
  await switchTool(page, "Web search");
  await sendMessage(page, scenario("web_search?error=max_uses_exceeded", "Search too much"));
  await replyDone(page);
  await card(page, "server_tool_use").locator("summary").first().click();
  await expect(card(page, "server_tool_use")).toContainText("search limit");
});

test("web fetch: the fetched page's title and URL render and survive reload", async ({ page }) => {
  await switchTool(page, "Web fetch");
  const message = scenario("web_fetch?url=https://example.com/page", "Read this page");
  await sendMessage(page, message);
  await replyDone(page);
  const [request] = await doubleRequestsOfTurn(message);
  expect(request?.body.tools).toContainEqual(expect.objectContaining({ type: "web_fetch_20250910" }));
  for (const reload of [false, true]) {
    if (reload) await reloadReady(page);
    const fetched = card(page, "server_tool_use");
    await expect(fetched).toContainText("Example page");
    await fetched.locator("summary").first().click();
    await expect(fetched.getByRole("link", { name: /example\.com\/page/ })).toHaveAttribute(
      "href",
      "https://example.com/page",
    );
  }
});

test("code execution: code, output and exit code render; its file downloads for the owner only", async ({
  page,
  browser,
}) => {
  await switchTool(page, "Code execution");
  const message = scenario("code_execution", "Compute six times seven");
  await sendMessage(page, message);
  await replyDone(page);
  const [request] = await doubleRequestsOfTurn(message);
  expect(request?.body.tools).toContainEqual(expect.objectContaining({ type: "code_execution_20250825" }));

  const run = card(page, "server_tool_use");
  await run.locator("summary").first().click();
  await expect(run).toContainText("print(6*7)");
  await expect(run).toContainText("42");
  await expect(run).toContainText("Exit code 0");
  const link = run.getByRole("link", { name: "Download file" });
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/api\/files\/[^/]+\/file_double_\d+$/);
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(await file.suggestedFilename()).toBe("answer.txt");

  const other = await stranger(browser);
  const response = await other.page.request.get(href);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("42");
  await other.close();

  await reloadReady(page);
  await card(page, "server_tool_use").locator("summary").first().click();
  await expect(card(page, "server_tool_use")).toContainText("Exit code 0");
});

test("a paused turn is continued by the server and ends in one message", async ({ page }) => {
  await switchTool(page, "Web search");
  const message = scenario("pause", "Search and pause");
  await sendMessage(page, message);
  await replyDone(page);
  await expect(lastReply(page)).toContainText("Resumed after pause.");
  expect(await doubleRequestsOfTurn(message)).toHaveLength(2);
});

test("turning a tool off after using it keeps the conversation going", async ({ page }) => {
  const tag = randomUUID().slice(0, 8);
  await switchTool(page, "Web search");
  await sendMessage(page, scenario("web_search", `First ${tag}`));
  await replyDone(page);
  await switchTool(page, "Web search", false);
  await sendMessage(page, `Second ${tag}`);
  await replyDone(page);
  await expect(lastReply(page)).toContainText(`Echo: Second ${tag}`);
  const [second] = await doubleRequestsOfTurn(`Second ${tag}`);
  expect(second?.body).not.toHaveProperty("tools.0.type", "web_search_20250305");
});

async function addConnector(page: Page, name: string, url: string, token: string) {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Add connector" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("URL", { exact: true }).fill(url);
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByRole("button", { name: "Save" }).click();
}

test("connectors: bad input is refused clearly, a clash is named", async ({ page }) => {
  await addConnector(page, "wiki", "http://mcp.example/wiki", "t");
  await expect(page.getByText("must start with https://")).toBeVisible();
  await expect(page.getByLabel("URL", { exact: true })).toHaveValue("http://mcp.example/wiki");
  await page.getByLabel("URL", { exact: true }).fill("https://user:pw@mcp.example/wiki");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("must not contain a user name or password")).toBeVisible();
  await page.getByLabel("URL", { exact: true }).fill("https://mcp.example/wiki");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(1);
  await addConnector(page, "wiki", "https://mcp.example/other", "t");
  await expect(page.getByText("You already have a connector named wiki.")).toBeVisible();
});

test("connectors: the MCP request carries the beta and token, which never reach a page, response or export", async ({
  page,
  browser,
}) => {
  const token = `tok-${randomUUID()}`;
  await addConnector(page, "wiki", "https://mcp.example/wiki", token);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(1);
  expect(await page.content()).not.toContain(token);
  const listed = await page.request.get("/api/connectors");
  const body = await listed.text();
  expect(body).not.toContain(token);
  const connectorId = (JSON.parse(body) as { connectors: { id: string }[] }).connectors[0]!.id;

  await page.goto("/");
  await switchTool(page, "wiki");
  const message = scenario("mcp", "Ask the wiki");
  await sendMessage(page, message);
  await replyDone(page);
  const [request] = await doubleRequestsOfTurn(message);
  expect(request?.headers["anthropic-beta"]).toContain("mcp-client-2025-11-20");
  expect(request?.body.mcp_servers).toEqual([
    { type: "url", url: "https://mcp.example/wiki", name: "wiki", authorization_token: token },
  ]);
  const used = card(page, "mcp_tool_use");
  await expect(used).toContainText("lookup");
  await expect(used).toContainText("wiki");
  await used.locator("summary").first().click();
  await expect(used).toContainText("MCP says hello");
  expect(await page.content()).not.toContain(token);

  const conversationId = new URL(page.url()).pathname.split("/").at(-1);
  for (const path of [`/api/conversations/${conversationId}/export?format=json`, "/api/export"]) {
    const exported = await page.request.get(path);
    expect(exported.ok()).toBe(true);
    expect(await exported.text()).not.toContain(token);
  }
  await reloadReady(page);
  await expect(card(page, "mcp_tool_use")).toContainText("lookup");
  // Nor the operator log.
  expect(readFileSync(process.env.E2E_APP_LOG ?? "", "utf8").includes(token)).toBe(false);

  // Another user can neither see nor use it.
  const other = await stranger(browser);
  expect(await (await other.page.request.get("/api/connectors")).text()).not.toContain("wiki");
  const refused = await other.page.request.post("/api/chat", {
    data: {
      kind: "send",
      text: "use their connector",
      model: "claude-sonnet-4-6",
      tools: { server: [], connectors: [connectorId] },
    },
  });
  expect(refused.status()).toBe(404);
  expect((await other.page.request.delete(`/api/connectors/${connectorId}`)).status()).toBe(404);
  await other.close();
});
