import { describe, expect, it } from "vitest";
import { BudgetExceededError } from "@/lib/budget/errors";
import {
  budgetStatus,
  recordHeldUsage,
  recordReplyUsage,
  releaseReplyHolds,
  reserveBudget,
} from "@/lib/db/budget";
import { db } from "@/lib/db/client";
import { recordUsage } from "@/lib/db/usage";
import { MODEL, newUser } from "./fixtures";

const usage = { inputTokens: 100, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 };

async function userWithBudget(budgetUsd: number | null, spentUsd = 0) {
  const { id } = await newUser();
  await db.user.update({ where: { id }, data: { monthlyBudgetUsd: budgetUsd } });
  if (spentUsd > 0)
    await recordUsage({
      userId: id,
      conversationId: null,
      messageId: null,
      kind: "reply",
      model: MODEL,
      requestId: null,
      usage,
      costUsd: spentUsd,
    });
  return id;
}

const hold = (userId: string, replyId: string, estimateUsd: number) =>
  reserveBudget({ userId, replyId, step: 1, estimateUsd });

describe("budgets", () => {
  it("lets parallel sends at the edge of a budget through only as far as the budget goes", async () => {
    // $1 budget, $0.70 spent: room for exactly two calls estimated at $0.15, not three.
    const userId = await userWithBudget(1, 0.7);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) => hold(userId, `reply-${userId}-${index}`, 0.15)),
    );
    const passed = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(passed).toHaveLength(2);
    expect(refused).toHaveLength(3);
    for (const reason of refused) expect(reason).toBeInstanceOf(BudgetExceededError);
    expect(await db.budgetHold.count({ where: { userId } })).toBe(2);
  });

  it("lets exactly one of two parallel sends through when only one fits", async () => {
    const userId = await userWithBudget(0.5, 0.3);
    const results = await Promise.allSettled([
      hold(userId, `a-${userId}`, 0.15),
      hold(userId, `b-${userId}`, 0.15),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("names the budget and the reset date in the refusal", async () => {
    const userId = await userWithBudget(2, 2);
    const refusal = await hold(userId, `r-${userId}`, 0.01).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BudgetExceededError);
    const { budgetUsd, resetsAt } = (refusal as BudgetExceededError).params;
    expect(budgetUsd).toBe(2);
    const now = new Date();
    expect(resetsAt).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString());
  });

  it("ends a step's hold when its usage reaches the ledger, and a reply's holds when it finishes", async () => {
    const userId = await userWithBudget(1);
    const replyId = `reply-${userId}`;
    await hold(userId, replyId, 0.6);
    // The hold counts: another $0.6 call does not fit.
    await expect(hold(userId, `other-${userId}`, 0.6)).rejects.toBeInstanceOf(BudgetExceededError);
    await recordReplyUsage({
      userId,
      conversationId: null,
      messageId: replyId,
      kind: "reply",
      step: 1,
      model: MODEL,
      requestId: null,
      usage,
      costUsd: 0.1,
    });
    expect(await db.budgetHold.count({ where: { replyId } })).toBe(0);
    // Now the ledger's $0.10 counts instead of the $0.60 estimate.
    await hold(userId, replyId, 0.6);
    await releaseReplyHolds(replyId);
    expect(await db.budgetHold.count({ where: { userId } })).toBe(0);
    expect(await budgetStatus(userId)).toMatchObject({ budgetUsd: 1, spentUsd: 0.1 });
  });

  it("records a summary call as kind summary and ends the hold it was reserved under", async () => {
    const userId = await userWithBudget(1);
    const holdId = `summary-${userId}`;
    await hold(userId, holdId, 0.6);
    await recordHeldUsage(
      {
        userId,
        conversationId: null,
        messageId: null,
        kind: "summary",
        model: MODEL,
        requestId: "req_summary",
        usage,
        costUsd: 0.05,
      },
      holdId,
    );
    expect(await db.budgetHold.count({ where: { userId } })).toBe(0);
    const rows = await db.usageRecord.findMany({ where: { userId }, select: { kind: true, costUsd: true } });
    expect(rows).toEqual([{ kind: "summary", costUsd: 0.05 }]);
  });

  it("holds nothing for a user without a budget, and ignores expired holds", async () => {
    const free = await userWithBudget(null, 50);
    await hold(free, `free-${free}`, 10);
    expect(await db.budgetHold.count({ where: { userId: free } })).toBe(0);

    const userId = await userWithBudget(1);
    await db.budgetHold.create({
      data: { userId, replyId: "crashed", step: 1, amountUsd: 1, expiresAt: new Date(Date.now() - 1000) },
    });
    await hold(userId, `fresh-${userId}`, 0.9);
  });
});
