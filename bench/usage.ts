// Server time of the /usage report, the CSV export, /admin and the budget check on a seeded ledger (scripts/seed-usage.ts):
//   DATABASE_URL=file:./data/usage.db node scripts/db.mjs deploy
//   DATABASE_URL=file:./data/usage.db npx tsx scripts/seed-usage.ts 50 20000
//   DATABASE_URL=file:./data/usage.db npm run bench:usage
// Times the data layer in process (what the page and the route do besides rendering), RUNS runs each
// after a warm-up, rotating over the seeded users; figures are reported, never enforced.
import { percentile } from "./support";

const RUNS = Number(process.env.RUNS ?? 100);
process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123";
process.env.DATABASE_URL ??= "file:./data/usage.db";
const { db } = await import("@/lib/db/client");
const { monthToDateCostUsd, usageReport, usageRowsPage } = await import("@/lib/db/usage");
const { csvLine } = await import("@/lib/usage/csv");
const { listUsersForAdmin } = await import("@/lib/db/admin-users");
const { teamUsage } = await import("@/lib/db/team-usage");
const { auditPage } = await import("@/lib/db/audit");
const { reserveBudget, releaseReplyHolds } = await import("@/lib/db/budget");
const { dayStarts, resolvePeriod } = await import("@/lib/usage/period");

type Query = Parameters<typeof resolvePeriod>[0];

const users = (
  await db.user.findMany({ where: { email: { startsWith: "usage-bench-" } }, select: { id: true } })
).map((user) => user.id);
if (users.length === 0)
  throw new Error("No usage-bench users: run scripts/seed-usage.ts on this database first.");
const rows = await db.usageRecord.count();
console.log(`${users.length} users, ${rows} ledger rows, ${RUNS} runs each`);

async function measure(name: string, run: (userId: string) => Promise<unknown>) {
  for (let index = 0; index < 10; index++) await run(users[index % users.length]!);
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run(users[index % users.length]!);
    times.push(performance.now() - started);
  }
  const p50 = percentile(times, 50).toFixed(2);
  const p95 = percentile(times, 95).toFixed(2);
  console.log(`${name.padEnd(36)} p50 ${p50.padStart(8)} ms   p95 ${p95.padStart(8)} ms`);
}

function period(query: Query) {
  const result = resolvePeriod(query);
  if (!result.ok) throw new Error(result.error);
  return { ...result.period, days: dayStarts(result.period) };
}

/** What the CSV route does: every page of the period, each row turned into a CSV line. */
async function exportAll(userId: string, range: { from: Date; to: Date }) {
  let bytes = 0;
  let afterId: string | undefined;
  for (;;) {
    const page = await usageRowsPage(userId, range, afterId);
    if (page.length === 0) return bytes;
    for (const row of page) bytes += csvLine(Object.values(row) as (string | number | null)[]).length;
    afterId = page.at(-1)?.id;
  }
}

const month = period({ range: "month", tz: "Asia/Tokyo" });
const last30 = period({ range: "30d", tz: "UTC" });
const today = new Date().toISOString().slice(0, 10);
const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
const year = period({ range: "custom", from: yearAgo, to: today, tz: "Europe/Berlin" });

await measure("month-to-date total", (userId) => monthToDateCostUsd(userId));
await measure("/usage this month (Tokyo)", (userId) => usageReport(userId, month));
await measure("/usage last 30 days (UTC)", (userId) => usageReport(userId, last30));
await measure("/usage 366 days (every row)", (userId) => usageReport(userId, year));
await measure("CSV this month", (userId) => exportAll(userId, month));
await measure("CSV 366 days (every row)", (userId) => exportAll(userId, year));
// What /admin reads: the users table with month-to-date spend, the team's month, the audit log's first page.
await measure("/admin (users, team month, audit)", () =>
  Promise.all([listUsersForAdmin(), teamUsage(), auditPage(1)]),
);
// The same at the end of a full month (last month's last minute): the month's whole slice of the ledger.
const monthEnd = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1) - 60_000);
await measure("/admin at the end of a full month", () =>
  Promise.all([listUsersForAdmin(monthEnd), teamUsage(monthEnd), auditPage(1)]),
);
// The budget check before each API call (a user with a budget: lock, two aggregates, one hold).
await db.user.updateMany({ where: { id: { in: users } }, data: { monthlyBudgetUsd: 1e6 } });
await measure("budget check before a call", async (userId) => {
  await reserveBudget({ userId, replyId: `bench-${userId}`, step: 1, estimateUsd: 0.01 });
  await releaseReplyHolds(`bench-${userId}`);
});
await db.$disconnect();
