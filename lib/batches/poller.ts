// The batch poller: one app instance at a time (whoever holds the "batch-poller" lease) retrieves
// each open batch's API batches with backoff, and when one ends stores its results per item and
// records their cost. State lives in the database only, so a restart, or another instance taking the
// lease over, carries on where the last poll stopped.
import "server-only";
import { APIError } from "@anthropic-ai/sdk";
import {
  type DueBatch,
  dueBatches,
  failBatch,
  hasOpenBatch,
  type ItemResult,
  postponeBatch,
  refreshBatch,
  storeResults,
  updatePart,
} from "@/lib/db/batch-poller";
import { acquireLease } from "@/lib/db/leases";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { anthropic } from "@/lib/model/client";
import { providerLacks } from "@/lib/model/providers";
import { instanceId } from "@/lib/scale/instance";
import { itemResult } from "./results";

export const POLLER_LEASE = "batch-poller";
const STORE_CHUNK = 500;
const MAX_BACKOFF_FACTOR = 30;

/** When a batch polled `pollCount` times is looked at again: the interval growing 1.5× a poll, capped. */
export function nextPollAt(pollCount: number, intervalMs: number, now = Date.now()): Date {
  const delay = Math.min(intervalMs * 1.5 ** pollCount, intervalMs * MAX_BACKOFF_FACTOR);
  return new Date(now + Math.round(delay));
}

/** The lease outlives a few ticks, so a live holder always renews it in time. */
export const leaseTtlMs = (intervalMs: number) => intervalMs * 4 + 5000;

async function storePart(batch: DueBatch, remoteId: string) {
  const decoder = await (await anthropic()).messages.batches.results(remoteId);
  let chunk: ItemResult[] = [];
  for await (const line of decoder) {
    const result = itemResult(batch.model, line);
    if (result) chunk.push(result);
    if (chunk.length >= STORE_CHUNK) {
      await storeResults(batch, remoteId, chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await storeResults(batch, remoteId, chunk);
}

async function pollBatch(batch: DueBatch, intervalMs: number) {
  try {
    for (const part of batch.parts) {
      const remote = await (await anthropic()).messages.batches.retrieve(part.remoteId);
      const counts = remote.request_counts;
      if (remote.processing_status === "ended") {
        await storePart(batch, part.remoteId);
        await updatePart(part.id, "stored", counts);
      } else await updatePart(part.id, remote.processing_status, counts);
    }
    await refreshBatch(batch.id, nextPollAt(batch.pollCount, intervalMs));
  } catch (error) {
    if (error instanceof APIError && error.status === 404) {
      logger.warn({ batchId: batch.id }, "the API no longer knows this batch");
      await failBatch(batch.id, "remote_missing");
      return;
    }
    logger.warn({ err: error, batchId: batch.id }, "batch poll failed; retrying later");
    await postponeBatch(batch.id, nextPollAt(batch.pollCount, intervalMs));
  }
}

/**
 * One round: while any batch is open, takes or renews the lease and, holding it, polls the batches
 * that are due. Resolves whether it held the lease.
 */
export async function pollOnce(holder = instanceId()): Promise<boolean> {
  const intervalMs = env().BATCH_POLL_INTERVAL_MS;
  if (!(await hasOpenBatch())) return false;
  if (!(await acquireLease(POLLER_LEASE, holder, leaseTtlMs(intervalMs)))) return false;
  for (const batch of await dueBatches(new Date())) await pollBatch(batch, intervalMs);
  return true;
}

const globalForPoller = globalThis as unknown as { batchPoller?: boolean };

/** Starts polling on this instance (once per process); every instance runs it, the lease picks one. */
export function startBatchPoller() {
  // A platform without the Batches API has no batch to poll (batches from before a switch stay as they were).
  if (globalForPoller.batchPoller || providerLacks("batches")) return;
  globalForPoller.batchPoller = true;
  const intervalMs = env().BATCH_POLL_INTERVAL_MS;
  const tick = () => {
    pollOnce()
      .catch((error: unknown) => logger.warn({ err: error }, "batch poller round failed"))
      .finally(() => setTimeout(tick, intervalMs).unref?.());
  };
  setTimeout(tick, 0).unref?.();
}
