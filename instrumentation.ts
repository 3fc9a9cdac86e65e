// Runs once when the server starts: validate the environment (fail fast, naming the variable), stamp
// each request's TCP peer for lib/client-address, and mark replies that were generating when the
// previous process stopped as interrupted, and start the batch poller (it resumes from the database).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
  const { stampPeerAddresses } = await import("./lib/client-address/peer");
  stampPeerAddresses();
  const { recoverInterruptedReplies } = await import("./lib/chat/recovery");
  await recoverInterruptedReplies();
  const { startBatchPoller } = await import("./lib/batches/poller");
  startBatchPoller();
}
