import "server-only";
import { logger } from "@/lib/log";
import type { RateLimitSnapshot } from "@/lib/model/rate-limits";
import { db } from "./client";

/** Keeps the latest limits the API reported; a failure only loses this one report. */
export async function saveRateLimits(snapshot: RateLimitSnapshot, at: Date = new Date()): Promise<void> {
  const data = JSON.stringify(snapshot);
  try {
    await db.rateLimitSnapshot.upsert({
      where: { id: 1 },
      create: { id: 1, data, recordedAt: at },
      update: { data, recordedAt: at },
    });
  } catch (error) {
    logger.warn({ err: error }, "rate-limit headers could not be saved");
  }
}

export async function latestRateLimits(): Promise<{ limits: RateLimitSnapshot; recordedAt: Date } | null> {
  const row = await db.rateLimitSnapshot.findUnique({ where: { id: 1 } });
  if (!row) return null;
  try {
    return { limits: JSON.parse(row.data) as RateLimitSnapshot, recordedAt: row.recordedAt };
  } catch {
    return null;
  }
}
