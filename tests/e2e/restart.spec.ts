// A crash of the server while a reply streams: the app gets SIGKILL (no chance to save anything
// more), is started again on the same database, and the reply is still there with the text saved
// up to its last progress save, marked interrupted, with a Retry that answers it.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appEnv } from "../support/app-env";
import { type AppProcess, migrateDatabase, startAppProcess } from "../support/app-process";
import { registerAndSignIn } from "./helpers";

const databaseFile = path.join(tmpdir(), `chat-e2e-restart-${process.pid}.db`);
const databaseUrl = `file:${databaseFile}`;
const env = {
  ...appEnv,
  ANTHROPIC_BASE_URL: String(process.env.E2E_DOUBLE_URL),
  ANTHROPIC_API_KEY: "test-key",
};
let app: AppProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(databaseFile, { force: true });
  migrateDatabase(databaseUrl);
  app = await startAppProcess({ databaseUrl, env });
});

test.afterAll(async () => {
  await app?.kill("SIGTERM");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databaseFile + suffix, { force: true });
});

test("a reply cut off by SIGKILL is kept up to its last save, marked interrupted, and Retry answers it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    extraHTTPHeaders: { "Accept-Language": "en" },
  });
  const page = await context.newPage();
  await registerAndSignIn(page);
  // 300 words, 30 ms apart: about 9 s, so the kill lands mid-reply after several progress saves.
  await page.getByRole("textbox", { name: "Message" }).fill("Crash test [[double:text?tokens=300&delay=30]]");
  await page.getByRole("button", { name: "Send" }).click();
  const reply = page.locator('[data-message-role="assistant"]').last();
  await expect(reply).toContainText("word90", { timeout: 30_000 });

  await app.kill("SIGKILL");
  app = await startAppProcess({ databaseUrl, env, port: app.port });
  await page.reload();

  await expect(reply).toHaveAttribute("data-message-status", "error");
  await expect(reply.getByRole("alert")).toContainText("interrupted by a server restart");
  // Saved at least once a second while streaming: the first words are kept, the end never came.
  await expect(reply).toContainText("word30");
  await expect(reply).not.toContainText("word300");

  await reply.getByRole("button", { name: "Retry" }).click();
  const retried = page.locator('[data-message-role="assistant"]').last();
  await expect(retried).toHaveAttribute("data-message-status", "done", { timeout: 60_000 });
  await expect(retried).toContainText("word300");
  await context.close();
});
