// Ownership of running replies across instances: each instance beats for the replies it generates,
// and every instance sweeps replies whose instance stopped beating (it crashed or was killed) into
// "interrupted", keeping their saved text. A single SQLite instance has no one else's replies: at
// start-up everything left streaming is its own and was cut off.
import "server-only";
import { beatReplies, markInterruptedReplies, markStaleReplies } from "@/lib/db/messages";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { scaleMode } from "./generation-bus";
import { instanceId, instancePrefix } from "./instance";

/** Marks replies that cannot be alive any more; at start-up also those of this instance's previous run. */
export async function sweepStaleReplies(atStartUp = false): Promise<number> {
  if (atStartUp && scaleMode() === "single") return (await markInterruptedReplies()).count;
  const staleBefore = new Date(Date.now() - env().HEARTBEAT_STALE_MS);
  const { count } = await markStaleReplies(staleBefore, atStartUp ? instancePrefix() : undefined);
  return count;
}

const globalForLiveness = globalThis as unknown as { livenessTimers?: ReturnType<typeof setInterval>[] };

/** Starts the heartbeat of this instance's replies and, with several instances possible, the sweep. */
export function startLiveness() {
  if (globalForLiveness.livenessTimers) return;
  const config = env();
  const me = instanceId();
  const beat = setInterval(() => {
    beatReplies(me).catch((error: unknown) => logger.warn({ err: error }, "reply heartbeat failed"));
  }, config.HEARTBEAT_INTERVAL_MS);
  const timers = [beat];
  if (scaleMode() !== "single") {
    const sweep = setInterval(() => {
      sweepStaleReplies()
        .then(
          (count) => count > 0 && logger.info({ count }, "replies of a stopped instance marked interrupted"),
        )
        .catch((error: unknown) => logger.warn({ err: error }, "sweep of stale replies failed"));
    }, config.SWEEP_INTERVAL_MS);
    timers.push(sweep);
  }
  for (const timer of timers) timer.unref?.();
  globalForLiveness.livenessTimers = timers;
}
