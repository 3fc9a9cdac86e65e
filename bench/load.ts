// Load and fault benchmark (npm run bench:load), on SQLite and on PostgreSQL:
//  1. load: BENCH_USERS simulated users (default 200), each signed in and in its own conversation,
//     send messages for BENCH_SECONDS (default 60) with 20–200-token replies paced at BENCH_PACE_MS
//     per event (default 20) and a pause of up to BENCH_THINK_MS (default 2000) between turns. Reports
//     requests/s, first-token time and gaps between tokens (app and, beside it, the double read
//     directly: the floor), errors, the server's peak RSS, and then checks that every sent message
//     and every reply is in the database (through the conversation export): 0 lost is the target.
//  2. fault: BENCH_FAULT_REPLIES replies (default 50) stream, the server gets SIGKILL, is started
//     again: every reply must be kept with its text up to the last progress save, marked
//     interrupted, and Retry must answer it.
//   BENCH_DATABASES=sqlite,postgres (default both; PostgreSQL on 127.0.0.1:5432 as postgres)
//   BENCH_FAULT_REPLIES=0 skips the fault test; BENCH_SERVER_NODE_ARGS (e.g. --cpu-prof) go to the server's node.

import {
  type BenchDatabase,
  type BenchServer,
  createDatabase,
  type DatabaseKind,
  inBatches,
  seedUsers,
  signIn,
  startDoubleProcess,
  startServer,
} from "./load/stack";
import { chatTurn, directTurn, type TurnResult, turnPrompt } from "./load/turn";
import { percentile } from "./support";

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const USERS = setting("BENCH_USERS", 200);
const SECONDS = setting("BENCH_SECONDS", 60);
const PACE_MS = setting("BENCH_PACE_MS", 20);
const THINK_MS = setting("BENCH_THINK_MS", 2000);
const FAULT_REPLIES = Math.min(setting("BENCH_FAULT_REPLIES", 50), USERS);
const FAULT_TOKENS = 400;
const FLOOR_CLIENTS = 4;
const DATABASES = (process.env.BENCH_DATABASES ?? "sqlite,postgres").split(",") as DatabaseKind[];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomTokens = () => 20 + Math.floor(Math.random() * 181);

interface SentTurn {
  text: string;
  result: TurnResult;
}

interface ExportedMessage {
  id: string;
  role: string;
  status: string;
  errorType: string | null;
  content: { type: string; text?: string }[];
}

async function exportedMessages(server: BenchServer, cookie: string, conversationId: string) {
  const response = await fetch(`${server.baseUrl}/api/conversations/${conversationId}/export?format=json`, {
    headers: { cookie },
  });
  if (!response.ok) return new Map<string, ExportedMessage>();
  const file = (await response.json()) as { conversation: { messages: ExportedMessage[] } };
  return new Map(file.conversation.messages.map((message) => [message.id, message]));
}

const textOf = (message: ExportedMessage | undefined) =>
  (message?.content ?? [])
    .filter((block) => block.type === "text")
    .map((block) => block.text ?? "")
    .join("");

function peakRssSampler(server: () => BenchServer) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, server().rss());
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const distribution = (values: number[]) =>
  values.length === 0 ? "—" : `p50 ${ms(percentile(values, 50))} / p99 ${ms(percentile(values, 99))}`;

