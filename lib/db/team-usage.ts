// The admin console's team dashboard for the current month (UTC): spend per model and per day over
// every user (per user comes with the users table, see admin-users.ts). Both read the ledger's
// (createdAt, userId, model, costUsd) index alone.
import "server-only";
import { monthStartUtc } from "@/lib/budget/month";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { db } from "./client";

export interface TeamUsage {
  perModel: { model: string; costUsd: number; calls: number; unpricedCalls: number }[];
  /** Every day of the month so far, oldest first (YYYY-MM-DD, UTC). */
  perDay: { day: string; costUsd: number }[];
}

async function perModel(from: Date) {
  const groups = await db.usageRecord.groupBy({
    by: ["model"],
    where: { createdAt: { gte: from } },
    _sum: { costUsd: true },
    _count: { _all: true, costUsd: true },
  });
  return groups
    .map((group) => ({
      model: group.model,
      costUsd: group._sum.costUsd ?? 0,
      calls: group._count._all,
      unpricedCalls: group._count._all - group._count.costUsd,
    }))
    .sort((a, b) => b.costUsd - a.costUsd || b.calls - a.calls);
}

/** Spend per UTC day: one grouped query (SQLite keeps instants as ISO text, PostgreSQL as timestamps). */
async function perDayRows(from: Date): Promise<Map<string, number>> {
  const rows =
    env().databaseKind === "sqlite"
      ? await db.$queryRaw<{ day: string; cost: number | null }[]>(Prisma.sql`
          SELECT substr("createdAt", 1, 10) AS "day", SUM("costUsd") AS "cost" FROM "UsageRecord"
          WHERE "createdAt" >= ${from.toISOString().replace("Z", "+00:00")} GROUP BY 1`)
      : await db.$queryRaw<{ day: string; cost: number | null }[]>(Prisma.sql`
          SELECT to_char("createdAt", 'YYYY-MM-DD') AS "day", SUM("costUsd") AS "cost" FROM "UsageRecord"
          WHERE "createdAt" >= ${from} GROUP BY 1`);
  return new Map(rows.map((row) => [row.day, Number(row.cost ?? 0)]));
}

export async function teamUsage(now: Date = new Date()): Promise<TeamUsage> {
  const from = monthStartUtc(now);
  const [models, days] = await Promise.all([perModel(from), perDayRows(from)]);
  const perDay: TeamUsage["perDay"] = [];
  for (let day = new Date(from); day <= now; day = new Date(day.getTime() + 86_400_000)) {
    const key = day.toISOString().slice(0, 10);
    perDay.push({ day: key, costUsd: days.get(key) ?? 0 });
  }
  return { perModel: models, perDay };
}
