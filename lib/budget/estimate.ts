// The estimated cost of the next Messages-API call, counted against the budget before it is made.
// Deliberately on the high side for input (about 3 characters per token, every image at its largest
// size) and bounded for output: the reply's expected length, not max_tokens, which would refuse
// long before the budget is used up. The ledger then records the exact cost.
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { costUsd } from "@/lib/pricing/cost";

const CHARS_PER_TOKEN = 3;
/** An image downscaled to at most 1568 px costs at most ~1,600 tokens. */
const IMAGE_TOKENS = 1600;
/** Output counted for a call: this many tokens, or max_tokens when smaller. */
export const EXPECTED_OUTPUT_TOKENS = 1024;

/** Input tokens of a request, roughly: text by length, images at their maximum, other files by size. */
export function estimateInputTokens(request: Pick<MessageCreateParamsBase, "messages" | "system" | "tools">) {
  let chars = 0;
  let tokens = 0;
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === "string") {
      chars += value.length;
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (record.type === "image" && key !== "source") {
      tokens += IMAGE_TOKENS;
      return;
    }
    for (const [name, child] of Object.entries(record)) {
      // Base64 payloads (documents): their decoded size in characters.
      if (name === "data" && typeof child === "string" && record.type === "base64")
        chars += (child.length * 3) / 4;
      else visit(child, name);
    }
  };
  visit(request.system);
  visit(request.messages);
  visit(request.tools);
  return tokens + Math.ceil(chars / CHARS_PER_TOKEN);
}

/** The estimated cost in USD; 0 when the model's price is unknown (such calls are recorded, never guessed). */
export function estimateCallUsd(request: MessageCreateParamsBase): number {
  const outputTokens = Math.min(request.max_tokens, EXPECTED_OUTPUT_TOKENS);
  const cost = costUsd(request.model, {
    inputTokens: estimateInputTokens(request),
    outputTokens,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
  });
  return cost ?? 0;
}
