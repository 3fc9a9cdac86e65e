import "server-only";
import { attachmentIdsOf, parseContent } from "@/lib/chat/content";
import { db } from "./client";

export const PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 100;

/** Position after which the next page starts: the (updatedAt, id) key of the last row seen. */
export interface ConversationCursor {
  updatedAt: Date;
  id: string;
}

export function encodeCursor({ updatedAt, id }: ConversationCursor): string {
  return Buffer.from(`${updatedAt.getTime()}.${id}`).toString("base64url");
}

/** The cursor encoded in `value`, or null when it is not one. */
export function decodeCursor(value: string): ConversationCursor | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(value, "base64url").toString());
  if (!match?.[1] || !match[2]) return null;
  return { updatedAt: new Date(Number(match[1])), id: match[2] };
}

const summaryFields = { id: true, title: true, updatedAt: true } as const;

/** One page of the user's conversations, newest first (keyset pagination on updatedAt, id). */
export async function listConversations(
  userId: string,
  { after = null, limit = PAGE_SIZE }: { after?: ConversationCursor | null; limit?: number } = {},
) {
  const rows = await db.conversation.findMany({
    where: {
      userId,
      ...(after && {
        OR: [{ updatedAt: { lt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: summaryFields,
  });
  const conversations = rows.slice(0, limit);
  const last = conversations.at(-1);
  return { conversations, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export function findConversation(userId: string, id: string) {
  return db.conversation.findFirst({ where: { id, userId } });
}

/** Renames the user's conversation; null when it is not theirs. */
export async function renameConversation(userId: string, id: string, title: string) {
  // Raw SQL for titles: Prisma's @updatedAt would move a renamed conversation to the top of the
  // list, which is ordered by the last message.
  const count =
    await db.$executeRaw`UPDATE "Conversation" SET "title" = ${title} WHERE "id" = ${id} AND "userId" = ${userId}`;
  return count === 0 ? null : db.conversation.findFirst({ where: { id, userId }, select: summaryFields });
}

/**
 * Deletes the user's conversation; its messages go with it (cascade). Returns null when it is not
 * theirs, otherwise the replies that were still streaming, so their generation can be stopped, and
 * the Files API ids of its attachments, which the attachments forget, so they can be deleted there.
 */
export function deleteConversation(userId: string, id: string) {
  return db.$transaction(async (tx) => {
    const [streaming, userTurns] = await Promise.all([
      tx.message.findMany({
        where: { conversationId: id, conversation: { userId }, status: "streaming" },
        select: { id: true },
      }),
      tx.message.findMany({
        where: { conversationId: id, conversation: { userId }, role: "user" },
        select: { content: true },
      }),
    ]);
    const { count } = await tx.conversation.deleteMany({ where: { id, userId } });
    if (count === 0) return null;
    const attachmentIds = [
      ...new Set(userTurns.flatMap((turn) => attachmentIdsOf(parseContent(turn.content)))),
    ];
    // An attachment used elsewhere too is uploaded again at its next send.
    const uploaded = await tx.attachment.findMany({
      where: { id: { in: attachmentIds }, userId, remoteFileId: { not: null } },
      select: { id: true, remoteFileId: true },
    });
    await tx.attachment.updateMany({
      where: { id: { in: uploaded.map((row) => row.id) }, userId },
      data: { remoteFileId: null },
    });
    return {
      streamingReplyIds: streaming.map((message) => message.id),
      remoteFileIds: uploaded.flatMap((row) => (row.remoteFileId ? [row.remoteFileId] : [])),
    };
  });
}

/** Sets the conversation's own copy of its system prompt; null when the conversation is not the user's. */
export async function updateSystemPrompt(
  userId: string,
  id: string,
  data: { systemPrompt: string | null; presetId: string | null },
) {
  const { count } = await db.conversation.updateMany({ where: { id, userId }, data });
  return count === 0 ? null : data;
}

/** Replaces a title only while it is still the one given at creation (the user may have renamed it since). */
export async function replaceInitialTitle(id: string, initialTitle: string, title: string) {
  // Raw SQL, like renameConversation: the new title does not move the conversation in the list.
  const count =
    await db.$executeRaw`UPDATE "Conversation" SET "title" = ${title} WHERE "id" = ${id} AND "title" = ${initialTitle}`;
  return { count };
}
