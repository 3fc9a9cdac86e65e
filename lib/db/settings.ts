import "server-only";
import { db } from "./client";

export interface UserSettings {
  promptCaching: boolean;
  /** Claude may search this user's earlier conversations (the built-in search_conversations tool). */
  searchConversations: boolean;
}

const fields = { promptCaching: true, searchConversations: true } as const;

export async function getUserSettings(userId: string): Promise<UserSettings> {
  // Raw SQL: every reply reads this, and findUnique spends ~1 ms building the query where this
  // takes ~0.3 ms (bench:throughput). SQLite hands booleans back as 0/1 on some paths: Boolean().
  const rows = await db.$queryRaw<
    { promptCaching: boolean | number; searchConversations: boolean | number }[]
  >`
    SELECT "promptCaching", "searchConversations" FROM "User" WHERE "id" = ${userId}`;
  const user = rows[0];
  return {
    promptCaching: user ? Boolean(user.promptCaching) : true,
    searchConversations: user ? Boolean(user.searchConversations) : true,
  };
}

export function updateUserSettings(userId: string, settings: Partial<UserSettings>): Promise<UserSettings> {
  return db.user.update({ where: { id: userId }, data: settings, select: fields });
}
