import { markInterruptedReplies } from "@/lib/db/messages";

export async function recoverInterruptedReplies(): Promise<void> {
  const { count } = await markInterruptedReplies();
  if (count > 0) console.log(`Marked ${count} interrupted repl${count === 1 ? "y" : "ies"} as failed.`);
}
