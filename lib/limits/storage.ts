// The per-user storage quota: the sum of the sizes of the user's stored images (scaled by LIMITS_SCALE).
import "server-only";
import { sha256Hex, storageUsage } from "@/lib/db/attachments";
import { type Env, env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const MB = 1024 * 1024;

export function storageQuotaBytes(config: Env = env()): number {
  return Math.floor(config.STORAGE_QUOTA_MB * config.LIMITS_SCALE * MB);
}

/** "1.5 MB", "12 KB". */
export function sizeText(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

/**
 * Refuses (413) images that would take the user's stored images over the quota. Images the user has
 * stored already (same bytes) take no more room. Concurrent uploads may each pass: a soft limit.
 */
export async function assertStorageRoom(
  userId: string,
  images: readonly Uint8Array[],
  quota = storageQuotaBytes(),
): Promise<void> {
  const bySha = new Map(images.map((bytes) => [sha256Hex(bytes), bytes.length]));
  const { usedBytes, stored } = await storageUsage(userId, [...bySha.keys()]);
  let added = 0;
  for (const [sha, size] of bySha) if (!stored.has(sha)) added += size;
  if (added > 0 && usedBytes + added > quota) {
    throw new AppError(
      "quota_exceeded:storage",
      `Not enough storage: this would bring your stored images to ${sizeText(usedBytes + added)}, ` +
        `over your quota of ${sizeText(quota)}.`,
    );
  }
}
