import "server-only";
import { db } from "./client";

export interface UserSettings {
  promptCaching: boolean;
}

export async function getUserSettings(userId: string): Promise<UserSettings> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { promptCaching: true } });
  return { promptCaching: user?.promptCaching ?? true };
}

export async function updateUserSettings(userId: string, settings: UserSettings): Promise<UserSettings> {
  return db.user.update({ where: { id: userId }, data: settings, select: { promptCaching: true } });
}
