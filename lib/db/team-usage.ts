// The admin console's team dashboard for the current month (UTC): spend per model and per day over
// every user (per user comes with the users table, see admin-users.ts). On SQLite both read the
// ledger's (createdAt, userId, model, costUsd) index alone, named because without statistics the
// planner prefers the (userId, createdAt) one and reads every row ever recorded; SQLite keeps
// instants as ISO text ("…+00:00"), compared as such.
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

const DAY_MS = 86_400_000;
const sqliteInstant = (at: Date) => at.toISOString().replace("Z", "+00:00");
const TEAM_INDEX = Prisma.raw('INDEXED BY "UsageRecord_createdAt_userId_model_costUsd_idx"');

type ModelRow = { model: string; cost: number | null; calls: number | bigint; priced: number | bigint };

async function perModel(from: Date, to: Date) {
  const rows: ModelRow[] =
    env().databaseKind === "sqlite"
      ? await db.$queryRaw<ModelRow[]>(Prisma.sql`
          SELECT "model", SUM("costUsd") AS "cost", COUNT(*) AS "calls", COUNT("costUsd") AS "priced"
          FROM "UsageRecord" ${TEAM_INDEX}
          WHERE "createdAt" >= ${sqliteInstant(from)} AND "createdAt" < ${sqliteInstant(to)} GROUP BY "model"`)
      : (
          await db.usageRecord.groupBy({
            by: ["model"],
            where: { createdAt: { gte: from, lt: to } },
            _sum: { costUsd: true },
            _count: { _all: true, costUsd: true },
          })
        ).map((group) => ({
          model: group.model,
          cost: group._sum.costUsd,
          calls: group._count._all,
          priced: group._count.costUsd,
        }));
  return rows
    .map((row) => ({
      model: row.model,
      costUsd: Number(row.cost ?? 0),
      calls: Number(row.calls),
      unpricedCalls: Number(row.calls) - Number(row.priced),
    }))
    .sort((a, b) => b.costUsd - a.costUsd || b.calls - a.calls);
}

/** Spend per UTC day in [from, to): one query (on SQLite one index range per day, no per-row work). */
async function perDay(from: Date, to: Date): Promise<TeamUsage["perDay"]> {
  const starts: Date[] = [];
  for (let day = from.getTime(); day < to.getTime(); day += DAY_MS) starts.push(new Date(day));
  if (env().databaseKind === "sqlite") {
    const parts = starts.map((start) => {
      const end = new Date(Math.min(start.getTime() + DAY_MS, to.getTime()));
      return Prisma.sql`SELECT ${start.toISOString().slice(0, 10)} AS "day", (SELECT SUM("costUsd") FROM "UsageRecord" ${TEAM_INDEX}
        WHERE "createdAt" >= ${sqliteInstant(start)} AND "createdAt" < ${sqliteInstant(end)}) AS "cost"`;
    });
    const rows = await db.$queryRaw<{ day: string; cost: number | null }[]>(
      Prisma.join(parts, " UNION ALL "),
    );
    return rows.map((row) => ({ day: row.day, costUsd: Number(row.cost ?? 0) }));
  }
  const rows = await db.$queryRaw<{ day: string; cost: number | null }[]>(Prisma.sql`
    SELECT to_char("createdAt", 'YYYY-MM-DD') AS "day", SUM("costUsd") AS "cost" FROM "UsageRecord"
    WHERE "createdAt" >= ${from} AND "createdAt" < ${to} GROUP BY 1`);
  const costs = new Map(rows.map((row) => [row.day, Number(row.cost ?? 0)]));
  return starts.map((start) => {
    const day = start.toISOString().slice(0, 10);
    return { day, costUsd: costs.get(day) ?? 0 };
  });
}

/** The team's month so far: from the month's start (UTC) to the end of `now`'s day. */
export async function teamUsage(now: Date = new Date()): Promise<TeamUsage> {
  const from = monthStartUtc(now);
  const to = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS);
  const [models, days] = await Promise.all([perModel(from, to), perDay(from, to)]);
  return { perModel: models, perDay: days };
}
