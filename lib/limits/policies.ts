// The request-rate limits per user and action, from the environment (scaled by LIMITS_SCALE).
import "server-only";
import { type Env, env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { sharedRateLimiter } from "@/lib/scale/shared-stores";
import { perMinuteRule } from "./bucket";
import { MemoryRateLimiter, type RateLimiter } from "./rate-limiter";

type PerMinuteVariable = {
  [K in keyof Env]: K extends `RATE_LIMIT_${string}_PER_MINUTE` ? K : never;
}[keyof Env];

const ACTIONS = {
  chat: {
    variable: "RATE_LIMIT_CHAT_PER_MINUTE",
    code: "rate_limited:chat",
    refusal: "You are sending messages faster than this server allows.",
  },
  search: {
    variable: "RATE_LIMIT_SEARCH_PER_MINUTE",
    code: "rate_limited:search",
    refusal: "Too many searches in a short time.",
  },
  upload: {
    variable: "RATE_LIMIT_UPLOAD_PER_MINUTE",
    code: "rate_limited:upload",
    refusal: "Too many uploads in a short time.",
  },
  import: {
    variable: "RATE_LIMIT_IMPORT_PER_MINUTE",
    code: "rate_limited:import",
    refusal: "Too many imports in a short time.",
  },
  count: {
    variable: "RATE_LIMIT_COUNT_PER_MINUTE",
    code: "rate_limited:count",
    refusal: "Too many token counts in a short time.",
  },
} as const satisfies Record<string, { variable: PerMinuteVariable; code: ErrorCode; refusal: string }>;

export type LimitedAction = keyof typeof ACTIONS;

const globalForLimits = globalThis as unknown as { rateLimiter?: RateLimiter };

/**
 * The process's limiter (kept on globalThis so that every route bundle shares one): in Redis or
 * PostgreSQL when several instances may share the allowances, else in memory.
 */
export function rateLimiter(): RateLimiter {
  globalForLimits.rateLimiter ??= sharedRateLimiter() ?? new MemoryRateLimiter();
  return globalForLimits.rateLimiter;
}

/** "12 seconds", "1 second", "3 minutes". */
export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Takes one `action` request from the user's allowance, or refuses with 429 and `retry-after`. */
export async function enforceRateLimit(
  userId: string,
  action: LimitedAction,
  config: Env = env(),
  limiter: RateLimiter = rateLimiter(),
): Promise<void> {
  const { variable, code, refusal } = ACTIONS[action];
  const rule = perMinuteRule(config[variable], config.LIMITS_SCALE);
  const result = await limiter.take(`${action}:${userId}`, rule);
  if (!result.ok) {
    const wait = result.retryAfterSeconds;
    throw AppError.retryable(code, `${refusal} Try again in ${waitText(wait)}.`, wait);
  }
}
