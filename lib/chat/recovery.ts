import { logger } from "@/lib/log";
import { generationBus } from "@/lib/scale/generation-bus";
import { startLiveness, sweepStaleReplies } from "@/lib/scale/liveness";

/** At start-up: replies cut off by a stop (this instance's, or a dead one's) are marked interrupted. */
export async function recoverInterruptedReplies(): Promise<void> {
  const count = await sweepStaleReplies(true);
  if (count > 0) logger.info({ count }, "interrupted replies marked as failed");
  startLiveness();
  generationBus(); // listening from the start: other instances may ask for this one's replies
}
