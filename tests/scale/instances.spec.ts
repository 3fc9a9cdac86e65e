// Two instances, A and B, behind "one URL" (the browser visits either): a reply started on A is
// followed live on B, Stop on B stops A's upstream request, a killed instance's reply is marked
// interrupted by the other while the other's own reply goes on, and a restart leaves others alone.
import { test as base, expect, type Page } from "@playwright/test";
import { lastReply, scenario, sendMessage, uniqueUser } from "../e2e/helpers";
import { type Cluster, type ClusterOptions, startCluster } from "./cluster";

const test = base.extend<ClusterOptions>({ withRedis: [false, { option: true }] });
test.describe.configure({ mode: "serial" });

let cluster: Cluster;

test.beforeAll(async ({ withRedis }) => {
  test.setTimeout(240_000);
  cluster = await startCluster(withRedis);
});

test.afterAll(async () => {
  await cluster?.stop();
});

interface DoubleRequest {
  body: { messages?: unknown[] };
  connection: "open" | "finished" | "closed";
  closedAt: number | null;
}

async function upstreamRequest(needle: string): Promise<DoubleRequest | undefined> {
  const response = await fetch(`${cluster.doubleUrl}/__double/requests?path=/v1/messages`);
  const all = (await response.json()) as DoubleRequest[];
  return all.find((request) => JSON.stringify(request.body.messages?.at(-1) ?? "").includes(needle));
}

/** Registers on `origin`; the session cookie (127.0.0.1, any port) then works on both instances. */
async function signUp(page: Page, origin: string) {
  const user = uniqueUser();
  await page.goto(`${origin}/register`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/:\d+\/$/, { timeout: 30_000 });
}

/** Sends a message on `origin` and waits until its reply has streamed `word`; returns the conversation path. */
async function startReply(page: Page, origin: string, message: string, word = "word10") {
  if (!page.url().startsWith(`${origin}/`) || new URL(page.url()).pathname !== "/")
    await page.goto(`${origin}/`);
  await sendMessage(page, message);
  await expect(lastReply(page)).toContainText(word);
  await expect(page).toHaveURL(/\/c\//);
  return new URL(page.url()).pathname;
}

/** Every "wordN" of the reply exactly once, in order: nothing replayed twice, nothing skipped. */
async function expectWords(page: Page, count: number) {
  const text = (await lastReply(page).textContent()) ?? "";
  const words = text.match(/word\d+/g) ?? [];
  expect(words).toEqual(Array.from({ length: count }, (_, i) => `word${i + 1}`));
}

test("a reply started on A is followed live after a reload served by B", async ({ page }) => {
  await signUp(page, cluster.a.url);
  // Long enough to still be streaming once a busy machine has loaded the page from B.
  const path = await startReply(page, cluster.a.url, scenario("text?tokens=500&delay=50"));
  await page.goto(`${cluster.b.url}${path}`);
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "streaming");
  await expect(lastReply(page)).toContainText("word300", { timeout: 30_000 });
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done", { timeout: 40_000 });
  await expectWords(page, 500);
});

test("Stop sent to B stops A's upstream request, and the reply is stopped on both", async ({
  page,
  context,
}) => {
  await signUp(page, cluster.a.url);
  const message = scenario("text?tokens=1000&delay=40"); // still streaming once a busy machine clicks Stop
  const path = await startReply(page, cluster.a.url, message);
  const onB = await context.newPage();
  await onB.goto(`${cluster.b.url}${path}`);
  await expect(lastReply(onB)).toHaveAttribute("data-message-status", "streaming");
  // Timed from when the browser sent the Stop request (clicking on a busy page may take a while).
  const stopRequest = onB.waitForRequest(
    (request) => request.method() === "POST" && request.url().endsWith("/stop"),
  );
  await onB.getByRole("button", { name: "Stop" }).click();
  const sent = await stopRequest;
  await sent.response();
  const stopAt = sent.timing().startTime;
  await expect
    .poll(async () => (await upstreamRequest(message))?.connection, { timeout: 5_000 })
    .toBe("closed");
  const upstream = await upstreamRequest(message);
  const stopMs = (upstream?.closedAt ?? Number.POSITIVE_INFINITY) - stopAt;
  test.info().annotations.push({ type: "stop to upstream close (ms)", description: String(stopMs) });
  expect(stopMs).toBeLessThan(1000);
  await expect(lastReply(onB)).toHaveAttribute("data-message-status", "stopped");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "stopped");
  for (const [view, origin] of [
    [page, cluster.a.url],
    [onB, cluster.b.url],
  ] as const) {
    await view.goto(`${origin}${path}`);
    await expect(lastReply(view)).toHaveAttribute("data-message-status", "stopped");
    await expect(lastReply(view)).toContainText("word10");
    await expect(lastReply(view)).not.toContainText("word1000");
  }
});

test("SIGKILL of A: B marks A's reply interrupted with its text kept, and leaves its own reply alone", async ({
  page,
  context,
}) => {
  await signUp(page, cluster.a.url);
  const onA = await startReply(page, cluster.a.url, scenario("text?tokens=600&delay=50"), "word20");
  const replyId = await lastReply(page).getAttribute("data-message-id");
  const pageB = await context.newPage();
  const onB = await startReply(pageB, cluster.b.url, scenario("text?tokens=500&delay=50"));
  await cluster.a.stop("SIGKILL");
  const killedAt = Date.now();
  // Stale after 3 s without a beat, swept every second (see LIVENESS in cluster.ts); the rest is a
  // margin for a busy machine. Asked of B directly, so that loading a page does not count.
  const status = async () => {
    const response = await context.request.get(`${cluster.b.url}/api/chat/${replyId}`);
    return ((await response.json()) as { message: { status: string } }).message.status;
  };
  await expect.poll(status, { timeout: 10_000, intervals: [250] }).toBe("error");
  const sweptMs = Date.now() - killedAt;
  test.info().annotations.push({ type: "SIGKILL to interrupted (ms)", description: String(sweptMs) });
  expect(sweptMs).toBeLessThan(10_000);
  const view = await context.newPage();
  await view.goto(`${cluster.b.url}${onA}`);
  await expect(lastReply(view)).toHaveAttribute("data-message-status", "error");
  await expect(lastReply(view)).toContainText("word10");
  await expect(lastReply(view)).not.toContainText("word600");
  await expect(lastReply(pageB)).toHaveAttribute("data-message-status", "streaming");
  await expect(lastReply(pageB)).toHaveAttribute("data-message-status", "done", { timeout: 40_000 });
  await expectWords(pageB, 500);
  await pageB.goto(`${cluster.b.url}${onB}`);
  await expect(lastReply(pageB)).toHaveAttribute("data-message-status", "done");
});

test("a restart of A leaves B's live reply alone", async ({ page, context }) => {
  if (!cluster.a.child) await cluster.a.start(); // killed by the previous test
  await signUp(page, cluster.b.url);
  const path = await startReply(page, cluster.b.url, scenario("text?tokens=800&delay=50"), "word5");
  await cluster.a.stop("SIGTERM");
  await cluster.a.start();
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "streaming");
  const onA = await context.newPage();
  await onA.goto(`${cluster.a.url}${path}`);
  await expect(lastReply(onA)).toHaveAttribute("data-message-status", "streaming");
  await expect(lastReply(onA)).toHaveAttribute("data-message-status", "done", { timeout: 60_000 });
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  await expectWords(onA, 800);
  await expectWords(page, 800);
});
