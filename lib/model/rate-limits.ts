// The Messages API's rate-limit headers (anthropic-ratelimit-<kind>-limit / -remaining / -reset),
// read from each response so that admins can see how close the team is to the organisation's limits.

export const RATE_LIMIT_KINDS = {
  requests: "requests",
  inputTokens: "input-tokens",
  outputTokens: "output-tokens",
  tokens: "tokens",
} as const;

export type RateLimitKind = keyof typeof RATE_LIMIT_KINDS;

export interface RateLimit {
  limit: number | null;
  remaining: number | null;
  /** ISO instant when the allowance is fully replenished, as the API says it. */
  reset: string | null;
}

export type RateLimitSnapshot = Partial<Record<RateLimitKind, RateLimit>>;

function count(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

function instant(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The limits a response reports; null when it carries none (e.g. another compatible endpoint). */
export function parseRateLimits(headers: Headers): RateLimitSnapshot | null {
  const snapshot: RateLimitSnapshot = {};
  for (const [kind, name] of Object.entries(RATE_LIMIT_KINDS) as [RateLimitKind, string][]) {
    const prefix = `anthropic-ratelimit-${name}`;
    const limit: RateLimit = {
      limit: count(headers.get(`${prefix}-limit`)),
      remaining: count(headers.get(`${prefix}-remaining`)),
      reset: instant(headers.get(`${prefix}-reset`)),
    };
    if (limit.limit !== null || limit.remaining !== null || limit.reset !== null) snapshot[kind] = limit;
  }
  return Object.keys(snapshot).length > 0 ? snapshot : null;
}
