// What the browser gets of a batch and its items (dates as ISO strings, JSON columns parsed).
import type { BatchItemRow, BatchSummary } from "@/lib/db/batches";

export interface BatchView {
  id: string;
  name: string;
  model: string;
  status: string;
  itemCount: number;
  processing: number;
  succeeded: number;
  errored: number;
  canceled: number;
  expired: number;
  estimateUsd: number | null;
  costUsd: number | null;
  errorCode: string | null;
  createdAt: string;
  endedAt: string | null;
}

export function toBatchView(batch: BatchSummary): BatchView {
  return {
    id: batch.id,
    name: batch.name,
    model: batch.model,
    status: batch.status,
    itemCount: batch.itemCount,
    processing: batch.processing,
    succeeded: batch.succeeded,
    errored: batch.errored,
    canceled: batch.canceled,
    expired: batch.expired,
    estimateUsd: batch.estimateUsd,
    costUsd: batch.costUsd,
    errorCode: batch.errorCode,
    createdAt: batch.createdAt.toISOString(),
    endedAt: batch.endedAt?.toISOString() ?? null,
  };
}

export interface BatchItemView {
  id: string;
  position: number;
  input: Record<string, string>;
  status: string;
  reply: string | null;
  errorType: string | null;
  errorMessage: string | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
}

export function toItemView(item: BatchItemRow): BatchItemView {
  return {
    id: item.id,
    position: item.position,
    input: JSON.parse(item.input) as Record<string, string>,
    status: item.status,
    reply: item.reply,
    errorType: item.errorType,
    errorMessage: item.errorMessage,
    inputTokens: item.inputTokens,
    outputTokens: item.outputTokens,
    costUsd: item.costUsd,
  };
}

/** Items done, of all: what the progress bar shows. */
export const doneCount = (batch: BatchView) => batch.itemCount - batch.processing;
