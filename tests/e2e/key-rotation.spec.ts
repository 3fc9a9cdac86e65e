// Key rotation without downtime: an admin tries a key the API refuses (the cause is shown, nothing is
// stored), then saves one it accepts; the next reply reaches the API with it, the key never appears in
// the page, and "Use environment values" goes back to the server's key.
import { createHash, randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN, doubleRequests, lastReply, registerAndSignIn, sendMessage } from "./helpers";

const ENV_KEY = "test-key"; // playwright.config.ts: the app's ANTHROPIC_API_KEY
const keyHash = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 16);

test.describe.configure({ timeout: 180_000 });

async function adminPage(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  await registerAndSignIn(page, ADMIN);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Provider credentials" })).toBeVisible();
  return { page, close: () => context.close() };
}

function credentials(page: Page) {
  return page.locator("section", { has: page.getByRole("heading", { name: "Provider credentials" }) });
}

/** Sends a message and returns the hash of the key its API request carried. */
async function keyOfNextReply(page: Page) {
  const needle = `rotation ${randomUUID()}`;
  await page.goto("/");
  await sendMessage(page, needle);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const [request] = (await doubleRequests(needle)) as { credentialHash?: string }[];
  return request?.credentialHash;
}

test("an admin replaces the API key: a bad one is refused, a good one is used by the next reply, then the environment's again", async ({
  browser,
  page,
}) => {
  const bad = `sk-ant-e2e-revoked-${randomUUID()}`;
  const good = `sk-ant-e2e-rotated-${randomUUID()}`;
  await fetch(`${process.env.E2E_DOUBLE_URL}/__double/keys`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ invalid: [bad] }),
  });
  const admin = await adminPage(browser);
  const section = credentials(admin.page);
  const source = section.locator("[data-credentials-source]");
  await expect(source).toHaveAttribute("data-credentials-source", "environment");

  await section.getByLabel("API key").fill(bad);
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("alert")).toHaveAttribute(
    "data-error-code",
    "bad_request:credentials_rejected",
  );
  await expect(section.getByRole("alert")).toContainText("authentication failed");
  const saving = admin.page.waitForResponse(
    (response) => response.request().method() === "PUT" && response.url().endsWith("/api/admin/credentials"),
  );
  await section.getByRole("button", { name: "Save credentials" }).click();
  expect((await saving).status()).toBe(400);
  await expect(section.getByRole("alert")).toHaveAttribute(
    "data-error-code",
    "bad_request:credentials_rejected",
  );
  await admin.page.reload();
  await expect(source).toHaveAttribute("data-credentials-source", "environment");

  await section.getByLabel("API key").fill(good);
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toContainText("Connection works");
  await section.getByRole("button", { name: "Save credentials" }).click();
  await expect(source).toHaveAttribute("data-credentials-source", "stored");
  await expect(source).toContainText(`…${good.slice(-4)}`);
  await expect(source).toContainText(ADMIN.email);
  await expect(section.getByLabel("API key")).toHaveValue("");
  await admin.page.reload();
  await expect(source).toHaveAttribute("data-credentials-source", "stored");
  expect(await admin.page.content()).not.toContain(good);
  expect(await (await admin.page.request.get("/api/admin/credentials")).text()).not.toContain(good);
  await expect(admin.page.locator('tr[data-audit-action="provider_credentials"]').first()).toBeVisible();

  await registerAndSignIn(page);
  expect(await keyOfNextReply(page)).toBe(keyHash(good));

  const removing = admin.page.waitForResponse(
    (response) =>
      response.request().method() === "DELETE" && response.url().endsWith("/api/admin/credentials"),
  );
  await section.getByRole("button", { name: "Use environment values" }).click();
  expect((await removing).status()).toBe(200);
  await expect(section.getByRole("status")).toContainText("The environment's values are in use again");
  // The page then reloads its data (slow on a busy machine).
  await expect(source).toHaveAttribute("data-credentials-source", "environment", { timeout: 30_000 });
  expect(await keyOfNextReply(page)).toBe(keyHash(ENV_KEY));
  await admin.close();
});
