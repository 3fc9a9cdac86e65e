// The cap on replies being generated at once for one user. The count comes from the database (replies
// with status "streaming"), so it holds across app instances and needs no clean-up after a crash
// (recovery marks such replies interrupted); requests between this check and their saved turn are
// counted in this process's memory, or on PostgreSQL in a reservation table under a lock, so a burst
// of parallel requests cannot slip through, even spread over several instances.
import "server-only";
import { countGeneratingReplies } from "@/lib/db/messages";
import { type Env, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sharedReplySlots } from "@/lib/scale/shared-stores";
import { ReplySlots } from "./reply-slots";

/** Seconds a refused user is told to wait: replies usually end (or can be stopped) within that. */
const RETRY_AFTER_SECONDS = 5;

type Slots = Pick<ReplySlots, "reserve">;
const globalForSlots = globalThis as unknown as { replySlots?: Slots };

function replySlots(): Slots {
  globalForSlots.replySlots ??= sharedReplySlots() ?? new ReplySlots(countGeneratingReplies);
  return globalForSlots.replySlots;
}

export function maxConcurrentReplies(config: Env = env()): number {
  return Math.max(1, Math.floor(config.MAX_CONCURRENT_REPLIES * config.LIMITS_SCALE));
}

/** Reserves a reply slot for the user or refuses with 429; call the returned release when saved. */
export async function reserveReplySlot(userId: string): Promise<() => void> {
  const max = maxConcurrentReplies();
  const release = await replySlots().reserve(userId, max);
  if (release) return release;
  const replies = max === 1 ? "A reply is" : `${max} replies are`;
  throw AppError.retryable(
    "rate_limited:replies",
    `${replies} already being written for you. Wait for one to finish (or stop it), then try again.`,
    RETRY_AFTER_SECONDS,
  );
}
