import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { registerAndSignIn, stranger } from "./helpers";

/** 20 rows: 16 succeed, rows 17–18 error, rows 19–20 expire; the first slows the double's batch down. */
function csvFile(tag: string): string {
  const rows = Array.from({ length: 20 }, (_, i) => {
    const n = i + 1;
    const marker =
      n === 1
        ? " [[double:batch_polls=6]]"
        : n >= 19
          ? " [[double:expire]]"
          : n >= 17
            ? " [[double:error:500]]"
            : "";
    return `${n},"Hello, row ${n} ${tag}${marker}",${n % 2 ? "ja" : "fr"}`;
  });
  return `id,text,lang\n${rows.join("\n")}\n`;
}

async function newCsvBatch(page: Page, csv: string) {
  await page.getByRole("button", { name: "New batch" }).click();
  await page.getByRole("combobox", { name: "Model", exact: true }).selectOption("claude-sonnet-4-6");
  await page.getByRole("textbox", { name: "Template", exact: true }).fill("Translate to {{lang}}: {{text}}");
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Upload CSV" }).click(),
  ]);
  await chooser.setFiles({ name: "rows.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("combobox", { name: "Column", exact: true }).selectOption("text");
}

test("a 20-row CSV batch shows progress, finishes with succeeded, errored and expired items, and downloads as CSV with its columns", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await registerAndSignIn(page);
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("link", { name: "Batches" }).click();
  await expect(page).toHaveURL(/\/batches$/);

  const tag = `t${Date.now().toString(36)}`;
  await newCsvBatch(page, csvFile(tag));
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("20 items");
  await expect(preview.locator("[data-batch-estimate-usd]")).toHaveAttribute(
    "data-batch-estimate-usd",
    /^0\.\d+/,
  );
  await expect(preview.getByRole("listitem")).toHaveCount(3);
  await expect(preview.getByRole("listitem").first()).toHaveText(
    `Translate to ja: Hello, row 1 ${tag} [[double:batch_polls=6]]`,
  );
  await expect(preview.getByRole("listitem").nth(1)).toHaveText(`Translate to fr: Hello, row 2 ${tag}`);
  await page.getByRole("button", { name: "Submit batch" }).click();

  const card = page.locator("[data-batch-id]").first();
  const bar = card.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuemax", "20");
  // Progress moves without a reload: a value between none and all is shown on the way.
  await expect(bar).toHaveAttribute("aria-valuenow", /^(?:[1-9]|1[0-9])$/, { timeout: 30_000 });
  await expect(card).toHaveAttribute("data-batch-status", "ended", { timeout: 60_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "20");
  const counts = card.locator("[data-batch-succeeded]");
  await expect(counts).toHaveAttribute("data-batch-succeeded", "16");
  await expect(counts).toHaveAttribute("data-batch-errored", "2");
  await expect(counts).toHaveAttribute("data-batch-expired", "2");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("id,text,lang,reply,status,error,input_tokens,output_tokens,cost_usd");
  expect(lines).toHaveLength(21);
  expect(lines[2]).toMatch(new RegExp(`^2,"Hello, row 2 ${tag}",fr,.+,succeeded,,\\d+,\\d+,0\\.\\d+$`));
  expect(lines[17]).toMatch(/^17,.*,ja,,errored,.+,0,0,$/);
  expect(lines[20]).toMatch(/^20,.*,fr,,expired,,0,0,$/);

  // The results table, and one row opened as a conversation.
  await card.getByRole("button", { name: "Results" }).click();
  const rows = card.locator("tbody tr");
  await expect(rows).toHaveCount(20);
  await expect(rows.nth(16)).toHaveAttribute("data-batch-item-status", "errored");
  await rows.nth(1).getByRole("button", { name: "Open as chat" }).click();
  await expect(page).toHaveURL(/\/c\//);
  await expect(page.locator('[data-message-role="user"]')).toContainText(
    `Translate to fr: Hello, row 2 ${tag}`,
  );
  await expect(page.locator('[data-message-role="assistant"]')).toHaveAttribute(
    "data-message-status",
    "done",
  );

  // The items' cost reached the ledger.
  await page.goto("/usage");
  expect(
    Number(await page.locator("[data-usage-total-usd]").getAttribute("data-usage-total-usd")),
  ).toBeGreaterThan(0);

  // Another user sees none of it.
  const batchId = await page.request
    .get("/api/batches")
    .then(async (r) => (await r.json()).batches[0].id as string);
  const other = await stranger(browser);
  expect((await other.page.request.get(`/api/batches/${batchId}`)).status()).toBe(404);
  expect((await other.page.request.get(`/api/batches/${batchId}/download?format=csv`)).status()).toBe(404);
  expect((await other.page.request.delete(`/api/batches/${batchId}`)).status()).toBe(404);
  await other.page.goto("/batches");
  await expect(other.page.getByText("No batches yet.")).toBeVisible();
  await other.close();
});

test("a pasted-lines batch can be canceled and deleted", async ({ page }) => {
  await registerAndSignIn(page);
  await page.goto("/batches");
  await page.getByRole("button", { name: "New batch" }).click();
  await page
    .getByRole("textbox", { name: "Items", exact: true })
    .fill("first [[double:batch_polls=1000]]\nsecond\nthird");
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("3 items");
  await page.getByRole("button", { name: "Submit batch" }).click();
  const card = page.locator("[data-batch-id]").first();
  await expect(card).toHaveAttribute("data-batch-status", "in_progress");
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(card).toHaveAttribute("data-batch-status", "ended", { timeout: 30_000 });
  await expect(card.locator("[data-batch-canceled]")).toHaveAttribute("data-batch-canceled", /^[1-3]$/);
  page.once("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No batches yet.")).toBeVisible();
});

test("a batch whose estimate exceeds the budget left is refused before anything goes upstream", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const user = await registerAndSignIn(page);
  // The admin (playwright.config.ts ADMIN_EMAILS) gives the user a $0.01 budget.
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const admin = await context.newPage();
  await registerAndSignIn(admin, { email: "admin@admin.e2e.test", password: "admin-e2e-password-0123" });
  await admin.goto("/admin");
  const row = admin.locator(`tr[data-user-email="${user.email}"]`);
  await row.getByLabel("Monthly budget (USD)").fill("0.01");
  await row.getByRole("button", { name: "Save budget" }).click();
  await expect(row.getByText("Saved")).toBeVisible();
  await context.close();

  const tag = `budget${Date.now().toString(36)}`;
  await page.goto("/batches");
  await page.getByRole("button", { name: "New batch" }).click();
  await page.getByRole("combobox", { name: "Model", exact: true }).selectOption("claude-sonnet-4-6");
  // 30 items × about $0.008 each at batch price (1,024 output tokens expected): well over $0.01.
  const items = Array.from({ length: 30 }, (_, i) => `${tag} item ${i}`).join("\n");
  await page.getByRole("textbox", { name: "Items", exact: true }).fill(items);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("30 items");
  await page.getByRole("button", { name: "Submit batch" }).click();
  const alert = page.locator('[role="alert"][data-error-code]');
  await expect(alert).toHaveAttribute("data-error-code", "budget_exceeded");
  await expect(alert).toContainText("exceed your monthly budget of $0.01");
  await expect(page.getByText("No batches yet.")).toBeVisible();
  const created = await fetch(`${process.env.E2E_DOUBLE_URL}/__double/requests?path=/v1/messages/batches`);
  expect(JSON.stringify(await created.json())).not.toContain(tag);
});
