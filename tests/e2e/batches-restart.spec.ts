// Batches across a crash and two instances on one database: the first instance (up first, so it holds
// the poller's lease) gets SIGKILL mid-batch and is started again; the second takes the lease over
// once it expires and the batch finishes, every item billed once, its results downloadable.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appEnv } from "../support/app-env";
import { type AppProcess, migrateDatabase, startAppProcess } from "../support/app-process";
import { registerAndSignIn } from "./helpers";

const databaseFile = path.join(tmpdir(), `chat-e2e-batches-restart-${process.pid}.db`);
const databaseUrl = `file:${databaseFile}`;
const env = {
  ...appEnv,
  ANTHROPIC_BASE_URL: String(process.env.E2E_DOUBLE_URL),
  ANTHROPIC_API_KEY: "test-key",
};
let first: AppProcess;
let second: AppProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(databaseFile, { force: true });
  migrateDatabase(databaseUrl);
  first = await startAppProcess({ databaseUrl, env });
});

test.afterAll(async () => {
  await first?.kill("SIGTERM");
  await second?.kill("SIGTERM");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databaseFile + suffix, { force: true });
});

test("a batch survives SIGKILL of an instance mid-run: it finishes, each item billed once", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    baseURL: first.baseUrl,
    extraHTTPHeaders: { "Accept-Language": "en" },
  });
  const page = await context.newPage();
  await registerAndSignIn(page);
  await page.goto("/batches");
  await page.getByRole("button", { name: "New batch" }).click();
  const items = Array.from({ length: 20 }, (_, i) =>
    i === 0
      ? "item 1 [[double:batch_polls=12]]"
      : i >= 18
        ? `item ${i + 1} [[double:error:500]]`
        : `item ${i + 1}`,
  );
  await page.getByRole("textbox", { name: "Items", exact: true }).fill(items.join("\n"));
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("20 items");
  await page.getByRole("button", { name: "Submit batch" }).click();
  const bar = page.locator("[data-batch-id]").first().getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuenow", /^(?:[1-9]|1[0-9])$/, { timeout: 30_000 });
  // Started once the first is polling, so the first holds the lease; the second waits for it.
  second = await startAppProcess({ databaseUrl, env });
  await expect(page.locator("[data-batch-id]").first()).toHaveAttribute("data-batch-status", "in_progress");

  // Kill the lease holder mid-run, and start it again.
  await first.kill("SIGKILL");
  first = await startAppProcess({ databaseUrl, env, port: first.port });

  // The session cookie is the same on the other instance (one AUTH_SECRET, one host).
  await page.goto(`${second.baseUrl}/batches`);
  const card = page.locator("[data-batch-id]").first();
  await expect(card).toHaveAttribute("data-batch-status", "ended", { timeout: 120_000 });
  const counts = card.locator("[data-batch-succeeded]");
  await expect(counts).toHaveAttribute("data-batch-succeeded", "18");
  await expect(counts).toHaveAttribute("data-batch-errored", "2");
  const batchId = await card.getAttribute("data-batch-id");

  await page.goto(`${first.baseUrl}/usage`);
  await expect(page.getByText("18 API calls")).toBeVisible();
  const csv = await page.request.get(`${first.baseUrl}/api/batches/${batchId}/download?format=csv`);
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(21);
  await context.close();
});
