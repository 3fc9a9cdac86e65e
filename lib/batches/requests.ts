// The Messages requests of a batch and how they are cut into API batches under the API's limits.
import type { MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";

export interface BatchSettings {
  model: string;
  maxTokens: number;
  systemPrompt: string | null;
}

export interface BatchRequest {
  custom_id: string;
  params: MessageCreateParamsNonStreaming;
}

/** The API's limits per batch: request count and body size. */
export const API_LIMITS = { maxRequests: 100_000, maxBytes: 256 * 1024 * 1024 };

/** The custom_id of item `position`: matches the API's ^[a-zA-Z0-9_-]{1,64}$ and is unique in a run. */
export const customIdOf = (position: number) => `item-${position}`;

export function positionOf(customId: string): number | null {
  const match = /^item-(\d+)$/.exec(customId);
  return match ? Number(match[1]) : null;
}

export function batchRequest(settings: BatchSettings, position: number, prompt: string): BatchRequest {
  return {
    custom_id: customIdOf(position),
    params: {
      model: settings.model,
      max_tokens: settings.maxTokens,
      ...(settings.systemPrompt ? { system: settings.systemPrompt } : {}),
      messages: [{ role: "user", content: prompt }],
    },
  };
}

const encoder = new TextEncoder();
/** `{"requests":[` … `]}` around the requests, with a comma between two. */
const ENVELOPE_BYTES = 16;

/**
 * Cuts the requests into API batches, in order, each within `limits` (a request alone over the byte
 * limit still gets its own batch: the API refuses it and the run says why).
 */
export function splitRequests<T>(requests: T[], limits = API_LIMITS): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const request of requests) {
    const size = encoder.encode(JSON.stringify(request)).length + 1;
    if (current.length > 0 && (current.length >= limits.maxRequests || bytes + size > limits.maxBytes)) {
      parts.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    current.push(request);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
