// Relay overhead benchmark (npm run bench): time-to-first-token and total time of a streamed reply
// through the app (POST /api/chat, built app under `next start`) versus the SDK called directly,
// both against the same local Messages-API test double. Prints p50 / p95 and the difference.
//   BENCH_REQUESTS (default 200), BENCH_TOKENS (deltas per reply, default 50)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import { chromium } from "@playwright/test";
import { ChatEventDecoder } from "../lib/chat/protocol";
import { startDouble } from "../tests/double/server";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 50);
const root = path.resolve(import.meta.dirname, "..");

interface Sample {
  ttftMs: number;
  totalMs: number;
  events: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

async function signedInCookie(baseUrl: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const page = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel("Email").fill(`bench-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("bench-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/`);
  const cookies = await page.context().cookies();
  await browser.close();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

async function direct(client: Anthropic, model: string): Promise<Sample> {
  const start = performance.now();
  let ttftMs = Number.NaN;
  let events = 0;
  const stream = client.messages.stream({
    model,
    max_tokens: 1024,
    messages: [{ role: "user", content: `bench [[double:text?tokens=${TOKENS}]]` }],
  });
  for await (const event of stream) {
    events++;
    if (event.type === "content_block_delta" && Number.isNaN(ttftMs)) ttftMs = performance.now() - start;
  }
  return { ttftMs, totalMs: performance.now() - start, events };
}

async function throughApp(baseUrl: string, cookie: string, model: string): Promise<Sample> {
  const start = performance.now();
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ kind: "send", text: `bench [[double:text?tokens=${TOKENS}]]`, model }),
  });
  if (!response.ok || !response.body) throw new Error(`app answered ${response.status}`);
  const decoder = new ChatEventDecoder();
  let ttftMs = Number.NaN;
  let events = 0;
  for await (const chunk of response.body) {
    for (const { event } of decoder.push(chunk)) {
      events++;
      if (event.type === "delta" && Number.isNaN(ttftMs)) ttftMs = performance.now() - start;
      if (event.type === "end" && event.status !== "done") throw new Error(`reply ended ${event.status}`);
    }
  }
  return { ttftMs, totalMs: performance.now() - start, events };
}

function summary(name: string, samples: Sample[]) {
  const ttft = samples.map((s) => s.ttftMs);
  const total = samples.map((s) => s.totalMs);
  return {
    name,
    ttftP50: percentile(ttft, 50),
    ttftP95: percentile(ttft, 95),
    totalP50: percentile(total, 50),
    totalP95: percentile(total, 95),
    events: samples[0]?.events ?? 0,
  };
}

async function main() {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("Build the app first: npm run build");
  const double = await startDouble();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = spawn("node", ["tests/support/serve-app.mjs"], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(port),
      E2E_DB_NAME: "bench",
      ANTHROPIC_BASE_URL: double.url,
      ANTHROPIC_API_KEY: "bench",
      AUTH_SECRET: "bench-only-secret-bench-only-secret-bench",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  try {
    await waitFor(`${baseUrl}/api/health`);
    const cookie = await signedInCookie(baseUrl);
    const model = "claude-sonnet-4-6";
    const client = new Anthropic({ apiKey: "bench", baseURL: double.url, maxRetries: 0 });
    for (let i = 0; i < 10; i++) {
      await direct(client, model);
      await throughApp(baseUrl, cookie, model);
    }
    const directSamples: Sample[] = [];
    const appSamples: Sample[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      // Interleaved so that both see the same machine conditions.
      directSamples.push(await direct(client, model));
      appSamples.push(await throughApp(baseUrl, cookie, model));
      double.reset();
    }
    const d = summary("SDK direct", directSamples);
    const a = summary("through the app", appSamples);
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    console.log(`\nRelay benchmark: ${REQUESTS} requests each, ${TOKENS} text deltas per reply\n`);
    for (const row of [d, a]) {
      console.log(
        `${row.name.padEnd(16)} TTFT p50 ${ms(row.ttftP50)}  p95 ${ms(row.ttftP95)}   total p50 ${ms(row.totalP50)}  p95 ${ms(row.totalP95)}   (${row.events} events)`,
      );
    }
    console.log(
      `\napp overhead     TTFT p50 +${ms(a.ttftP50 - d.ttftP50)}  p95 +${ms(a.ttftP95 - d.ttftP95)}   total p50 +${ms(a.totalP50 - d.totalP50)}  p95 +${ms(a.totalP95 - d.totalP95)}`,
    );
    console.log(
      `per upstream event (total p50 difference / ${d.events} events): ${((a.totalP50 - d.totalP50) / d.events).toFixed(3)} ms`,
    );
    console.log("targets: TTFT overhead ≤ 10 ms at p50 and ≤ 25 ms at p95");
  } finally {
    app.kill("SIGTERM");
    await double.close();
  }
}

await main();
