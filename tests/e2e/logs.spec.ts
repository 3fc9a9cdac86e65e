// The operator log of the app under test (its stdout, written to E2E_APP_LOG by serve-app.mjs): one
// JSON line per API request and per finished reply, and nothing a user or the operator must keep
// secret, whatever else ran before in this browser run.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { lastReply, registerAndSignIn, sendMessage } from "./helpers";

const API_KEY = "test-key"; // playwright.config.ts gives the app this key

function readLog(): { raw: string; lines: Record<string, unknown>[] } {
  const raw = readFileSync(process.env.E2E_APP_LOG ?? "", "utf8");
  const lines = raw
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { raw, lines };
}

test("requests and replies are logged with their ids, never message text, passwords, cookies or the key", async ({
  page,
  context,
}) => {
  const user = await registerAndSignIn(page);
  const text = `A private message ${randomUUID()}`;
  const posted = page.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/chat" && response.request().method() === "POST",
  );
  await sendMessage(page, text);
  const requestId = (await posted).headers()["x-request-id"];
  expect(requestId).toBeTruthy();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const conversationId = new URL(page.url()).pathname.split("/").at(-1);

  await expect
    .poll(() => readLog().lines.some((line) => line.msg === "reply" && line.requestId === requestId))
    .toBe(true);
  const { raw, lines } = readLog();
  const request = lines.find((line) => line.msg === "request" && line.requestId === requestId);
  expect(request).toMatchObject({
    level: "info",
    method: "POST",
    path: "/api/chat",
    status: 200,
    userId: expect.any(String),
    ms: expect.any(Number),
  });
  const reply = lines.find((line) => line.msg === "reply" && line.requestId === requestId);
  expect(reply).toMatchObject({
    level: "info",
    userId: request?.userId,
    conversationId,
    replyId: expect.any(String),
    model: expect.any(String),
    status: "done",
    stopReason: "end_turn",
    steps: 1,
    ms: expect.any(Number),
    inputTokens: expect.any(Number),
    outputTokens: expect.any(Number),
    cacheReadTokens: expect.any(Number),
    cacheWriteTokens: expect.any(Number),
    apiRequestId: expect.any(String),
  });

  const cookie = (await context.cookies()).find((entry) => /authjs\.session-token/.test(entry.name));
  expect(cookie?.value.length).toBeGreaterThan(20);
  for (const secret of [text, user.password, cookie?.value ?? "", API_KEY]) {
    expect(raw.includes(secret), `the log contains ${secret.slice(0, 12)}…`).toBe(false);
  }
});
