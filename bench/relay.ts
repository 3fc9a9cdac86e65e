// Relay overhead (npm run bench:relay): time-to-first-token and total time of a streamed reply
// through the app (POST /api/chat on the built app) versus the SDK called directly, both against the
// same local Messages-API test double, interleaved. Prints p50 / p95 of each and of the difference.
//   BENCH_REQUESTS (default 200), BENCH_TOKENS (text deltas per reply, default 50)
import Anthropic from "@anthropic-ai/sdk";
import { ChatEventDecoder } from "../lib/chat/protocol";
import { launchChromium, percentile, registerIn, startBenchApp } from "./support";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 50);
const MODEL = "claude-sonnet-4-6";
const PROMPT = `bench [[double:text?tokens=${TOKENS}]]`;

interface Sample {
  ttftMs: number;
  totalMs: number;
}

async function direct(client: Anthropic): Promise<Sample> {
  const start = performance.now();
  let ttftMs = Number.NaN;
  const stream = client.messages.stream({
    model: MODEL,
    max_tokens: 1024,
    messages: [{ role: "user", content: PROMPT }],
  });
  for await (const event of stream) {
    if (event.type === "content_block_delta" && Number.isNaN(ttftMs)) ttftMs = performance.now() - start;
  }
  return { ttftMs, totalMs: performance.now() - start };
}

async function throughApp(baseUrl: string, cookie: string): Promise<Sample> {
  const start = performance.now();
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ kind: "send", text: PROMPT, model: MODEL }),
  });
  if (!response.ok || !response.body) throw new Error(`the app answered ${response.status}`);
  const decoder = new ChatEventDecoder();
  let ttftMs = Number.NaN;
  for await (const chunk of response.body) {
    for (const { event } of decoder.push(chunk)) {
      if (event.type === "delta" && Number.isNaN(ttftMs)) ttftMs = performance.now() - start;
      if (event.type === "end" && event.status !== "done") throw new Error(`a reply ended ${event.status}`);
    }
  }
  return { ttftMs, totalMs: performance.now() - start };
}

function line(label: string, values: number[]) {
  const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
  return `${label.padEnd(30)} p50 ${ms(percentile(values, 50))}   p95 ${ms(percentile(values, 95))}`;
}

const app = await startBenchApp();
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await registerIn(page, app.baseUrl);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();

  const client = new Anthropic({ apiKey: "bench", baseURL: app.double.url, maxRetries: 0 });
  for (let i = 0; i < 10; i++) {
    await direct(client);
    await throughApp(app.baseUrl, cookie);
  }
  const directSamples: Sample[] = [];
  const appSamples: Sample[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    directSamples.push(await direct(client));
    appSamples.push(await throughApp(app.baseUrl, cookie));
    app.double.reset();
  }
  const diff = (key: keyof Sample) => appSamples.map((sample, i) => sample[key] - directSamples[i]![key]);
  console.log(
    `\nRelay benchmark: ${REQUESTS} requests each way, ${TOKENS} text deltas per reply, interleaved\n`,
  );
  console.log(
    line(
      "TTFT, SDK direct",
      directSamples.map((s) => s.ttftMs),
    ),
  );
  console.log(
    line(
      "TTFT, through the app",
      appSamples.map((s) => s.ttftMs),
    ),
  );
  console.log(line("TTFT added by the app", diff("ttftMs")));
  console.log(
    line(
      "total, SDK direct",
      directSamples.map((s) => s.totalMs),
    ),
  );
  console.log(
    line(
      "total, through the app",
      appSamples.map((s) => s.totalMs),
    ),
  );
  console.log(line("total added by the app", diff("totalMs")));
  const perEvent = diff("totalMs").map((ms) => ms / (TOKENS + 6));
  console.log(line(`added per upstream event (/${TOKENS + 6})`, perEvent));
  console.log("\ntarget: TTFT added ≤ 10 ms at p50 and ≤ 25 ms at p95");
} finally {
  await app.close();
}
