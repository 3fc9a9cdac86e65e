// The admin console's team dashboard for the current month (UTC): spend per model and per day over
// every user (per user comes with the users table, see admin-users.ts), read from the daily roll-ups
// (UsageDaily: one row per day, user and model) rather than the month's ledger rows.
import "server-only";
import { monthStartUtc } from "@/lib/budget/month";
import { db } from "./client";
import { usageDay } from "./usage";

export interface TeamUsage {
  perModel: { model: string; costUsd: number; calls: number; unpricedCalls: number }[];
  /** Every day of the month so far, oldest first (YYYY-MM-DD, UTC). */
  perDay: { day: string; costUsd: number }[];
}

const DAY_MS = 86_400_000;

/** The team's month so far: from the month's start (UTC) to the end of `now`'s day. */
export async function teamUsage(now: Date = new Date()): Promise<TeamUsage> {
  const from = monthStartUtc(now);
  const where = { day: { gte: usageDay(from), lte: usageDay(now) } };
  const [models, days] = await Promise.all([
    db.usageDaily.groupBy({ by: ["model"], where, _sum: { costUsd: true, calls: true, pricedCalls: true } }),
    db.usageDaily.groupBy({ by: ["day"], where, _sum: { costUsd: true } }),
  ]);
  const costs = new Map(days.map((row) => [row.day, row._sum.costUsd ?? 0]));
  const perDay: TeamUsage["perDay"] = [];
  for (let day = from.getTime(); day <= now.getTime(); day += DAY_MS) {
    const key = usageDay(new Date(day));
    perDay.push({ day: key, costUsd: costs.get(key) ?? 0 });
  }
  const perModel = models
    .map((row) => {
      const calls = row._sum.calls ?? 0;
      return {
        model: row.model,
        costUsd: row._sum.costUsd ?? 0,
        calls,
        unpricedCalls: calls - (row._sum.pricedCalls ?? 0),
      };
    })
    .sort((a, b) => b.costUsd - a.costUsd || b.calls - a.calls);
  return { perModel, perDay };
}
