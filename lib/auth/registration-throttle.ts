// Registration attempts per address, counted in Redis or PostgreSQL when several instances may
// run (the same bucket as registration-limit.ts: REGISTRATIONS_PER_HOUR × LIMITS_SCALE, refilled
// over an hour), else in this process's memory.
import "server-only";
import { env } from "@/lib/env";
import type { RateLimiter } from "@/lib/limits/rate-limiter";
import { sharedRateLimiter } from "@/lib/scale/shared-stores";
import { registrationsPerHour, takeRegistration } from "./registration-limit";

const globalForGate = globalThis as unknown as { registrationLimiter?: RateLimiter | null };

/** Counts a registration attempt from `addressGroup`: 0 when allowed, else the ms to wait. */
export async function takeRegistrationAttempt(addressGroup: string): Promise<number> {
  if (globalForGate.registrationLimiter === undefined)
    globalForGate.registrationLimiter = sharedRateLimiter();
  const shared = globalForGate.registrationLimiter;
  if (!shared) return takeRegistration(addressGroup);
  const perHour = registrationsPerHour(env());
  const result = await shared.take(`register:${addressGroup}`, {
    capacity: perHour,
    perSecond: perHour / 3600,
  });
  return result.ok ? 0 : result.retryAfterSeconds * 1000;
}
