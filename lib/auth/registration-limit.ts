// Registrations per client address: a token bucket of REGISTRATIONS_PER_HOUR × LIMITS_SCALE that
// refills over an hour, in this process's memory. Every attempt that passes validation takes a
// token, whether the email is new or taken, so the limit says nothing about which emails exist.
import { type Env, env } from "@/lib/env";

const HOUR = 60 * 60_000;
const MAX_TRACKED_KEYS = 50_000;

export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes a token from `key`'s bucket: 0 when taken, else the ms until one is there (nothing taken). */
  take(key: string, capacity: number, refillMs: number): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updated: now };
    const tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updated) / refillMs) * capacity);
    this.buckets.delete(key); // re-inserted last: the Map's order is then least recently used first
    if (tokens < 1) {
      this.buckets.set(key, { tokens, updated: now });
      return Math.ceil(((1 - tokens) / capacity) * refillMs);
    }
    this.buckets.set(key, { tokens: tokens - 1, updated: now });
    if (this.buckets.size > MAX_TRACKED_KEYS) {
      const oldestKey = this.buckets.keys().next().value;
      if (oldestKey !== undefined) this.buckets.delete(oldestKey);
    }
    return 0;
  }
}

const globalForLimit = globalThis as unknown as { registrationBuckets?: TokenBucket };
const buckets = globalForLimit.registrationBuckets ?? new TokenBucket();
globalForLimit.registrationBuckets = buckets;

/** Registration attempts an address may make per hour (at least one). */
export function registrationsPerHour(limits: Pick<Env, "REGISTRATIONS_PER_HOUR" | "LIMITS_SCALE">): number {
  return Math.max(1, Math.floor(limits.REGISTRATIONS_PER_HOUR * limits.LIMITS_SCALE));
}

/** Counts a registration attempt from `addressGroup`: 0 when allowed, else the ms to wait. */
export function takeRegistration(
  addressGroup: string,
  bucket = buckets,
  limits: Pick<Env, "REGISTRATIONS_PER_HOUR" | "LIMITS_SCALE"> = env(),
): number {
  return bucket.take(addressGroup, registrationsPerHour(limits), HOUR);
}
