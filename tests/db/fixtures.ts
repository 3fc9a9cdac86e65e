import { randomUUID } from "node:crypto";
import type { FinishedReply } from "@/lib/db/messages";
import { createTurn, saveRepliesProgress, turnContext } from "@/lib/db/messages";
import { createUser } from "@/lib/db/users";

export const MODEL = "claude-sonnet-4-6";
export const HASH = "not-a-real-password-hash";

export const uniqueEmail = () => `${randomUUID()}@example.test`;
export const newUser = () => createUser(uniqueEmail(), HASH);
export const text = (value: string) => [{ type: "text", text: value }];

/** A new conversation with one user message and its streaming reply placeholder. */
export function startConversation(userId: string, message = "Hello") {
  return createTurn({
    userId,
    conversationId: null,
    newTitle: message,
    model: MODEL,
    parentId: null,
    userContent: text(message),
  });
}

export const doneReply: FinishedReply = {
  status: "done",
  content: text("Hi!"),
  stopReason: "end_turn",
  usage: { inputTokens: 10, outputTokens: 3, cacheReadTokens: 0, cacheWriteTokens: 0 },
  costUsd: 0.000075,
  requestId: "req_done",
  model: MODEL,
  steps: 1,
  error: null,
};

export const isPostgres = !process.env.DATABASE_URL?.startsWith("file:");

/** The conversation's active branch, oldest first; empty for another user. */
export const activePath = async (conversationId: string, userId: string) =>
  (await turnContext(conversationId, userId, undefined))?.rows ?? [];

/** The chain from the root to `messageId`, oldest first; empty when not found or another user's. */
export const branchTo = async (conversationId: string, userId: string, messageId: string) =>
  (await turnContext(conversationId, userId, messageId))?.rows ?? [];

/** One reply's progress as streamed so far; `seq` is the last event it includes. */
export async function saveReplyProgress(id: string, content: unknown[], seq = -1) {
  return { count: await saveRepliesProgress([{ id, content: JSON.stringify(content), seq }]) };
}
