// The pages run under a nonce-based Content-Security-Policy: everything the app does works without
// a single violation, and a script injected without the nonce does not run.
import { expect, type Response, test } from "@playwright/test";
import { watchViolations } from "./csp-watch";
import { lastReply, registerAndSignIn, scenario, sendMessage } from "./helpers";

/**
 * The page's policy, and proof that Next.js gave its scripts that policy's nonce; `scripts: "none"`
 * for the sign-in pages, which are written without any.
 */
async function expectNoncePolicy(response: Response | null, { scripts: expected = "some" } = {}) {
  const policy = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).not.toContain("'unsafe-eval'");
  const html = (await response?.text()) ?? "";
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  if (expected === "none") expect(scripts).toEqual([]);
  else expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  return nonce ?? "";
}

const MARKDOWN = [
  "Here is **some code**:",
  "",
  "```ts",
  'const greeting: string = "hello";',
  "console.log(greeting);",
  "```",
  "",
  "| Feature | Works |",
  "| --- | --- |",
  "| Tables | yes |",
].join("\n");

test("the sign-in and registration pages carry the policy, hold no script and run without violations", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  for (const path of ["/login", "/register"]) {
    const response = await page.goto(path);
    await expectNoncePolicy(response, { scripts: "none" });
    await expect(page.getByRole("textbox", { name: "Email" })).toBeVisible();
  }
  await page.getByLabel("Email").fill("someone@example.test");
  expect(await violations()).toEqual([]);
});

test("chatting, a highlighted code block, reloading, the sidebar and the other pages cause no violations", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await registerAndSignIn(page);
  await sendMessage(page, scenario(`text?text=${encodeURIComponent(MARKDOWN)}`, "Show me code"));
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute("data-message-status", "done");
  const highlighted = reply.locator('[data-streamdown="code-block-body"] span[style*="--sdm-c"][style*="#"]');
  await expect(highlighted.first()).toBeVisible();
  await expect(reply.locator('[data-streamdown="table"]')).toBeVisible();
  const conversation = page.url();

  // Server-rendered this time, and the code highlighted again on the client.
  await expectNoncePolicy(await page.goto(conversation));
  await expect(highlighted.first()).toBeVisible();

  const sidebar = page.getByRole("navigation", { name: "Conversations" });
  await page.getByRole("button", { name: "Hide sidebar" }).click();
  await expect(sidebar).toBeHidden();
  await page.getByRole("button", { name: "Show sidebar" }).click();
  await expect(sidebar).toBeVisible();
  await sidebar.getByRole("link", { name: "New chat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await sidebar.getByRole("link", { name: /Show me code/ }).click();
  await expect(page).toHaveURL(conversation);
  await expect(highlighted.first()).toBeVisible();

  await expectNoncePolicy(await page.goto("/presets"));
  await expect(page.getByRole("button", { name: "New preset" })).toBeVisible();
  await expectNoncePolicy(await page.goto("/settings"));
  await expect(page.getByRole("switch", { name: "Search my conversations" })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("markup injected into a page runs no script without the page's nonce", async ({ page }) => {
  const violations = await watchViolations(page);
  // Stands in for a stored XSS: the server's HTML, with the CSP it was sent with, plus attacker markup.
  await page.route("**/login", async (route) => {
    const response = await route.fetch();
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    const mark = (what: string) => `window.injected=(window.injected||[]).concat("${what}")`;
    const injected = [
      `<script>${mark("inline")}</script>`,
      `<img src="/no-such-image.png" onerror='${mark("handler")}'>`,
      `<script nonce="${nonce}">${mark("with nonce")}</script>`,
    ].join("");
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });
  await page.goto("/login");
  await expect
    .poll(violations)
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src(-elem)? inline /),
        expect.stringMatching(/^script-src-attr inline /),
      ]),
    );
  expect(await page.evaluate(() => window.injected)).toEqual(["with nonce"]);
});
