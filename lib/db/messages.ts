import "server-only";
import type { ContentBlock } from "@/lib/chat/content";
import type { ChatErrorInfo, ReplyStatus, TokenUsage } from "@/lib/chat/protocol";
import { db } from "./client";

const messageFields = {
  id: true,
  parentId: true,
  role: true,
  content: true,
  status: true,
  model: true,
  stopReason: true,
  errorType: true,
  errorMessage: true,
  requestId: true,
  inputTokens: true,
  outputTokens: true,
  cacheReadTokens: true,
  cacheWriteTokens: true,
  costUsd: true,
  createdAt: true,
} as const;

export type MessageRow = Awaited<ReturnType<typeof listMessages>>[number];

function listMessages(conversationId: string, userId: string) {
  return db.message.findMany({
    where: { conversationId, conversation: { userId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: messageFields,
  });
}

/** The conversation's active branch, oldest first: from the root, always the newest child. */
export async function activePath(conversationId: string, userId: string): Promise<MessageRow[]> {
  const rows = await listMessages(conversationId, userId);
  const newestChild = new Map<string | null, MessageRow>();
  for (const row of rows) newestChild.set(row.parentId, row); // rows are oldest first
  const path: MessageRow[] = [];
  for (let node = newestChild.get(null); node; node = newestChild.get(node.id)) path.push(node);
  return path;
}

export function findOwnedMessage(id: string, userId: string) {
  return db.message.findFirst({ where: { id, conversation: { userId } }, select: messageFields });
}

export function findOwnedMessageWithConversation(id: string, userId: string) {
  return db.message.findFirst({
    where: { id, conversation: { userId } },
    select: { ...messageFields, conversationId: true },
  });
}

export async function createAssistantPlaceholder(conversationId: string, parentId: string, model: string) {
  const [message] = await db.$transaction([
    db.message.create({
      data: { conversationId, parentId, role: "assistant", content: "[]", status: "streaming", model },
      select: { id: true },
    }),
    db.conversation.update({ where: { id: conversationId }, data: { model } }),
  ]);
  return message;
}

export function saveReplyProgress(id: string, content: ContentBlock[]) {
  return db.message.updateMany({
    where: { id, status: "streaming" },
    data: { content: JSON.stringify(content) },
  });
}

export interface FinishedReply {
  status: Exclude<ReplyStatus, "streaming">;
  content: ContentBlock[];
  stopReason: string | null;
  usage: TokenUsage;
  costUsd: number | null;
  requestId: string | null;
  model: string;
  error: ChatErrorInfo | null;
}

export function finishReply(id: string, reply: FinishedReply) {
  return db.message.update({
    where: { id },
    data: {
      status: reply.status,
      content: JSON.stringify(reply.content),
      stopReason: reply.stopReason,
      model: reply.model,
      inputTokens: reply.usage.inputTokens,
      outputTokens: reply.usage.outputTokens,
      cacheReadTokens: reply.usage.cacheReadTokens,
      cacheWriteTokens: reply.usage.cacheWriteTokens,
      costUsd: reply.costUsd,
      requestId: reply.requestId,
      errorType: reply.error?.type ?? null,
      errorMessage: reply.error?.message ?? null,
    },
  });
}

/** After a restart nothing is generating: replies left "streaming" were cut off. */
export function markInterruptedReplies() {
  return db.message.updateMany({
    where: { status: "streaming" },
    data: {
      status: "error",
      errorType: "interrupted",
      errorMessage: "The server restarted while this reply was being generated.",
    },
  });
}

/** The chain from the root to `messageId` (inclusive), oldest first; empty when not found. */
export async function branchTo(
  conversationId: string,
  userId: string,
  messageId: string,
): Promise<MessageRow[]> {
  const byId = new Map((await listMessages(conversationId, userId)).map((row) => [row.id, row]));
  const chain: MessageRow[] = [];
  for (let node = byId.get(messageId); node; node = node.parentId ? byId.get(node.parentId) : undefined) {
    chain.unshift(node);
  }
  return chain;
}

/** Saves a user turn and the placeholder of its reply in one transaction, creating the conversation if needed. */
export function createTurn(input: {
  userId: string;
  conversationId: string | null;
  newTitle: string;
  model: string;
  parentId: string | null;
  userContent: ContentBlock[];
  systemPrompt?: string | null;
  presetId?: string | null;
}) {
  return db.$transaction(async (tx) => {
    const conversation = input.conversationId
      ? await tx.conversation.update({ where: { id: input.conversationId }, data: { model: input.model } })
      : await tx.conversation.create({
          data: {
            userId: input.userId,
            title: input.newTitle,
            model: input.model,
            systemPrompt: input.systemPrompt ?? null,
            presetId: input.presetId ?? null,
          },
        });
    const user = await tx.message.create({
      data: {
        conversationId: conversation.id,
        parentId: input.parentId,
        role: "user",
        content: JSON.stringify(input.userContent),
        status: "done",
      },
      select: { id: true },
    });
    const assistant = await tx.message.create({
      data: {
        conversationId: conversation.id,
        parentId: user.id,
        role: "assistant",
        content: "[]",
        status: "streaming",
        model: input.model,
      },
      select: { id: true },
    });
    return { conversationId: conversation.id, userMessageId: user.id, assistantMessageId: assistant.id };
  });
}
