import "server-only";
import { cachingSavingsUsd, type TokenUsage } from "@/lib/pricing/cost";
import { type Db, db } from "./client";
import { newId } from "./ids";

/** One billed API call, recorded when its usage is known. */
export interface UsageEntry {
  userId: string;
  conversationId: string | null;
  messageId: string | null;
  kind: "reply" | "title" | "summary" | "batch";
  step?: number;
  model: string;
  requestId: string | null;
  usage: TokenUsage;
  costUsd: number | null;
}

/** The UTC day (YYYY-MM-DD) an instant's ledger rows are summed under. */
export const usageDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The writes of one ledger row: the row and its day's roll-up (UsageDaily), for one transaction.
 * The upsert is a single INSERT … ON CONFLICT DO UPDATE, so parallel writers add up.
 */
export function usageWrites(entry: UsageEntry, at: Date = new Date(), client: Pick<Db, "$executeRaw"> = db) {
  // Raw SQL: every reply writes these, and Prisma's create and upsert cost ~1 ms each to build
  // where a raw statement takes ~0.3 ms (bench:throughput).
  const { usage } = entry;
  const cost = entry.costUsd;
  const record = client.$executeRaw`
    INSERT INTO "UsageRecord" ("id", "userId", "conversationId", "messageId", "kind", "step", "model",
      "requestId", "inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens", "thinkingTokens",
      "webSearchRequests", "webFetchRequests", "costUsd", "createdAt")
    VALUES (${newId()}, ${entry.userId}, ${entry.conversationId}, ${entry.messageId}, ${entry.kind},
      ${entry.step ?? 1}, ${entry.model}, ${entry.requestId}, ${usage.inputTokens}, ${usage.outputTokens},
      ${usage.cacheReadTokens}, ${usage.cacheWriteTokens}, ${usage.thinkingTokens ?? 0},
      ${usage.webSearchRequests ?? 0}, ${usage.webFetchRequests ?? 0}, ${cost}, ${at})`;
  const daily = client.$executeRaw`
    INSERT INTO "UsageDaily" ("day", "userId", "model", "costUsd", "calls", "pricedCalls")
    VALUES (${usageDay(at)}, ${entry.userId}, ${entry.model}, ${cost ?? 0}, 1, ${cost === null ? 0 : 1})
    ON CONFLICT ("day", "userId", "model") DO UPDATE SET
      "costUsd" = "UsageDaily"."costUsd" + excluded."costUsd",
      "calls" = "UsageDaily"."calls" + 1,
      "pricedCalls" = "UsageDaily"."pricedCalls" + excluded."pricedCalls"`;
  return [record, daily] as [typeof record, typeof daily];
}

export async function recordUsage(entry: UsageEntry, at: Date = new Date()): Promise<void> {
  await db.$transaction(usageWrites(entry, at));
}

/** Month-to-date spend (calendar month in UTC) of a user's priced calls: one aggregate on (userId, createdAt). */
export async function monthToDateCostUsd(userId: string, now: Date = new Date()): Promise<number> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const { _sum } = await db.usageRecord.aggregate({
    where: { userId, createdAt: { gte: monthStart } },
    _sum: { costUsd: true },
  });
  return _sum.costUsd ?? 0;
}

export interface UsageTotals {
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  thinkingTokens: number;
  webSearchRequests: number;
  calls: number;
  /** Calls whose model had no known price: their tokens count, their cost is not in `costUsd`. */
  unpricedCalls: number;
  /** What prompt caching saved on the priced calls (negative when cache writes outweighed reads). */
  cachingSavedUsd: number;
}

export interface ModelUsage extends UsageTotals {
  model: string;
}

export interface UsageReport {
  totals: UsageTotals;
  perModel: ModelUsage[];
  /** Every day of the period in its time zone, oldest first. */
  perDay: { day: string; costUsd: number }[];
  /** The 10 conversations that cost most; `title` null when the conversation was deleted. */
  topConversations: { conversationId: string; title: string | null; costUsd: number; calls: number }[];
}

export interface UsageRange {
  from: Date;
  to: Date;
  /** Start instants of the period's local days (lib/usage/period.ts dayStarts). */
  days: { day: string; start: number }[];
}

const TOP_CONVERSATIONS = 10;

function emptyTotals(): UsageTotals {
  return {
    costUsd: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    thinkingTokens: 0,
    webSearchRequests: 0,
    calls: 0,
    unpricedCalls: 0,
    cachingSavedUsd: 0,
  };
}

function addTotals(sum: UsageTotals, part: UsageTotals) {
  for (const key of Object.keys(sum) as (keyof UsageTotals)[]) sum[key] += part[key];
}

