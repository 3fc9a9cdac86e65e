// Batch prices: the Message Batches API bills every token at half the standard price.
import { estimateCallUsd } from "@/lib/budget/estimate";
import { costUsd, priceOf, type TokenUsage } from "@/lib/pricing/cost";
import type { BatchRequest } from "./requests";

export const BATCH_DISCOUNT = 0.5;

/** What one item's usage costs at batch prices; null when the model's price is unknown. */
export function batchCostUsd(model: string, usage: TokenUsage): number | null {
  const cost = costUsd(model, usage);
  return cost === null ? null : cost * BATCH_DISCOUNT;
}

/** The estimate of a whole run at batch prices (the budget's estimate of each call, halved); null: price unknown. */
export function estimateBatchUsd(model: string, requests: BatchRequest[]): number | null {
  if (!priceOf(model)) return null;
  let total = 0;
  for (const request of requests) total += estimateCallUsd(request.params);
  return total * BATCH_DISCOUNT;
}
