// Reading replies: math and diagrams render (their code loads only for replies that need it), code
// blocks wrap on request, tables scroll inside themselves on a phone, and a reply copies as shown or
// as Markdown.
import { expect, type Page, test } from "@playwright/test";
import { watchViolations } from "./csp-watch";
import { lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

function reply(page: Page, markdown: string, prompt: string) {
  return sendMessage(page, scenario(`text?text=${encodeURIComponent(markdown)}`, prompt));
}

test("math and a Mermaid diagram render, loaded only once a reply contains them, with no CSP violation", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await registerAndSignIn(page);
  await reply(page, "Plain words, **bold**.", "Plain first");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expect(lastReply(page).locator('[data-streamdown="strong"]')).toHaveText("bold");
  const beforeMath = scripts.length;
  expect(await page.locator(".katex").count()).toBe(0);

  await reply(
    page,
    ["Euler: $$e^{i\\pi} + 1 = 0$$", "", "```mermaid", "graph TD", "  A[Start] --> B[End]", "```"].join("\n"),
    "Math and a diagram",
  );
  const answer = lastReply(page);
  await expect(answer).toHaveAttribute("data-message-status", "done");
  await expect(answer.locator(".katex").first()).toBeVisible();
  await expect(answer.locator(".katex-mathml")).toContainText("π");
  await expect(answer.locator('[data-streamdown="mermaid-block"] svg').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(answer.locator('[data-streamdown="mermaid-block"] svg')).toContainText("Start");
  // The math and diagram code came with this reply, not with the page.
  expect(scripts.length).toBeGreaterThan(beforeMath);
  expect(await violations()).toEqual([]);
});

test("a long code line scrolls sideways until Wrap lines is pressed", async ({ page }) => {
  await registerAndSignIn(page);
  const longLine = `const values = [${Array.from({ length: 60 }, (_, i) => i * 1000).join(", ")}];`;
  await reply(page, ["```js", longLine, "```"].join("\n"), "Long line");
  const answer = lastReply(page);
  await expect(answer).toHaveAttribute("data-message-status", "done");
  const body = answer.locator('[data-streamdown="code-block-body"]');
  // The body or its <pre> scrolls sideways (the highlighted code replaces a plain fallback).
  const overflows = () =>
    body.evaluate((element) =>
      [element, ...element.querySelectorAll("pre")].some((box) => box.scrollWidth > box.clientWidth + 1),
    );
  await expect(body).toBeVisible();
  await expect.poll(overflows).toBe(true);
  const wrap = answer.getByRole("button", { name: "Wrap lines" });
  await expect(wrap).toHaveAttribute("aria-pressed", "false");
  await wrap.click();
  await expect(wrap).toHaveAttribute("aria-pressed", "true");
  await expect.poll(overflows).toBe(false);
  await expect(answer.getByRole("button", { name: "Copy Code" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a wide table scrolls inside the reply; the page does not scroll sideways", async ({ page }) => {
    await registerAndSignIn(page);
    const columns = Array.from({ length: 12 }, (_, i) => `Column ${i + 1}`);
    const table = [
      `| ${columns.join(" | ")} |`,
      `|${columns.map(() => "---").join("|")}|`,
      `| ${columns.map((_, i) => `value-${i}-long-enough`).join(" | ")} |`,
    ].join("\n");
    await reply(page, `A table:\n\n${table}`, "Wide table");
    const answer = lastReply(page);
    await expect(answer).toHaveAttribute("data-message-status", "done");
    const wrapper = answer.locator("table").locator("xpath=..");
    await expect(answer.locator("table")).toBeVisible();
    expect(await wrapper.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await wrapper.evaluate((element) => getComputedStyle(element).overflowX)).toBe("auto");
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
  });
});

test("a reply copies as it reads, or as Markdown with its formatting", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await registerAndSignIn(page);
  await reply(page, "# Title\n\nSome **bold** and `code`.", "Copy me");
  const answer = lastReply(page);
  await expect(answer).toHaveAttribute("data-message-status", "done");
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await answer.getByRole("button", { name: "Copy as Markdown" }).click();
  await expect.poll(clipboard).toBe("# Title\n\nSome **bold** and `code`.");

  await answer.getByRole("button", { name: "Copy message" }).click();
  await expect.poll(clipboard).toBe("Title\n\nSome bold and code.");
});

test("a reloaded reply, once shown rendered, never falls back to its raw Markdown", async ({ page }) => {
  await registerAndSignIn(page);
  await reply(page, "Use **bold** here.\n\n| a | b |\n| - | - |\n| 1 | 2 |", "Reload me");
  await expect(lastReply(page).locator('[data-streamdown="strong"]')).toHaveText("bold");
  // Every state the reply passes through while the page loads and hydrates, recorded as it renders.
  await page.addInitScript(() => {
    const states: string[] = [];
    Object.assign(window, { replyStates: states });
    new MutationObserver(() => {
      const shown = document.querySelector('[data-message-role="assistant"]');
      if (!shown) return;
      const state = shown.querySelector('[data-streamdown="strong"]') ? "rendered" : "raw";
      if (states.at(-1) !== state) states.push(state);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // The renderer's code arrives late (as on a slow network), so the page hydrates without it.
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes("data-streamdown")) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ response, body });
    } catch {
      // A chunk the page before the reload was still fetching: the reload cancelled it.
    }
  });
  await page.reload();
  await expect(lastReply(page).locator('[data-streamdown="strong"]')).toHaveText("bold");
  await page.waitForLoadState("networkidle");
  const states = await page.evaluate(() => (window as unknown as { replyStates: string[] }).replyStates);
  expect(states.slice(states.indexOf("rendered"))).toEqual(["rendered"]);
});
