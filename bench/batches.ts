// Batch price benchmark (npm run bench:batches): 500 items ("Translate to Japanese: …") sent to the
// test double once as a Message Batch through the app's own batch service and poller, and once one by
// one as chat messages through the reply runner, in process on a fresh SQLite database. Both figures
// are read back from the usage ledger those code paths wrote (sum of costUsd per kind), not computed
// here; the batch should cost half.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startDouble } from "../tests/double/server";

const ITEMS = Number(process.env.ITEMS ?? 500);
const CONCURRENCY = 8;
const MODEL = "claude-sonnet-4-6";
const TEMPLATE = "Translate to Japanese: {{text}}";
const lines = Array.from(
  { length: ITEMS },
  (_, i) => `Sentence ${i + 1}: the meeting moved to Thursday afternoon.`,
);

const double = await startDouble();
const dir = mkdtempSync(path.join(tmpdir(), "bench-batches-"));
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
  AUTH_SECRET: "bench-only-secret-bench-only-secret-0123",
  ANTHROPIC_BASE_URL: double.url,
  ANTHROPIC_API_KEY: "bench",
  BATCH_POLL_INTERVAL_MS: "100",
  TITLE_MODEL: "off",
  LOG_LEVEL: "warn",
});
execFileSync("node", ["scripts/db.mjs", "deploy"], {
  env: process.env,
  stdio: ["ignore", "ignore", "inherit"],
});

const { db } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/db/users");
const { updateUserSettings } = await import("@/lib/db/settings");
const { submitBatch } = await import("@/lib/batches/service");
const { pollOnce } = await import("@/lib/batches/poller");
const { prepareReply } = await import("@/lib/chat/service");
const { reserveFirstCall } = await import("@/lib/chat/budget");
const { startGeneration } = await import("@/lib/chat/generate");
const { renderTemplate, effectiveTemplate } = await import("@/lib/batches/template");
const { formatUsd } = await import("@/lib/pricing/cost");
const { chatRequestSchema } = await import("@/app/(chat)/api/chat/schema");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ledger's total for one kind of call: what /usage and budgets count. */
async function ledger(userId: string, kind: "batch" | "reply") {
  const sum = await db.usageRecord.aggregate({
    where: { userId, kind },
    _sum: { costUsd: true, inputTokens: true, outputTokens: true },
    _count: true,
  });
  return {
    costUsd: sum._sum.costUsd ?? 0,
    tokens: (sum._sum.inputTokens ?? 0) + (sum._sum.outputTokens ?? 0),
    rows: sum._count,
  };
}

/** As the /batches form submits it; the poller (with its lease) stores the results and their cost. */
async function runBatch(userId: string) {
  const id = await submitBatch(userId, {
    model: MODEL,
    maxTokens: 1024,
    template: TEMPLATE,
    format: "lines",
    text: lines.join("\n"),
  });
  for (;;) {
    await pollOnce("bench");
    const batch = await db.batch.findUniqueOrThrow({ where: { id }, select: { status: true } });
    if (batch.status !== "in_progress" && batch.status !== "canceling") return batch.status;
    await sleep(50);
  }
}

/** As POST /api/chat sends one message in a new conversation; resolves when the reply has finished. */
async function sendOne(userId: string, text: string) {
  const body = chatRequestSchema.parse({ kind: "send", model: MODEL, text, params: { maxTokens: 1024 } });
  const { command, newConversation, save } = await prepareReply(userId, body);
  await reserveFirstCall(command);
  const saved = save();
  startGeneration(command, saved, newConversation);
  await saved;
  for (;;) {
    const reply = await db.message.findUniqueOrThrow({
      where: { id: command.assistantMessageId },
      select: { status: true },
    });
    if (reply.status !== "streaming") return reply.status;
    await sleep(20);
  }
}

try {
  const batchUser = await createUser(`bench-batch-${Date.now()}@example.test`, "not-a-hash");
  const singleUser = await createUser(`bench-single-${Date.now()}@example.test`, "not-a-hash");
  // The same request as a batch item: no app tool definitions in front of the message.
  await updateUserSettings(singleUser.id, { searchConversations: false });
  const started = performance.now();
  const batchStatus = await runBatch(batchUser.id);
  const batchMs = performance.now() - started;

  const template = effectiveTemplate(TEMPLATE);
  const queue = lines.map((line) => renderTemplate(template, { text: line }, "text"));
  const statuses = new Map<string, number>();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
        const status = await sendOne(singleUser.id, text);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );

  const batch = await ledger(batchUser.id, "batch");
  const single = await ledger(singleUser.id, "reply");
  console.log(`${ITEMS} items, ${MODEL}; totals read from the usage ledger`);
  console.log(
    `  one batch:   ${formatUsd(batch.costUsd)} (${batch.rows} ledger rows, ${batch.tokens} tokens; batch ${batchStatus} in ${(batchMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `  one by one:  ${formatUsd(single.costUsd)} (${single.rows} ledger rows, ${single.tokens} tokens; replies ${JSON.stringify(Object.fromEntries(statuses))})`,
  );
  console.log(`  batch / one by one: ${((100 * batch.costUsd) / single.costUsd).toFixed(1)} %`);
} finally {
  // The last rate-limit headers are written up to a second after the last reply (lib/chat/rate-limits.ts).
  await sleep(1100);
  await db.$disconnect();
  await double.close();
  rmSync(dir, { recursive: true, force: true });
}
