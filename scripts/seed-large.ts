// Seeds one user with many conversations for the search and sidebar benchmarks:
//   DATABASE_URL=file:./data/large.db npx tsx scripts/seed-large.ts [conversations] [messagesPerConversation]
// Defaults: 10,000 conversations of 20 messages (200,000 messages). The user signs in as
// large@example.test with the password "large-seed-password" (SEED_EMAIL / SEED_PASSWORD override).
import { randomBytes } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import bcrypt from "bcryptjs";
import { PrismaClient as PostgresClient } from "../lib/generated/prisma/postgres/client";
import { type Prisma, PrismaClient as SqliteClient } from "../lib/generated/prisma/sqlite/client";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to the database to seed (migrated with npm run db:migrate).");
const conversations = Number(process.argv[2] ?? 10_000);
const perConversation = Number(process.argv[3] ?? 20);
const email = process.env.SEED_EMAIL ?? "large@example.test";
const password = process.env.SEED_PASSWORD ?? "large-seed-password";
const MODEL = "claude-sonnet-4-6";
const BATCH = 2_000;

const db = url.startsWith("file:")
  ? new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) })
  : (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as SqliteClient);

const WORDS = (
  "the a of to and in is that for it with as on be this by are or from at an which can you your we " +
  "database index query search garden river mountain recipe bread coffee travel train ticket museum " +
  "python rust typescript function error memory network server cache latency budget invoice meeting " +
  "poem haiku story novel chapter history science physics orbit planet telescope violin piano melody"
).split(" ");
const JAPANESE = [
  "東京タワーの高さは三百三十三メートルです。",
  "明日の会議の資料を準備してください。",
  "このレシピでは砂糖を少なめにします。",
  "京都の紅葉は十一月が見頃です。",
];

let seed = 42;
const random = () => {
  // Math.imul keeps the product exact: as a plain double it exceeds 2^53, and the rounded sequence
  // repeated every 10,466 draws (under a thousand distinct messages in 200,000).
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
const id = () => `c${randomBytes(12).toString("hex")}`;

function sentence(words: number): string {
  const text = Array.from({ length: words }, () => pick(WORDS)).join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function body(role: "user" | "assistant"): string {
  const parts = Array.from({ length: role === "user" ? 1 : 3 }, () =>
    sentence(8 + Math.floor(random() * 20)),
  );
  if (random() < 0.1) parts.push(pick(JAPANESE));
  return JSON.stringify([{ type: "text", text: parts.join(" ") }]);
}

async function main() {
  const started = Date.now();
  const user = await db.user.upsert({
    where: { email },
    create: { email, passwordHash: await bcrypt.hash(password, 10) },
    update: {},
    select: { id: true },
  });
  const now = Date.now();
  const yearMs = 365 * 24 * 3600 * 1000;
  for (let start = 0; start < conversations; start += BATCH) {
    const rows = [];
    const messages: Prisma.MessageCreateManyInput[] = [];
    for (let index = start; index < Math.min(conversations, start + BATCH); index++) {
      const conversationId = id();
      const begin = now - Math.floor(random() * yearMs);
      let parentId: string | null = null;
      for (let turn = 0; turn < perConversation; turn++) {
        const messageId = id();
        const role = turn % 2 === 0 ? "user" : "assistant";
        messages.push({
          id: messageId,
          conversationId,
          parentId,
          role,
          content: body(role),
          model: role === "assistant" ? MODEL : null,
          createdAt: new Date(begin + turn * 60_000),
        });
        parentId = messageId;
      }
      const updatedAt = new Date(begin + perConversation * 60_000);
      rows.push({
        id: conversationId,
        userId: user.id,
        title: `${sentence(4).slice(0, -1)} ${index}`,
        model: MODEL,
        createdAt: new Date(begin),
        updatedAt,
      });
    }
    await db.conversation.createMany({ data: rows });
    for (let offset = 0; offset < messages.length; offset += 5_000) {
      await db.message.createMany({ data: messages.slice(offset, offset + 5_000) });
    }
    console.log(`${Math.min(conversations, start + BATCH)} / ${conversations} conversations`);
  }
  const total = conversations * perConversation;
  console.log(
    `seeded ${conversations} conversations, ${total} messages for ${email} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

await main();
await db.$disconnect();
