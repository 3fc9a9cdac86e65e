// The readers of bench:throughput, in a process of their own: CONCURRENCY loops, each sending one
// paced reply after another (every reply in a new conversation) for SECONDS, either through the app
// (POST /api/chat, reading the app's SSE) or straight from the test double (the floor). Prints one
// JSON summary line on stdout.
import { ChatEventDecoder } from "../../lib/chat/protocol";
import { MODEL, streamFromDouble, turnPrompt } from "../load/turn";
import { percentile } from "../support";

interface Config {
  mode: "app" | "double";
  url: string;
  cookies: string[];
  concurrency: number;
  seconds: number;
  tokens: number;
  paceMs: number;
}

const config = JSON.parse(process.env.THROUGHPUT_CLIENTS ?? "{}") as Config;
const gaps: number[] = [];
const firstTokens: number[] = [];
const errors = new Map<string, number>();
let turns = 0;
let deltas = 0;
let upstreamEvents = 0;

function countError(kind: string) {
  errors.set(kind, (errors.get(kind) ?? 0) + 1);
}

/** Records a delta's arrival: the gap since the previous one of the same reply. */
function arrival(state: { start: number; last: number }, now: number) {
  if (Number.isNaN(state.last)) firstTokens.push(now - state.start);
  else gaps.push(now - state.last);
  state.last = now;
  deltas++;
}

async function throughApp(cookie: string, prompt: string) {
  const state = { start: performance.now(), last: Number.NaN };
  const response = await fetch(`${config.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: config.url },
    body: JSON.stringify({ kind: "send", text: prompt, model: MODEL }),
  });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return countError(`http_${response.status}`);
  }
  const decoder = new ChatEventDecoder();
  let status = "unfinished";
  for await (const chunk of response.body) {
    const now = performance.now();
    for (const { event } of decoder.push(chunk)) {
      if (event.type === "delta") arrival(state, now);
      else if (event.type === "end") status = event.status;
    }
  }
  if (status === "done") turns++;
  else countError(status);
}

async function fromDouble(prompt: string) {
  const state = { start: performance.now(), last: Number.NaN };
  const response = await streamFromDouble(config.url, prompt);
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return countError(`http_${response.status}`);
  }
  const text = new TextDecoder();
  for await (const chunk of response.body) {
    const now = performance.now();
    const decoded = text.decode(chunk, { stream: true });
    upstreamEvents += decoded.split("event: ").length - 1;
    const count = decoded.split("event: content_block_delta").length - 1;
    for (let i = 0; i < count; i++) arrival(state, now);
  }
  turns++;
}

const deadline = Date.now() + config.seconds * 1000;
const prompt = turnPrompt("throughput", config.tokens, config.paceMs);
await Promise.all(
  Array.from({ length: config.concurrency }, async (_, loop) => {
    const cookies = config.cookies ?? [];
    const cookie = cookies[loop % Math.max(1, cookies.length)] ?? "";
    // Spread the starts over one pace period so that loops do not tick in lockstep.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * config.paceMs));
    while (Date.now() < deadline) {
      try {
        await (config.mode === "app" ? throughApp(cookie, prompt) : fromDouble(prompt));
      } catch (error) {
        countError(`failed: ${(error as Error).message}`);
      }
    }
  }),
);

const summary = (values: number[]) => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  max: values.reduce((a, b) => Math.max(a, b), 0),
});
process.stdout.write(
  `${JSON.stringify({
    turns,
    deltas,
    upstreamEvents,
    errors: Object.fromEntries(errors),
    gapMs: summary(gaps),
    firstTokenMs: summary(firstTokens),
  })}\n`,
);
