import "server-only";
import { db } from "./client";

export function listConversations(userId: string, take = 50) {
  return db.conversation.findMany({
    where: { userId },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, title: true, updatedAt: true },
  });
}

export function findConversation(userId: string, id: string) {
  return db.conversation.findFirst({ where: { id, userId } });
}

export function createConversation(
  userId: string,
  data: { title: string; model: string; systemPrompt?: string | null; presetId?: string | null },
) {
  return db.conversation.create({ data: { userId, ...data } });
}
