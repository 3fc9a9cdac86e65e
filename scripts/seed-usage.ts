// Seeds the usage ledger for bench/usage.ts: USERS users × ROWS ledger rows each, spread over the
// last 365 days, across 3 models (one unpriced) and 20 conversations per user (2 of them deleted),
// with their daily roll-ups.
//   DATABASE_URL=file:./data/usage.db node scripts/db.mjs deploy
//   DATABASE_URL=file:./data/usage.db npx tsx scripts/seed-usage.ts [users] [rowsPerUser]
// Users are usage-bench-<n>@example.test; seeding again adds more users.
import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { PrismaClient as PostgresClient } from "../lib/generated/prisma/postgres/client";
import { Prisma, PrismaClient as SqliteClient } from "../lib/generated/prisma/sqlite/client";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to the database to seed (migrated with scripts/db.mjs deploy).");
const users = Number(process.argv[2] ?? 50);
const rowsPerUser = Number(process.argv[3] ?? 20_000);
const MODELS = ["claude-sonnet-4-6", "claude-haiku-4-5", "claude-unpriced-test"];
const BATCH = 2_000;
const YEAR_MS = 365 * 86_400_000;

const db = url.startsWith("file:")
  ? new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) })
  : (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as SqliteClient);

// SQLite: one prepared statement in a transaction (Prisma's createMany is ~50× slower here), with
// Prisma's own DateTime text format; PostgreSQL: createMany.
const sqlite = url.startsWith("file:") ? new Database(url.slice("file:".length)) : null;
const COLUMNS = [
  "id",
  "userId",
  "conversationId",
  "kind",
  "model",
  "inputTokens",
  "outputTokens",
  "cacheReadTokens",
  "cacheWriteTokens",
  "costUsd",
  "createdAt",
] as const;
const insert = sqlite?.prepare(
  `INSERT INTO "UsageRecord" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`,
);
const insertAll = sqlite?.transaction((rows: Prisma.UsageRecordCreateManyInput[]) => {
  for (const row of rows)
    insert?.run(
      randomUUID(),
      row.userId,
      row.conversationId,
      row.kind,
      row.model,
      row.inputTokens,
      row.outputTokens,
      row.cacheReadTokens,
      row.cacheWriteTokens,
      row.costUsd,
      (row.createdAt as Date).toISOString().replace("Z", "+00:00"),
    );
});

async function insertRows(rows: Prisma.UsageRecordCreateManyInput[]) {
  if (insertAll) insertAll(rows);
  else await db.usageRecord.createMany({ data: rows });
}

/** The user's daily roll-ups (UsageDaily), as the app keeps them with each ledger row. */
async function rollUp(userId: string) {
  const day = sqlite
    ? Prisma.sql`substr("createdAt", 1, 10)`
    : Prisma.sql`to_char("createdAt", 'YYYY-MM-DD')`;
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "UsageDaily" ("day", "userId", "model", "costUsd", "calls", "pricedCalls")
    SELECT ${day}, "userId", "model", COALESCE(SUM("costUsd"), 0), COUNT(*), COUNT("costUsd")
    FROM "UsageRecord" WHERE "userId" = ${userId} GROUP BY 1, 2, 3`);
}

let seed = 7;
const random = () => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

const now = Date.now();
const start = performance.now();
for (let u = 0; u < users; u++) {
  const user = await db.user.create({
    data: { email: `usage-bench-${randomUUID().slice(0, 8)}@example.test`, passwordHash: "-" },
  });
  const conversationIds = Array.from({ length: 20 }, () => randomUUID());
  await db.conversation.createMany({
    // The last two are never created: their rows stand for deleted conversations.
    data: conversationIds
      .slice(0, 18)
      .map((id, i) => ({ id, userId: user.id, title: `Chat ${i}`, model: MODELS[0]! })),
  });
  for (let done = 0; done < rowsPerUser; done += BATCH) {
    const data: Prisma.UsageRecordCreateManyInput[] = [];
    for (let i = 0; i < Math.min(BATCH, rowsPerUser - done); i++) {
      const pick = random();
      const model = MODELS[pick < 0.05 ? 2 : pick < 0.6 ? 0 : 1]!;
      const input = Math.floor(random() * 4000);
      const output = Math.floor(random() * 1500);
      data.push({
        userId: user.id,
        conversationId: random() < 0.95 ? conversationIds[Math.floor(random() * 20)]! : null,
        kind: "reply",
        model,
        inputTokens: input,
        outputTokens: output,
        cacheReadTokens: Math.floor(random() * 20_000),
        cacheWriteTokens: Math.floor(random() * 2_000),
        costUsd: model === MODELS[2] ? null : (input * 3 + output * 15) / 1e6,
        createdAt: new Date(now - random() * YEAR_MS),
      });
    }
    await insertRows(data);
  }
  await rollUp(user.id);
  if ((u + 1) % 10 === 0)
    console.log(`${u + 1} users seeded (${((performance.now() - start) / 1000).toFixed(0)} s)`);
}
console.log(`seeded ${users} users × ${rowsPerUser} ledger rows`);
sqlite?.close();
await db.$disconnect();
