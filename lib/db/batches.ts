// Batch runs, their API batches (parts) and items, as their owner reaches them: every read and write
// names the owner in its WHERE. The poller's side, across users, is lib/db/batch-poller.ts.
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
