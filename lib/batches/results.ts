// One line of an API batch's results (JSONL) as what the run stores for its item.
import type { MessageBatchIndividualResponse } from "@anthropic-ai/sdk/resources/messages/batches";
import type { ItemResult } from "@/lib/db/batch-poller";
import { batchCostUsd } from "./cost";
import { positionOf } from "./requests";

export function itemResult(model: string, line: MessageBatchIndividualResponse): ItemResult | null {
  const position = positionOf(line.custom_id);
  if (position === null) return null;
  const empty = {
    position,
    reply: null,
    stopReason: null,
    errorType: null,
    errorMessage: null,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costUsd: null,
  };
  const result = line.result;
  if (result.type === "succeeded") {
    const { message } = result;
    const usage = {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    };
    const reply = message.content
      .filter((block) => block.type === "text")
      .map((block) => block.text)
      .join("");
    return {
      ...empty,
      ...usage,
      status: "succeeded",
      reply,
      stopReason: message.stop_reason,
      costUsd: batchCostUsd(model, usage),
    };
  }
  if (result.type === "errored") {
    const error = result.error.error;
    return { ...empty, status: "errored", errorType: error.type, errorMessage: error.message.slice(0, 2000) };
  }
  return { ...empty, status: result.type };
}
