// The exact input tokens of the request the composer would send, from the Messages API's counting
// endpoint; where an endpoint cannot count (a gateway, a 404), a rough estimate marked as such.
import "server-only";
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { logger } from "@/lib/log";
import { providerLacks } from "@/lib/model/providers";

/** The request fields the counting endpoint takes (it refuses max_tokens, sampling and the rest). */
const COUNTED_FIELDS = [
  "model",
  "messages",
  "system",
  "tools",
  "tool_choice",
  "thinking",
  "mcp_servers",
] as const;

export interface TokenCount {
  inputTokens: number;
  exact: boolean;
}

export function countableRequest(request: MessageCreateParamsBase & { betas?: string[] }) {
  const counted: Record<string, unknown> = {};
  for (const field of COUNTED_FIELDS) {
    const value = (request as unknown as Record<string, unknown>)[field];
    if (value !== undefined) counted[field] = value;
  }
  return { counted, betas: request.betas };
}

/** About four characters of the request's JSON per token: only for when the API cannot count. */
export function estimateTokens(counted: Record<string, unknown>): number {
  return Math.ceil(JSON.stringify(counted).length / 4);
}

export async function countTokens(
  client: Anthropic,
  request: MessageCreateParamsBase & { betas?: string[] },
  signal?: AbortSignal,
): Promise<TokenCount> {
  const { counted, betas } = countableRequest(request);
  if (providerLacks("count_tokens")) return { inputTokens: estimateTokens(counted), exact: false };
  try {
    const params = counted as unknown as Anthropic.Messages.MessageCountTokensParams;
    const result = betas
      ? await client.beta.messages.countTokens({ ...params, betas } as never, { signal })
      : await client.messages.countTokens(params, { signal });
    return { inputTokens: result.input_tokens, exact: true };
  } catch (error) {
    if (signal?.aborted) throw error;
    logger.debug({ err: error }, "token counting unavailable; estimating");
    return { inputTokens: estimateTokens(counted), exact: false };
  }
}
