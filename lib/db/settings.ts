import "server-only";
import { db } from "./client";

export interface UserSettings {
  promptCaching: boolean;
  /** Claude may search this user's earlier conversations (the built-in search_conversations tool). */
  searchConversations: boolean;
}

const fields = { promptCaching: true, searchConversations: true } as const;

export async function getUserSettings(userId: string): Promise<UserSettings> {
  const user = await db.user.findUnique({ where: { id: userId }, select: fields });
  return {
    promptCaching: user?.promptCaching ?? true,
    searchConversations: user?.searchConversations ?? true,
  };
}

export function updateUserSettings(userId: string, settings: Partial<UserSettings>): Promise<UserSettings> {
  return db.user.update({ where: { id: userId }, data: settings, select: fields });
}
