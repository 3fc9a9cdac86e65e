// The seam for request-rate limits: one interface, kept in memory here for a single instance;
// several instances share rate-limiter-postgres.ts (a row per key updated in one statement) or
// rate-limiter-redis.ts (a script doing bucket.ts's arithmetic). `rateLimiter()` in policies.ts chooses.
import { type BucketRule, type BucketState, fullAt, type TakeResult, takeToken } from "./bucket";

export interface RateLimiter {
  /** Takes one request from the bucket `key` under `rule`. */
  take(key: string, rule: BucketRule): Promise<TakeResult>;
}

const SWEEP_FROM = 10_000;

/** Buckets in this process's memory; a full bucket is the same as none, so full ones are dropped. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { state: BucketState; full: number }>();
  private sweepAt = SWEEP_FROM;

  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, rule: BucketRule): Promise<TakeResult> {
    const now = this.now();
    const { state, result } = takeToken(this.buckets.get(key)?.state, rule, now);
    this.buckets.set(key, { state, full: fullAt(state, rule) });
    if (this.buckets.size >= this.sweepAt) this.sweep(now);
    return result;
  }

  /** Keys remembered (for tests). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number) {
    for (const [key, bucket] of this.buckets) if (bucket.full <= now) this.buckets.delete(key);
    this.sweepAt = Math.max(SWEEP_FROM, this.buckets.size * 2);
  }
}
