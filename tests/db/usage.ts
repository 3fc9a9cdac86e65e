import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { retitleConversation } from "@/lib/chat/title-service";
import { db } from "@/lib/db/client";
import { deleteConversation } from "@/lib/db/conversations";
import { monthToDateCostUsd, recordUsage, usageReport, usageRowsPage } from "@/lib/db/usage";
import { cachingSavingsUsd } from "@/lib/pricing/cost";
import { dayStarts, resolvePeriod } from "@/lib/usage/period";
import { startDouble } from "../double/server";
import { MODEL, newUser, startConversation } from "./fixtures";

const UNKNOWN_MODEL = "claude-unreleased-9";

interface Row {
  at: string;
  costUsd: number | null;
  model?: string;
  conversationId?: string | null;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

function ledger(userId: string, rows: Row[]) {
  return db.usageRecord.createMany({
    data: rows.map((row) => ({
      userId,
      conversationId: row.conversationId ?? null,
      kind: "reply",
      model: row.model ?? MODEL,
      inputTokens: 100,
      outputTokens: 10,
      cacheReadTokens: row.cacheReadTokens ?? 0,
      cacheWriteTokens: row.cacheWriteTokens ?? 0,
      thinkingTokens: 2,
      webSearchRequests: 1,
      costUsd: row.costUsd,
      createdAt: new Date(row.at),
    })),
  });
}

/** November 2026 in Tokyo (UTC+9): 2026-10-31T15:00Z … 2026-11-30T15:00Z. */
function novemberInTokyo() {
  const result = resolvePeriod(
    { range: "custom", from: "2026-11-01", to: "2026-11-30", tz: "Asia/Tokyo" },
    new Date("2026-12-01T00:00:00Z"),
  );
  if (!result.ok) throw new Error(result.error);
  const { period } = result;
  return { from: period.from, to: period.to, days: dayStarts(period) };
}

describe("usage ledger", () => {
  it("month-to-date: the user's priced calls since the 1st (UTC), nobody else's", async () => {
    const { id: userId } = await newUser();
    const { id: other } = await newUser();
    await ledger(userId, [
      { at: "2026-10-31T23:59:59Z", costUsd: 5 },
      { at: "2026-11-01T00:00:00Z", costUsd: 0.25 },
      { at: "2026-11-20T10:00:00Z", costUsd: 0.5 },
      { at: "2026-11-21T10:00:00Z", costUsd: null, model: UNKNOWN_MODEL },
    ]);
    await ledger(other, [{ at: "2026-11-10T00:00:00Z", costUsd: 100 }]);
    const now = new Date("2026-11-30T12:00:00Z");
    expect(await monthToDateCostUsd(userId, now)).toBeCloseTo(0.75, 10);
    expect(await monthToDateCostUsd(other, now)).toBe(100);
    expect(await monthToDateCostUsd((await newUser()).id, now)).toBe(0);
  });

  it("records each call as it ends and reports it", async () => {
    const { id: userId } = await newUser();
    await recordUsage({
      userId,
      conversationId: null,
      messageId: null,
      kind: "title",
      model: MODEL,
      requestId: "req_1",
      usage: { inputTokens: 7, outputTokens: 3, cacheReadTokens: 0, cacheWriteTokens: 0 },
      costUsd: 0.0001,
    });
    expect(await monthToDateCostUsd(userId)).toBeCloseTo(0.0001, 10);
  });

  it("reports a period: totals, days in the viewer's zone, models, unknown prices, caching", async () => {
    const { id: userId } = await newUser();
    const { id: other } = await newUser();
    await ledger(userId, [
      { at: "2026-10-31T14:59:59Z", costUsd: 9 }, // 23:59:59 on Oct 31 in Tokyo: outside
      { at: "2026-10-31T15:00:00Z", costUsd: 1, cacheReadTokens: 10_000, cacheWriteTokens: 1_000 },
      { at: "2026-11-01T14:00:00Z", costUsd: 2 }, // 23:00 on Nov 1 in Tokyo
      { at: "2026-11-01T15:30:00Z", costUsd: 0.5 }, // 00:30 on Nov 2 in Tokyo
      { at: "2026-11-15T03:00:00Z", costUsd: null, model: UNKNOWN_MODEL, cacheReadTokens: 500 },
      { at: "2026-11-30T15:00:00Z", costUsd: 7 }, // Dec 1 in Tokyo: outside
    ]);
    await ledger(other, [{ at: "2026-11-02T00:00:00Z", costUsd: 50 }]);

    const report = await usageReport(userId, novemberInTokyo());
    const savedOnModel = cachingSavingsUsd(MODEL, {
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 10_000,
      cacheWriteTokens: 1_000,
    }) as number;
    expect(savedOnModel).toBeGreaterThan(0);
    expect(report.totals).toEqual({
      costUsd: 3.5,
      inputTokens: 400,
      outputTokens: 40,
      cacheReadTokens: 10_500,
      cacheWriteTokens: 1_000,
      thinkingTokens: 8,
      webSearchRequests: 4,
      calls: 4,
      unpricedCalls: 1,
      cachingSavedUsd: savedOnModel,
    });
    expect(report.perDay).toHaveLength(30);
    expect(report.perDay.slice(0, 3)).toEqual([
      { day: "2026-11-01", costUsd: 3 },
      { day: "2026-11-02", costUsd: 0.5 },
      { day: "2026-11-03", costUsd: 0 },
    ]);
    expect(report.perDay.at(-1)).toEqual({ day: "2026-11-30", costUsd: 0 });
    expect(
      report.perModel.map(({ model, costUsd, calls, unpricedCalls }) => [
        model,
        costUsd,
        calls,
        unpricedCalls,
      ]),
    ).toEqual([
      [MODEL, 3.5, 3, 0],
      [UNKNOWN_MODEL, 0, 1, 1],
    ]);
    expect(report.perModel[1]?.cacheReadTokens).toBe(500);
    expect(report.perModel[1]?.cachingSavedUsd).toBe(0);
  });

  it("ranks conversations by cost, deleted ones included, never another user's", async () => {
    const { id: userId } = await newUser();
    const { id: other } = await newUser();
    const kept = await startConversation(userId, "Kept chat");
    const gone = await startConversation(userId, "Gone chat");
    const cheap = await startConversation(userId, "Cheap chat");
    const at = "2026-11-10T00:00:00Z";
    await ledger(userId, [
      { at, costUsd: 1, conversationId: kept.conversationId },
      { at, costUsd: 2, conversationId: gone.conversationId },
      { at, costUsd: 0.5, conversationId: gone.conversationId },
      { at, costUsd: 0.1, conversationId: cheap.conversationId },
      { at, costUsd: null, model: UNKNOWN_MODEL, conversationId: cheap.conversationId },
      { at, costUsd: 0.3, conversationId: null },
    ]);
    // The same conversation id on another user's rows (never possible in the app) must not leak in.
    await ledger(other, [{ at, costUsd: 40, conversationId: kept.conversationId }]);
    expect(await deleteConversation(userId, gone.conversationId)).not.toBeNull();

    const report = await usageReport(userId, novemberInTokyo());
    expect(report.topConversations).toEqual([
      { conversationId: gone.conversationId, title: null, costUsd: 2.5, calls: 2 },
      { conversationId: kept.conversationId, title: "Kept chat", costUsd: 1, calls: 1 },
      { conversationId: cheap.conversationId, title: "Cheap chat", costUsd: 0.1, calls: 1 },
    ]);
    expect(report.totals.costUsd).toBeCloseTo(3.9, 10);
    expect((await usageReport(other, novemberInTokyo())).topConversations).toEqual([
      { conversationId: kept.conversationId, title: null, costUsd: 40, calls: 1 },
    ]);
  });

  it("keeps the top conversations to 10", async () => {
    const { id: userId } = await newUser();
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => ({
      at: "2026-11-05T00:00:00Z",
      costUsd: i + 1,
      conversationId: `c${String(i).padStart(2, "0")}`,
    }));
    await ledger(userId, rows);
    const top = (await usageReport(userId, novemberInTokyo())).topConversations;
    expect(top.map((row) => row.costUsd)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
  });

  it("pages the export through the user's rows of the period in order", async () => {
    const { id: userId } = await newUser();
    const { id: other } = await newUser();
    const chat = await startConversation(userId, "Exported, with a comma");
    await ledger(userId, [
      { at: "2026-11-03T00:00:00Z", costUsd: 0.2, conversationId: chat.conversationId },
      { at: "2026-11-02T00:00:00Z", costUsd: 0.1 },
      { at: "2026-12-02T00:00:00Z", costUsd: 0.3 },
    ]);
    await ledger(other, [{ at: "2026-11-02T00:00:00Z", costUsd: 9 }]);
    const range = novemberInTokyo();
    const page = await usageRowsPage(userId, range);
    expect(page.map((row) => [row.costUsd, row.conversationTitle])).toEqual([
      [0.1, null],
      [0.2, "Exported, with a comma"],
    ]);
    expect(await usageRowsPage(userId, range, page[0]?.id)).toHaveLength(1);
    expect(await usageRowsPage(userId, range, page[1]?.id)).toEqual([]);
  });

  it("records the title call after a first reply: kind title, its tokens and cost, in the month's totals", async () => {
    const double = await startDouble();
    try {
      const { id: userId } = await newUser();
      const chat = await startConversation(userId, "Trip plans");
      const client = new Anthropic({ apiKey: "test", baseURL: double.url, maxRetries: 0 });
      await retitleConversation(
        client,
        "claude-haiku-4-5-20251001",
        { userId, conversationId: chat.conversationId },
        { title: "Trip plans", userText: "Trip plans [[double:text?text=Kyoto%20trip&input=200&output=3]]" },
        "Here is a plan.",
      );
      const rows = await db.usageRecord.findMany({ where: { userId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: "title",
        conversationId: chat.conversationId,
        messageId: null,
        model: "claude-haiku-4-5-20251001",
        inputTokens: 200,
        outputTokens: 3,
      });
      expect(rows[0]?.costUsd).toBeCloseTo((200 * 1 + 3 * 5) / 1e6, 12);
      expect(await monthToDateCostUsd(userId)).toBeCloseTo((200 * 1 + 3 * 5) / 1e6, 12);
      const renamed = await db.conversation.findUnique({ where: { id: chat.conversationId } });
      expect(renamed?.title).toBe("Kyoto trip");
    } finally {
      await double.close();
    }
  });
});
