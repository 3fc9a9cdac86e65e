import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { lastReply, registerAndSignIn, scenario, sendMessage, stranger } from "./helpers";

test("a reply's cost shows on /usage and in its CSV; another user's /usage shows 0", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // two registrations and a reply on a shared machine
  await registerAndSignIn(page);
  await page.getByRole("combobox", { name: "Model" }).selectOption("claude-sonnet-4-6");
  await sendMessage(
    page,
    scenario("text?input=1200&output=345&cache_read=6000&cache_write=800", "Usage check"),
  );
  const usage = lastReply(page).locator("[data-usage]");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const cost = (await usage.getAttribute("data-cost-usd")) ?? "";
  expect(Number(cost)).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("link", { name: "Usage", exact: true }).click();
  await expect(page).toHaveURL(/\/usage/);
  const total = page.locator("[data-usage-total-usd]");
  await expect(total).toHaveAttribute("data-usage-total-usd", cost);
  await expect(page.getByRole("combobox", { name: "Period" })).toHaveValue("month");
  await expect(
    page.locator("[data-usage-conversation]").getByRole("link", { name: /^Usage check/ }),
  ).toHaveAttribute("href", /^\/c\//);
  await expect(page.getByRole("cell", { name: "claude-sonnet-4-6" })).toBeVisible();

  await page.getByRole("combobox", { name: "Period" }).selectOption("30d");
  await expect(page).toHaveURL(/range=30d/);
  await expect(total).toHaveAttribute("data-usage-total-usd", cost);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^time_utc,conversation_id,conversation_title,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",claude-sonnet-4-6,1200,345,6000,800,");
  expect(lines[1]?.endsWith(`,${cost}`)).toBe(true);

  const other = await stranger(browser);
  await other.page.goto("/usage");
  await expect(other.page.locator("[data-usage-total-usd]")).toHaveAttribute("data-usage-total-usd", "0");
  const otherCsv = await other.page.request.get(`/api/usage/export?${new URL(download.url()).searchParams}`);
  expect((await otherCsv.text()).trim().split("\r\n")).toHaveLength(1);
  await other.close();
});

test("a custom period refuses reversed and over-long ranges with a message", async ({ page }) => {
  await registerAndSignIn(page);
  await page.goto("/usage");
  await page.getByRole("combobox", { name: "Period" }).selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill("2026-03-10");
  await page.getByLabel("To", { exact: true }).fill("2026-03-01");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "From must not be after To." })).toBeVisible();
  await page.goto("/usage?range=custom&from=2024-01-01&to=2026-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "at most 366 days" })).toBeVisible();
  const refused = await page.request.get("/api/usage/export?from=2026-03-10&to=2026-03-01");
  expect(refused.status()).toBe(400);
  expect((await page.request.get("/api/usage/export?from=nope&to=2026-03-01")).status()).toBe(400);
});

test("the CSV route refuses a signed-out request", async ({ request }) => {
  const response = await request.get("/api/usage/export?from=2026-03-01&to=2026-03-02");
  expect(response.status()).toBe(401);
});
