// Budget holds: before an API call the estimate of its cost is reserved, in one transaction that
// first locks the user's row (an UPDATE: a row lock on PostgreSQL, the write lock on SQLite), so that
// parallel requests of one user are checked one after the other and each sees the others' holds.
// A hold ends when the call's usage reaches the ledger (recordReplyUsage) or the reply finishes.
import "server-only";
import { BudgetExceededError } from "@/lib/budget/errors";
import { type BudgetFigures, budgetResetsAt, fitsBudget, monthStartUtc } from "@/lib/budget/month";
import { logger } from "@/lib/log";
import { db } from "./client";
import { type UsageEntry, usageWrites } from "./usage";

/** A hold left by a crashed process stops counting after this (replies end well before). */
const HOLD_MS = 30 * 60_000;

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function figures(tx: Tx, userId: string, budgetUsd: number | null, now: Date): Promise<BudgetFigures> {
  const [spent, held] = await Promise.all([
    tx.usageRecord.aggregate({
      where: { userId, createdAt: { gte: monthStartUtc(now) } },
      _sum: { costUsd: true },
    }),
    tx.budgetHold.aggregate({ where: { userId, expiresAt: { gt: now } }, _sum: { amountUsd: true } }),
  ]);
  return { budgetUsd, spentUsd: spent._sum.costUsd ?? 0, heldUsd: held._sum.amountUsd ?? 0 };
}

export interface HoldRequest {
  userId: string;
  replyId: string;
  step: number;
  estimateUsd: number;
  /** How long the hold counts at most (a batch runs up to a day); default: a reply's HOLD_MS. */
  holdMs?: number;
}

/**
 * Reserves the estimate of the next call, or throws BudgetExceededError when month-to-date cost,
 * the calls still running and this estimate together exceed the user's budget. Users without a
 * budget are not held (one statement, no transaction). Also notes the user as active. Resolves
 * true when a hold was written.
 */
export async function reserveBudget(hold: HoldRequest, now: Date = new Date()): Promise<boolean> {
  // Raw SQL: every reply starts here, and Prisma's update costs ~1 ms to build where this takes ~0.3 ms.
  const [user] = await db.$queryRaw<{ monthlyBudgetUsd: number | null }[]>`
    UPDATE "User" SET "lastActiveAt" = ${now}, "updatedAt" = ${now} WHERE "id" = ${hold.userId}
    RETURNING "monthlyBudgetUsd"`;
  if (!user || user.monthlyBudgetUsd === null) return false;
  return db.$transaction(async (tx) => {
    // The lock: parallel reservations of this user wait here until this transaction ends.
    const locked = await tx.user.update({
      where: { id: hold.userId },
      data: { lastActiveAt: now },
      select: { monthlyBudgetUsd: true },
    });
    if (locked.monthlyBudgetUsd === null) return false;
    const current = await figures(tx, hold.userId, locked.monthlyBudgetUsd, now);
    if (!fitsBudget(current, hold.estimateUsd))
      throw new BudgetExceededError(locked.monthlyBudgetUsd, budgetResetsAt(now));
    await tx.budgetHold.create({
      data: {
        userId: hold.userId,
        replyId: hold.replyId,
        step: hold.step,
        amountUsd: hold.estimateUsd,
        expiresAt: new Date(now.getTime() + (hold.holdMs ?? HOLD_MS)),
      },
    });
    return true;
  });
}

/** Records a reply step's usage in the ledger and ends its hold, together (`held`: the reply has holds). */
export async function recordReplyUsage(entry: UsageEntry & { messageId: string }, { held = true } = {}) {
  const writes = usageWrites(entry);
  if (!held) return void (await db.$transaction(writes));
  await db.$transaction([
    ...writes,
    db.budgetHold.deleteMany({ where: { replyId: entry.messageId, step: entry.step ?? 1 } }),
  ]);
}

/** Records a call outside a reply (a summary) and ends the hold it was reserved under, together. */
export async function recordHeldUsage(entry: UsageEntry, holdId: string) {
  await db.$transaction([...usageWrites(entry), db.budgetHold.deleteMany({ where: { replyId: holdId } })]);
}

/** Ends every hold of a reply (it finished, failed or was never saved); a failure only leaves them to expire. */
export async function releaseReplyHolds(replyId: string): Promise<void> {
  try {
    await db.budgetHold.deleteMany({ where: { replyId } });
  } catch (error) {
    logger.warn({ err: error, replyId }, "budget holds of a reply could not be released; they expire");
  }
}

export interface BudgetStatus {
  budgetUsd: number | null;
  spentUsd: number;
  resetsAt: string;
}

/** The user's budget and month-to-date spend, for the composer's warning. */
export async function budgetStatus(userId: string, now: Date = new Date()): Promise<BudgetStatus> {
  const [user, spent] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { monthlyBudgetUsd: true } }),
    db.usageRecord.aggregate({
      where: { userId, createdAt: { gte: monthStartUtc(now) } },
      _sum: { costUsd: true },
    }),
  ]);
  return {
    budgetUsd: user?.monthlyBudgetUsd ?? null,
    spentUsd: spent._sum.costUsd ?? 0,
    resetsAt: budgetResetsAt(now).toISOString(),
  };
}
