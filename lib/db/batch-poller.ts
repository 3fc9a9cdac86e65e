// The batch poller's side of the batch tables: batches of every user by design (only
// lib/batches/poller.ts reaches it). Owner-scoped access is lib/db/batches.ts.
import "server-only";
import { db } from "./client";
import { usageWrites } from "./usage";

/** Whether any batch is still open (a read: an installation without open batches writes nothing). */
export async function hasOpenBatch(): Promise<boolean> {
  const open = await db.batch.findFirst({
    where: { status: { in: ["in_progress", "canceling"] } },
    select: { id: true },
  });
  return open !== null;
}

export function dueBatches(now: Date, take = 20) {
  return db.batch.findMany({
    where: { status: { in: ["in_progress", "canceling"] }, nextPollAt: { lte: now } },
    orderBy: { nextPollAt: "asc" },
    take,
    select: {
      id: true,
      userId: true,
      model: true,
      pollCount: true,
      parts: { where: { status: { not: "stored" } }, select: { id: true, remoteId: true } },
    },
  });
}

export type DueBatch = Awaited<ReturnType<typeof dueBatches>>[number];

export interface PartCounts {
  processing: number;
  succeeded: number;
  errored: number;
  canceled: number;
  expired: number;
}

export async function updatePart(partId: string, status: string, counts: PartCounts) {
  await db.batchPart.update({ where: { id: partId }, data: { status, ...counts } });
}

export interface ItemResult {
  position: number;
  status: "succeeded" | "errored" | "canceled" | "expired";
  reply: string | null;
  stopReason: string | null;
  errorType: string | null;
  errorMessage: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number | null;
}

/**
 * Stores results of items still processing, each with its ledger record (kind "batch") in the same
 * transaction; an item already stored (a restart re-reading the results) is skipped, so nothing is
 * billed twice.
 */
export async function storeResults(
  batch: { id: string; userId: string; model: string },
  remoteId: string,
  results: ItemResult[],
) {
  await db.$transaction(async (tx) => {
    for (const result of results) {
      const { position, ...data } = result;
      const { count } = await tx.batchItem.updateMany({
        where: { batchId: batch.id, position, status: "processing" },
        data,
      });
      if (count === 0 || (result.inputTokens === 0 && result.outputTokens === 0)) continue;
      // The ledger row and its day's roll-up, in this transaction.
      const writes = usageWrites(
        {
          userId: batch.userId,
          conversationId: null,
          messageId: null,
          kind: "batch",
          model: batch.model,
          requestId: remoteId,
          usage: {
            inputTokens: result.inputTokens,
            outputTokens: result.outputTokens,
            cacheReadTokens: result.cacheReadTokens,
            cacheWriteTokens: result.cacheWriteTokens,
          },
          costUsd: result.costUsd,
        },
        new Date(),
        tx,
      );
      for (const write of writes) await write;
    }
  });
}

/** Sums the parts into the batch; when every part is stored, ends it and releases its budget hold. */
export async function refreshBatch(batchId: string, nextPollAt: Date) {
  await db.$transaction(async (tx) => {
    const parts = await tx.batchPart.findMany({ where: { batchId } });
    const sum = (key: keyof PartCounts) => parts.reduce((total, part) => total + part[key], 0);
    const done = parts.every((p) => p.status === "stored");
    const cost = done ? await tx.batchItem.aggregate({ where: { batchId }, _sum: { costUsd: true } }) : null;
    const batch = await tx.batch.update({
      where: { id: batchId },
      data: {
        processing: sum("processing"),
        succeeded: sum("succeeded"),
        errored: sum("errored"),
        canceled: sum("canceled"),
        expired: sum("expired"),
        pollCount: { increment: 1 },
        nextPollAt,
        ...(done ? { status: "ended", endedAt: new Date(), costUsd: cost?._sum.costUsd ?? null } : {}),
      },
      select: { userId: true },
    });
    if (done) await tx.budgetHold.deleteMany({ where: { userId: batch.userId, replyId: batchId } });
  });
}

/** A batch the API would not take or answer for: ended as failed with a stable code. */
export async function failBatch(batchId: string, errorCode: string) {
  await db.$transaction(async (tx) => {
    const batch = await tx.batch.update({
      where: { id: batchId },
      data: { status: "failed", errorCode, endedAt: new Date() },
      select: { userId: true },
    });
    await tx.budgetHold.deleteMany({ where: { userId: batch.userId, replyId: batchId } });
  });
}

export async function postponeBatch(batchId: string, nextPollAt: Date) {
  await db.batch.update({ where: { id: batchId }, data: { nextPollAt, pollCount: { increment: 1 } } });
}
