// Server-side time of a search answer and of the sidebar's first page on a large database:
//   DATABASE_URL=file:./data/large.db npx tsx scripts/seed-large.ts
//   DATABASE_URL=file:./data/large.db npx tsx --conditions=react-server bench/search.ts
// (react-server: the data layer is server-only.) Times the data-layer calls in process, over RUNS
// runs each after a warm-up; figures are reported, never enforced. QUERIES="a|b" replaces the queries.
import { percentile } from "./support";

const RUNS = Number(process.env.RUNS ?? 300);
const EMAIL = process.env.SEED_EMAIL ?? "large@example.test";
const QUERIES = process.env.QUERIES?.split("|") ?? [
  "telescope",
  "violin melody",
  "タワーの高さ",
  "budget invoice",
  "orbit",
  "zzzqqq",
  "ri",
];

process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123";
const { db } = await import("@/lib/db/client");
const { listConversations } = await import("@/lib/db/conversations");
const { searchConversations } = await import("@/lib/db/search");

async function measure(name: string, run: (index: number) => Promise<unknown>) {
  for (let index = 0; index < 20; index++) await run(index);
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    await run(index);
    times.push(performance.now() - start);
  }
  const p50 = percentile(times, 50).toFixed(2);
  const p95 = percentile(times, 95).toFixed(2);
  console.log(`${name.padEnd(32)} p50 ${p50.padStart(7)} ms   p95 ${p95.padStart(7)} ms`);
}

const user = await db.user.findUnique({ where: { email: EMAIL }, select: { id: true } });
if (!user) throw new Error(`No user ${EMAIL}: run scripts/seed-large.ts on this database first.`);
const messages = await db.message.count({ where: { conversation: { userId: user.id } } });
const conversations = await db.conversation.count({ where: { userId: user.id } });
console.log(`${conversations} conversations, ${messages} messages, ${RUNS} runs each`);

await measure("sidebar first page", () => listConversations(user.id));
for (const query of QUERIES) {
  const hits = (await searchConversations(user.id, query)).length;
  await measure(`search "${query}" (${hits})`, () => searchConversations(user.id, query));
}
await measure("search, all queries mixed", (index) =>
  searchConversations(user.id, QUERIES[index % QUERIES.length] ?? ""),
);
await db.$disconnect();
