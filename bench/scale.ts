// npm run bench:scale — two built instances on one PostgreSQL database (then the same with Redis),
// 150 concurrent replies started on each, every one followed from the other instance. Reports the
// inter-event delay (p50/p99) as the starting request sees it (in-process bus) and as the follower
// on the other instance sees it (shared bus), the follower's lag behind the starter, and how many
// channel messages (NOTIFY / PUBLISH) were sent per streamed token.
import { existsSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { ChatEventDecoder } from "../lib/chat/protocol";
import { CHANNEL } from "../lib/scale/transports";
import { startDouble } from "../tests/double/server";
import { freePort, Instance } from "../tests/scale/cluster";
import { createDatabase, dropDatabase, redisUrl, runName } from "../tests/scale/support";
import { launchChromium, percentile, registerIn, root } from "./support";

const STREAMS_PER_INSTANCE = Number(process.env.BENCH_STREAMS ?? 150);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 60);
const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 40);

interface Arrival {
  seq: number;
  at: number;
  delta: boolean;
}

/** Reads an SSE reply stream to its end, noting when each event arrived. */
async function readStream(
  response: Response,
  arrivals: Arrival[] = [],
  onStart?: (id: string) => void,
): Promise<Arrival[]> {
  const decoder = new ChatEventDecoder();
  const reader = response.body?.getReader();
  if (!reader) return arrivals;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return arrivals;
    const at = performance.now();
    for (const { seq, event } of decoder.push(value)) {
      arrivals.push({ seq, at, delta: event.type === "delta" });
      if (event.type === "start") onStart?.(event.assistantMessageId);
    }
  }
}

function gaps(arrivals: Arrival[]): number[] {
  const deltas = arrivals.filter((arrival) => arrival.delta);
  return deltas.slice(1).map((arrival, i) => arrival.at - (deltas[i] as Arrival).at);
}

/** Counts the messages on the shared channel while the bench runs. */
async function channelCounter(mode: "postgres" | "redis", databaseUrl: string) {
  let count = 0;
  if (mode === "redis") {
    const redis = new Redis(redisUrl);
    redis.on("message", () => count++);
    await redis.subscribe(CHANNEL);
    return { count: () => count, close: async () => redis.disconnect() };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  client.on("notification", () => count++);
  await client.query(`LISTEN ${CHANNEL}`);
  return { count: () => count, close: () => client.end() };
}

async function run(mode: "postgres" | "redis") {
  const database = `${runName}_bench_${mode}`;
  const databaseUrl = await createDatabase(database);
  const double = await startDouble();
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: mode === "redis" ? redisUrl : "",
    ANTHROPIC_BASE_URL: double.url,
    ANTHROPIC_API_KEY: "bench",
    AUTH_SECRET: "bench-only-secret-bench-only-secret-bench",
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    TITLE_MODEL: "off",
    LIMITS_SCALE: "1000",
    LOG_LEVEL: "warn",
  };
  const a = new Instance(`bench-${mode}-a`, await freePort(), env);
  const b = new Instance(`bench-${mode}-b`, await freePort(), env);
  await Promise.all([a.start(), b.start()]);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await registerIn(page, a.url);
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
    const models = (await (await fetch(`${double.url}/v1/models`)).json()) as { data: { id: string }[] };
    const model = models.data[0]?.id ?? "claude-sonnet-4-6";
    const counter = await channelCounter(mode, databaseUrl);
    const starters: Promise<Arrival[]>[] = [];
    const followers: Promise<Arrival[]>[] = [];
    const pairs: { starter: Arrival[]; follower: Promise<Arrival[]> }[] = [];
    const started = performance.now();
    for (const [origin, other] of [
      [a, b],
      [b, a],
    ] as const) {
      for (let i = 0; i < STREAMS_PER_INSTANCE; i++) {
        starters.push(
          fetch(`${origin.url}/api/chat`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify({
              kind: "send",
              text: `bench ${i} [[double:text?tokens=${TOKENS}&delay=${DELAY_MS}]]`,
              model,
              params: {},
            }),
          }).then((response) => {
            if (!response.ok) throw new Error(`POST /api/chat answered ${response.status}`);
            const starter: Arrival[] = [];
            return readStream(response, starter, (id) => {
              const follower = fetch(`${other.url}/api/chat/${id}/stream?after=-1`, {
                headers: { cookie },
              }).then((follow) => (follow.status === 200 ? readStream(follow) : []));
              followers.push(follower);
              pairs.push({ starter, follower });
            });
          }),
        );
      }
    }
    const starterArrivals = await Promise.all(starters);
    const followerArrivals = await Promise.all(followers);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const messages = counter.count();
    await counter.close();
    const tokens = starterArrivals.reduce((sum, arrivals) => sum + arrivals.filter((x) => x.delta).length, 0);
    const followed = followerArrivals.reduce(
      (sum, arrivals) => sum + arrivals.filter((x) => x.delta).length,
      0,
    );
    const local = starterArrivals.flatMap(gaps);
    const remote = followerArrivals.flatMap(gaps);
    // Lag: when the follower got a token minus when the starting request got the same one.
    const lag: number[] = [];
    for (const pair of pairs) {
      const startedAt = new Map(pair.starter.map((arrival) => [arrival.seq, arrival.at]));
      for (const arrival of await pair.follower) {
        const at = startedAt.get(arrival.seq);
        if (arrival.delta && at !== undefined) lag.push(arrival.at - at);
      }
    }
    const fmt = (values: number[]) =>
      `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms`;
    console.log(
      `\n${mode}: ${starters.length} replies of ${TOKENS} tokens (${DELAY_MS} ms apart), ${seconds.toFixed(1)} s`,
    );
    console.log(
      `  tokens streamed: ${tokens}; followed elsewhere: ${followed} (${followerArrivals.length} followers)`,
    );
    console.log(`  inter-event delay, in-process (starting request): ${fmt(local)}`);
    console.log(`  inter-event delay, cross-instance (follower):     ${fmt(remote)}`);
    console.log(`  follower's lag behind the starting request:      ${fmt(lag)}`);
    console.log(
      `  channel messages: ${messages} → ${(messages / Math.max(1, tokens)).toFixed(3)} per streamed token`,
    );
  } finally {
    await browser.close();
    await Promise.all([a.stop(), b.stop()]);
    await double.close();
    await dropDatabase(database);
  }
}

if (!existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("Build the app first: npm run build");
const modes = (process.env.BENCH_MODES ?? "postgres,redis").split(",") as ("postgres" | "redis")[];
for (const mode of modes) await run(mode);