async function loadPhase(server: BenchServer, doubleUrl: string, cookies: string[]) {
  const deadline = Date.now() + SECONDS * 1000;
  const rss = peakRssSampler(() => server);
  const floor: TurnResult[] = [];
  const floorClients = Array.from({ length: FLOOR_CLIENTS }, async () => {
    while (Date.now() < deadline)
      floor.push(await directTurn(doubleUrl, turnPrompt("floor", randomTokens(), PACE_MS)));
  });
  const started = performance.now();
  const sent: SentTurn[][] = await Promise.all(
    cookies.map(async (cookie, user) => {
      const turns: SentTurn[] = [];
      let conversationId: string | null = null;
      await sleep(Math.random() * THINK_MS);
      for (let turn = 0; Date.now() < deadline; turn++) {
        const text = turnPrompt(`load user ${user} turn ${turn}`, randomTokens(), PACE_MS);
        const body = { kind: "send", text, ...(conversationId ? { conversationId } : {}) };
        const result = await chatTurn({ baseUrl: server.baseUrl, cookie, body });
        conversationId ??= result.conversationId;
        turns.push({ text, result });
        await sleep(Math.random() * THINK_MS);
      }
      return turns;
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  await Promise.all(floorClients);
  const peakRss = rss.stop();

  const all = sent.flat();
  const done = all.filter(({ result }) => result.status === "done");
  const errors = all.length - done.length;
  const errorKinds = new Map<string, number>();
  for (const { result } of all)
    if (result.status !== "done") errorKinds.set(result.status, (errorKinds.get(result.status) ?? 0) + 1);

  // Everything the clients saw must be in the database: each message sent (also of failed turns,
  // once the server accepted it) and each finished reply with exactly the text that was streamed.
  let lost = 0;
  await inBatches(
    sent.map((turns, user) => ({ turns, cookie: cookies[user] as string })),
    8,
    async ({ turns, cookie }) => {
      const conversationId = turns.find((turn) => turn.result.conversationId)?.result.conversationId;
      if (!conversationId) return;
      const saved = await exportedMessages(server, cookie, conversationId);
      for (const { text, result } of turns) {
        if (result.userMessageId && textOf(saved.get(result.userMessageId)) !== text) lost++;
        if (result.status === "done") {
          const reply = result.assistantMessageId ? saved.get(result.assistantMessageId) : undefined;
          if (reply?.status !== "done" || textOf(reply) !== result.text) lost++;
        }
      }
    },
  );

  return {
    turns: all.length,
    requestsPerSecond: all.length / elapsedS,
    errors,
    errorKinds,
    lost,
    peakRss,
    appFirstToken: done.map(({ result }) => result.firstTokenMs),
    floorFirstToken: floor.map((result) => result.firstTokenMs),
    appGaps: done.flatMap(({ result }) => result.gapsMs),
    floorGaps: floor.flatMap((result) => result.gapsMs),
  };
}

async function faultPhase(
  database: BenchDatabase,
  server: BenchServer,
  doubleUrl: string,
  cookies: string[],
): Promise<{ kept: number; retried: number; wordsLost: number[]; restarted: BenchServer }> {
  const received = new Map<number, string>();
  const aborts = new AbortController();
  const turns = cookies.slice(0, FAULT_REPLIES).map((cookie, user) =>
    chatTurn({
      baseUrl: server.baseUrl,
      cookie,
      body: { kind: "send", text: turnPrompt(`fault user ${user}`, FAULT_TOKENS, PACE_MS) },
      signal: aborts.signal,
      onText: (text) => received.set(user, text),
    }),
  );
  // Kill once every reply has streamed for a while (several progress saves), long before it ends.
  const wordsBeforeKill = Math.floor(2500 / PACE_MS);
  const waitUntil = Date.now() + 30_000;
  while (Date.now() < waitUntil) {
    const streamed = [...received.values()].filter((text) => text.split(" ").length >= wordsBeforeKill);
    if (streamed.length === FAULT_REPLIES) break;
    await sleep(50);
  }
  await server.kill("SIGKILL");
  const results = await Promise.all(turns);
  aborts.abort();
  const restarted = await startServer(database.url, doubleUrl, server.port);

  let kept = 0;
  const wordsLost: number[] = [];
  const retries: Promise<TurnResult>[] = [];
  for (const [user, result] of results.entries()) {
    const cookie = cookies[user] as string;
    if (!result.conversationId || !result.assistantMessageId) continue;
    const saved = await exportedMessages(restarted, cookie, result.conversationId);
    const reply = saved.get(result.assistantMessageId);
    const savedText = textOf(reply);
    const seen = received.get(user) ?? "";
    if (
      reply?.status === "error" &&
      reply.errorType === "interrupted" &&
      savedText &&
      seen.startsWith(savedText)
    ) {
      kept++;
      wordsLost.push(seen.split(" ").length - savedText.split(" ").length);
    }
    retries.push(
      chatTurn({
        baseUrl: restarted.baseUrl,
        cookie,
        body: { kind: "retry", messageId: result.assistantMessageId },
      }),
    );
  }
  const retried = (await Promise.all(retries)).filter(
    (retry) => retry.status === "done" && retry.text.split(" ").length === FAULT_TOKENS,
  ).length;
  return { kept, retried, wordsLost, restarted };
}

async function benchOn(kind: DatabaseKind) {
  const database = await createDatabase(kind);
  const double = await startDoubleProcess();
  let server: BenchServer | undefined;
  try {
    const started = await startServer(database.url, double.url);
    server = started;
    const emails = await seedUsers(database, USERS);
    const cookies = await inBatches(emails, 4, (email) => signIn(started.baseUrl, email));
    console.log(`\n▸ ${kind}: ${USERS} users signed in; ${SECONDS} s of load…`);
    const load = await loadPhase(started, double.url, cookies);
    console.log(
      `  turns                       ${load.turns} (${load.requestsPerSecond.toFixed(1)} requests/s)`,
    );
    console.log(`  first token, app            ${distribution(load.appFirstToken)}`);
    console.log(`  first token, double alone   ${distribution(load.floorFirstToken)}`);
    const added = (p: number) => ms(percentile(load.appFirstToken, p) - percentile(load.floorFirstToken, p));
    console.log(`  first token, app-added      p50 ${added(50)} / p99 ${added(99)}`);
    console.log(`  gap between tokens, app     ${distribution(load.appGaps)}  (paced at ${PACE_MS} ms)`);
    console.log(`  gap between tokens, double  ${distribution(load.floorGaps)}`);
    console.log(
      `  errors                      ${load.errors}${load.errorKinds.size ? ` ${JSON.stringify(Object.fromEntries(load.errorKinds))}` : ""}`,
    );
    console.log(`  server peak RSS             ${(load.peakRss / 2 ** 20).toFixed(0)} MB`);
    console.log(`  lost messages               ${load.lost}`);

    if (FAULT_REPLIES === 0) return load.lost === 0;
    console.log(`▸ ${kind}: SIGKILL while ${FAULT_REPLIES} replies stream, then restart…`);
    const fault = await faultPhase(database, started, double.url, cookies);
    server = fault.restarted;
    console.log(`  kept, marked interrupted    ${fault.kept} / ${FAULT_REPLIES}`);
    console.log(`  words streamed but not saved ${distribution(fault.wordsLost).replaceAll(" ms", "")}`);
    console.log(`  Retry answered in full      ${fault.retried} / ${FAULT_REPLIES}`);
    return load.lost === 0 && fault.kept === FAULT_REPLIES && fault.retried === FAULT_REPLIES;
  } finally {
    await server?.kill("SIGTERM");
    double.stop();
    await database.drop();
  }
}

let ok = true;
for (const kind of DATABASES) ok = (await benchOn(kind)) && ok;
console.log(ok ? "\n✓ nothing lost" : "\n✗ something was lost (see above)");
process.exit(ok ? 0 : 1);
