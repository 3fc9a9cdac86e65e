// Which of the organisation's limits a 429 hit and when it resets: the anthropic-ratelimit-* header
// whose remaining is 0, else the error message ("… rate limit of 30,000 input tokens per minute …"),
// so that the user reads "input tokens per minute, resets at 15:32" instead of a bare "rate limited".
import { parseRateLimits, type RateLimitKind } from "@/lib/model/rate-limits";

/** `spend`: the organisation's monthly spend cap (a 429 that retrying does not cure). */
export type RateLimitName = "requests" | "input_tokens" | "output_tokens" | "tokens" | "spend";

export interface RateLimitHit {
  limit: RateLimitName | null;
  /** ISO instant the limit resets, when the response says it. */
  resetsAt: string | null;
}

const NAMES: [RateLimitKind, RateLimitName][] = [
  ["requests", "requests"],
  ["inputTokens", "input_tokens"],
  ["outputTokens", "output_tokens"],
  ["tokens", "tokens"],
];

const BY_MESSAGE: [RegExp, RateLimitName][] = [
  [/usage limits|spend (limit|cap)|usage threshold/i, "spend"],
  [/input tokens/i, "input_tokens"],
  [/output tokens/i, "output_tokens"],
  [/requests/i, "requests"],
  [/tokens/i, "tokens"],
];

function fromMessage(message: string): RateLimitName | null {
  return BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}

/** The limit a 429 names; `retryAfterSeconds` stands in for a reset the headers do not give. */
export function rateLimitHit(
  headers: Headers | undefined,
  message: string,
  retryAfterSeconds: number | null,
  now: Date = new Date(),
): RateLimitHit {
  const snapshot = headers ? parseRateLimits(headers) : null;
  const exhausted = NAMES.find(([kind]) => snapshot?.[kind]?.remaining === 0);
  const limit = exhausted?.[1] ?? fromMessage(message);
  const reset = exhausted ? (snapshot?.[exhausted[0]]?.reset ?? null) : null;
  const resetsAt =
    reset ??
    (retryAfterSeconds !== null ? new Date(now.getTime() + retryAfterSeconds * 1000).toISOString() : null);
  return { limit, resetsAt };
}
