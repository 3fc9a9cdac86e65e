// Batch runs, their API batches (parts) and items. Every read and write a user can reach names the
// owner in its WHERE; the poller's functions (below the line) work across users by design.
import "server-only";
import { db } from "./client";
import { newId } from "./ids";

const CHUNK = 500;

export interface NewBatch {
  id: string;
  userId: string;
  name: string;
  model: string;
  systemPrompt: string | null;
  maxTokens: number;
  template: string;
  columns: string[];
  textColumn: string;
  estimateUsd: number | null;
  items: { input: Record<string, string>; prompt: string }[];
  /** The API batch ids, in order, with how many items (in item order) each holds. */
  parts: { remoteId: string; size: number }[];
}

export async function createBatch(batch: NewBatch) {
  await db.$transaction(async (tx) => {
    await tx.batch.create({
      data: {
        id: batch.id,
        userId: batch.userId,
        name: batch.name,
        model: batch.model,
        systemPrompt: batch.systemPrompt,
        maxTokens: batch.maxTokens,
        template: batch.template,
        columns: JSON.stringify(batch.columns),
        textColumn: batch.textColumn,
        itemCount: batch.items.length,
        processing: batch.items.length,
        estimateUsd: batch.estimateUsd,
        parts: {
          create: batch.parts.map((part) => ({ remoteId: part.remoteId, processing: part.size })),
        },
      },
    });
    for (let start = 0; start < batch.items.length; start += CHUNK) {
      await tx.batchItem.createMany({
        data: batch.items.slice(start, start + CHUNK).map((item, i) => ({
          batchId: batch.id,
          position: start + i,
          input: JSON.stringify(item.input),
          prompt: item.prompt,
        })),
      });
    }
  });
}

const summary = {
  id: true,
  name: true,
  model: true,
  status: true,
  itemCount: true,
  processing: true,
  succeeded: true,
  errored: true,
  canceled: true,
  expired: true,
  estimateUsd: true,
  costUsd: true,
  errorCode: true,
  createdAt: true,
  endedAt: true,
} as const;

export function listBatches(userId: string, take = 50) {
  return db.batch.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take, select: summary });
}

export type BatchSummary = Awaited<ReturnType<typeof listBatches>>[number];

export function findBatch(userId: string, id: string) {
  return db.batch.findFirst({
    where: { id, userId },
    select: {
      ...summary,
      columns: true,
      textColumn: true,
      template: true,
      systemPrompt: true,
      maxTokens: true,
    },
  });
}

const itemColumns = {
  id: true,
  position: true,
  input: true,
  prompt: true,
  status: true,
  reply: true,
  errorType: true,
  errorMessage: true,
  inputTokens: true,
  outputTokens: true,
  cacheReadTokens: true,
  cacheWriteTokens: true,
  costUsd: true,
} as const;

/** A page of a batch's items, oldest row first; empty when the batch is not the user's. */
export function batchItems(userId: string, batchId: string, skip: number, take: number) {
  return db.batchItem.findMany({
    where: { batchId, batch: { userId } },
    orderBy: { position: "asc" },
    skip,
    take,
    select: itemColumns,
  });
}

export type BatchItemRow = Awaited<ReturnType<typeof batchItems>>[number];

/** Every item of an owned batch, a chunk at a time (for the downloads). */
export async function* eachBatchItem(userId: string, batchId: string): AsyncGenerator<BatchItemRow> {
  for (let after = -1; ; ) {
    const rows = await db.batchItem.findMany({
      where: { batchId, batch: { userId }, position: { gt: after } },
      orderBy: { position: "asc" },
      take: CHUNK,
      select: itemColumns,
    });
    yield* rows;
    if (rows.length < CHUNK) return;
    after = rows.at(-1)?.position ?? after;
  }
}

/** One owned item with what a conversation made from it needs. */
export function findBatchItem(userId: string, batchId: string, itemId: string) {
  return db.batchItem.findFirst({
    where: { id: itemId, batchId, batch: { userId } },
    select: {
      prompt: true,
      reply: true,
      status: true,
      batch: { select: { model: true, systemPrompt: true } },
    },
  });
}

/** Marks an owned running batch canceling; the API batch ids still to cancel, or null (not yours / not running). */
export async function markCanceling(userId: string, id: string): Promise<string[] | null> {
  const { count } = await db.batch.updateMany({
    where: { id, userId, status: "in_progress" },
    data: { status: "canceling", nextPollAt: new Date() },
  });
  if (count === 0) return null;
  const parts = await db.batchPart.findMany({
    where: { batchId: id, status: "in_progress" },
    select: { remoteId: true },
  });
  return parts.map((p) => p.remoteId);
}

/** Deletes an owned batch and (cascade) its parts and items; the API batch ids it had, or null when not the user's. */
export async function deleteBatch(userId: string, id: string) {
  return db.$transaction(async (tx) => {
    const batch = await tx.batch.findFirst({
      where: { id, userId },
      select: { status: true, parts: { select: { remoteId: true, status: true } } },
    });
    if (!batch) return null;
    await tx.batch.deleteMany({ where: { id, userId } });
    await tx.budgetHold.deleteMany({ where: { userId, replyId: id } });
    return batch.parts.filter((p) => p.status === "in_progress").map((p) => p.remoteId);
  });
}

// ---- The poller's side: batches of every user, only ever reached from lib/batches/poller.ts. ----

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
      await tx.usageRecord.create({
        data: {
          userId: batch.userId,
          kind: "batch",
          model: batch.model,
          requestId: remoteId,
          inputTokens: result.inputTokens,
          outputTokens: result.outputTokens,
          cacheReadTokens: result.cacheReadTokens,
          cacheWriteTokens: result.cacheWriteTokens,
          costUsd: result.costUsd,
        },
        select: { id: true },
      });
    }
  });
}

export async function markPartStored(partId: string) {
  await db.batchPart.update({ where: { id: partId }, data: { status: "stored" } });
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

/** A conversation holding one finished item: its prompt and reply (cost stays in the ledger's batch records). */
export async function conversationFromItem(
  userId: string,
  item: { title: string; model: string; systemPrompt: string | null; prompt: string; reply: string },
) {
  const [conversationId, userMessageId, replyId] = [newId(), newId(), newId()];
  const askedAt = new Date();
  await db.$transaction([
    db.conversation.create({
      data: {
        id: conversationId,
        userId,
        title: item.title,
        model: item.model,
        systemPrompt: item.systemPrompt,
        activeLeafId: replyId,
        createdAt: askedAt,
        updatedAt: askedAt,
      },
    }),
    db.message.createMany({
      data: [
        {
          id: userMessageId,
          conversationId,
          role: "user",
          content: JSON.stringify([{ type: "text", text: item.prompt }]),
          createdAt: askedAt,
        },
        {
          id: replyId,
          conversationId,
          parentId: userMessageId,
          role: "assistant",
          content: JSON.stringify([{ type: "text", text: item.reply }]),
          model: item.model,
          stopReason: "end_turn",
          createdAt: new Date(askedAt.getTime() + 1),
        },
      ],
    }),
  ]);
  return conversationId;
}