async function usagePerModel(userId: string, range: UsageRange): Promise<ModelUsage[]> {
  const groups = await db.usageRecord.groupBy({
    by: ["model"],
    where: { userId, createdAt: { gte: range.from, lt: range.to } },
    _sum: {
      costUsd: true,
      inputTokens: true,
      outputTokens: true,
      cacheReadTokens: true,
      cacheWriteTokens: true,
      thinkingTokens: true,
      webSearchRequests: true,
    },
    // costUsd counts non-null values only: the rest are the unpriced calls.
    _count: { _all: true, costUsd: true },
  });
  return groups
    .map(({ model, _sum, _count }) => {
      const cacheReadTokens = _sum.cacheReadTokens ?? 0;
      const cacheWriteTokens = _sum.cacheWriteTokens ?? 0;
      // The ledger keeps no 5-minute / 1-hour split of cache writes: all are priced as 5-minute writes.
      const saved = cachingSavingsUsd(model, {
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens,
        cacheWriteTokens,
      });
      return {
        model,
        costUsd: _sum.costUsd ?? 0,
        inputTokens: _sum.inputTokens ?? 0,
        outputTokens: _sum.outputTokens ?? 0,
        cacheReadTokens,
        cacheWriteTokens,
        thinkingTokens: _sum.thinkingTokens ?? 0,
        webSearchRequests: _sum.webSearchRequests ?? 0,
        calls: _count._all,
        unpricedCalls: _count._all - _count.costUsd,
        cachingSavedUsd: saved ?? 0,
      };
    })
    .sort((a, b) => b.costUsd - a.costUsd || b.calls - a.calls || a.model.localeCompare(b.model));
}

/** Spend per local day: the period's priced rows (two columns, in index order) bucketed by day start. */
async function usagePerDay(userId: string, range: UsageRange) {
  const rows = await db.usageRecord.findMany({
    where: { userId, createdAt: { gte: range.from, lt: range.to }, costUsd: { not: null } },
    select: { createdAt: true, costUsd: true },
    orderBy: { createdAt: "asc" },
  });
  const perDay = range.days.map(({ day }) => ({ day, costUsd: 0 }));
  let index = 0;
  for (const row of rows) {
    const at = row.createdAt.getTime();
    while (index + 1 < range.days.length && range.days[index + 1]!.start <= at) index++;
    const bucket = perDay[index];
    if (bucket) bucket.costUsd += row.costUsd ?? 0;
  }
  return perDay;
}

/** Titles of the user's conversations among `ids`; ledger rows outlive their conversation, so some are missing. */
async function titlesOf(userId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.conversation.findMany({
    where: { userId, id: { in: ids } },
    select: { id: true, title: true },
  });
  return new Map(rows.map((row) => [row.id, row.title]));
}

async function topConversations(userId: string, range: UsageRange) {
  const groups = await db.usageRecord.groupBy({
    by: ["conversationId"],
    where: {
      userId,
      createdAt: { gte: range.from, lt: range.to },
      conversationId: { not: null },
      costUsd: { not: null },
    },
    _sum: { costUsd: true },
    _count: { _all: true },
    orderBy: { _sum: { costUsd: "desc" } },
    take: TOP_CONVERSATIONS,
  });
  const ids = groups.map((group) => group.conversationId as string);
  const titles = await titlesOf(userId, ids);
  return groups.map((group) => ({
    conversationId: group.conversationId as string,
    title: titles.get(group.conversationId as string) ?? null,
    costUsd: group._sum.costUsd ?? 0,
    calls: group._count._all,
  }));
}

/** The user's spend in [from, to): totals, per model, per local day and the top conversations. */
export async function usageReport(userId: string, range: UsageRange): Promise<UsageReport> {
  const [perModel, perDay, top] = await Promise.all([
    usagePerModel(userId, range),
    usagePerDay(userId, range),
    topConversations(userId, range),
  ]);
  const totals = emptyTotals();
  for (const { model: _model, ...part } of perModel) addTotals(totals, part);
  return { totals, perModel, perDay, topConversations: top };
}

export const EXPORT_PAGE_SIZE = 1000;

/** One page of the user's ledger rows in [from, to), oldest first, after the row `afterId`. */
export async function usageRowsPage(userId: string, range: { from: Date; to: Date }, afterId?: string) {
  const rows = await db.usageRecord.findMany({
    where: { userId, createdAt: { gte: range.from, lt: range.to } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: EXPORT_PAGE_SIZE,
    ...(afterId ? { cursor: { id: afterId }, skip: 1 } : {}),
  });
  const ids = [...new Set(rows.flatMap((row) => (row.conversationId ? [row.conversationId] : [])))];
  const titles = await titlesOf(userId, ids);
  return rows.map((row) => ({
    ...row,
    conversationTitle: row.conversationId ? (titles.get(row.conversationId) ?? null) : null,
  }));
}
