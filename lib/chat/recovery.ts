import { markInterruptedReplies } from "@/lib/db/messages";
import { logger } from "@/lib/log";

export async function recoverInterruptedReplies(): Promise<void> {
  const { count } = await markInterruptedReplies();
  if (count > 0) logger.info({ count }, "interrupted replies marked as failed");
}
