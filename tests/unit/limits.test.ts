// Per-user limits: token-bucket arithmetic on an injected clock, the in-memory limiter, the refusals
// the routes send (429 + retry-after), and the concurrent-reply count.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type BucketRule, perMinuteRule, refill, takeToken } from "@/lib/limits/bucket";
import { enforceRateLimit, waitText } from "@/lib/limits/policies";
import { MemoryRateLimiter } from "@/lib/limits/rate-limiter";
import { ReplySlots } from "@/lib/limits/reply-slots";

const rule: BucketRule = { capacity: 3, perSecond: 0.5 }; // 3 at once, then one every 2 s

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, now: () => time.now };
}

describe("token bucket", () => {
  it("starts full, allows a burst of its capacity, then refuses with the wait for one token", () => {
    let state: ReturnType<typeof takeToken>["state"] | undefined;
    const results = [];
    for (let i = 0; i < 4; i++) {
      const step = takeToken(state, rule, 0);
      state = step.state;
      results.push(step.result);
    }
    expect(results).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
      { ok: false, retryAfterSeconds: 2 },
    ]);
  });

  it("refills continuously, never above the capacity", () => {
    expect(refill({ tokens: 0, at: 0 }, rule, 1000)).toEqual({ tokens: 0.5, at: 1000 });
    expect(refill({ tokens: 0, at: 0 }, rule, 60_000)).toEqual({ tokens: 3, at: 60_000 });
  });

  it("rounds a partial wait up to whole seconds, at least 1", () => {
    const { result } = takeToken({ tokens: 0.9, at: 0 }, rule, 0);
    expect(result).toEqual({ ok: false, retryAfterSeconds: 1 });
    const slow = takeToken({ tokens: 0, at: 0 }, { capacity: 1, perSecond: 1 / 60 }, 0);
    expect(slow.result).toEqual({ ok: false, retryAfterSeconds: 60 });
  });

  it("does not charge a refused request, and a clock going back adds nothing", () => {
    const refused = takeToken({ tokens: 0.25, at: 5000 }, rule, 5000);
    expect(refused.state.tokens).toBe(0.25);
    expect(refill({ tokens: 1, at: 5000 }, rule, 1000).tokens).toBe(1);
  });

  it("turns a per-minute allowance into a bucket, scaled, with at least one token", () => {
    expect(perMinuteRule(20)).toEqual({ capacity: 20, perSecond: 20 / 60 });
    expect(perMinuteRule(20, 1000)).toEqual({ capacity: 20_000, perSecond: 20_000 / 60 });
    expect(perMinuteRule(0.003, 1000)).toEqual({ capacity: 3, perSecond: 3 / 60 });
    expect(perMinuteRule(0.5).capacity).toBe(1);
  });
});

describe("MemoryRateLimiter", () => {
  it("keeps one bucket per key and refills it with the clock", async () => {
    const { time, now } = clock();
    const limiter = new MemoryRateLimiter(now);
    for (let i = 0; i < 3; i++) expect((await limiter.take("a", rule)).ok).toBe(true);
    expect(await limiter.take("a", rule)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect((await limiter.take("b", rule)).ok).toBe(true);
    time.now += 1999;
    expect((await limiter.take("a", rule)).ok).toBe(false);
    time.now += 1;
    expect(await limiter.take("a", rule)).toEqual({ ok: true, remaining: 0 });
  });

  it("forgets buckets that are full again once many keys are held", async () => {
    const { time, now } = clock();
    const limiter = new MemoryRateLimiter(now);
    for (let i = 0; i < 9_999; i++) await limiter.take(`user-${i}`, rule);
    expect(limiter.size).toBe(9_999);
    time.now += 2000; // every bucket is full again
    await limiter.take("late", rule);
    expect(limiter.size).toBe(1);
  });
});

describe("enforceRateLimit", () => {
  const config = parseEnv({ RATE_LIMIT_SEARCH_PER_MINUTE: "2" });

  it("refuses a burst past the allowance with rate_limited, 429 and retry-after", async () => {
    const limiter = new MemoryRateLimiter(clock().now);
    await enforceRateLimit("u1", "search", config, limiter);
    await enforceRateLimit("u1", "search", config, limiter);
    const refusal = await enforceRateLimit("u1", "search", config, limiter).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    const error = refusal as AppError;
    expect(error.code).toBe("rate_limited:search");
    expect(error.status).toBe(429);
    expect(error.headers).toEqual({ "retry-after": "30" });
    expect(error.message).toBe("Too many searches in a short time. Try again in 30 seconds.");
    // Per user and per action.
    await enforceRateLimit("u2", "search", config, limiter);
    await enforceRateLimit("u1", "chat", config, limiter);
  });

  it("multiplies the allowance by LIMITS_SCALE", async () => {
    const scaled = parseEnv({ RATE_LIMIT_IMPORT_PER_MINUTE: "1", LIMITS_SCALE: "3" });
    const limiter = new MemoryRateLimiter(clock().now);
    for (let i = 0; i < 3; i++) await enforceRateLimit("u", "import", scaled, limiter);
    await expect(enforceRateLimit("u", "import", scaled, limiter)).rejects.toMatchObject({
      code: "rate_limited:import",
      retryAfter: 20,
    });
  });

  it("says how long to wait in words", () => {
    expect(waitText(1)).toBe("1 second");
    expect(waitText(45)).toBe("45 seconds");
    expect(waitText(600)).toBe("10 minutes");
  });
});

describe("ReplySlots", () => {
  it("allows up to max replies counting the stored ones and those still being saved", async () => {
    const generating = new Map([["u", 1]]);
    const slots = new ReplySlots(async (userId) => generating.get(userId) ?? 0);
    const first = await slots.reserve("u", 3);
    const second = await slots.reserve("u", 3);
    expect(first).toBeTypeOf("function");
    expect(second).toBeTypeOf("function");
    expect(await slots.reserve("u", 3)).toBeNull();
    expect(await slots.reserve("other", 3)).not.toBeNull();
    // Saved: the reply is now counted by the store, and the reservation is released (twice is once).
    generating.set("u", 2);
    first?.();
    first?.();
    expect(await slots.reserve("u", 3)).toBeNull();
    generating.set("u", 0);
    expect(await slots.reserve("u", 3)).not.toBeNull();
  });

  it("counts requests that arrive together before any is saved", async () => {
    const slots = new ReplySlots(async () => 0);
    const results = await Promise.all(Array.from({ length: 5 }, () => slots.reserve("u", 2)));
    expect(results.filter((release) => release !== null)).toHaveLength(2);
  });

  it("releases its reservation when the count fails", async () => {
    let fail = true;
    const slots = new ReplySlots(async () => {
      if (fail) throw new Error("database down");
      return 0;
    });
    await expect(slots.reserve("u", 1)).rejects.toThrow("database down");
    fail = false;
    expect(await slots.reserve("u", 1)).not.toBeNull();
  });
});
