// The shared limits against real PostgreSQL and Redis: two limiter objects stand for two instances
// with their own connections; together they grant exactly one allowance, never one each.
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SignInGate } from "@/lib/auth/sign-in-gate";
import { PostgresSignInGate } from "@/lib/auth/sign-in-gate-postgres";
import { RedisSignInGate } from "@/lib/auth/sign-in-gate-redis";
import type { RateLimiter } from "@/lib/limits/rate-limiter";
import { PostgresRateLimiter } from "@/lib/limits/rate-limiter-postgres";
import { RedisRateLimiter } from "@/lib/limits/rate-limiter-redis";
import { PostgresReplySlots } from "@/lib/limits/reply-slots-postgres";
import { createDatabase, dropDatabase, redisUrl, runName } from "./support";

const pools: pg.Pool[] = [];
const redises: Redis[] = [];
beforeAll(async () => {
  const url = await createDatabase(`${runName}_limits`);
  pools.push(new pg.Pool({ connectionString: url, max: 4 }), new pg.Pool({ connectionString: url, max: 4 }));
  // Dropping the database at the end terminates connections still closing: expected, not a failure
  // (unheard, a pool's "error" event is an uncaught exception that fails the whole run).
  for (const pool of pools) pool.on("error", () => {});
  redises.push(new Redis(redisUrl), new Redis(redisUrl));
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  for (const redis of redises) redis.disconnect();
  await dropDatabase(`${runName}_limits`);
});

const prefix = `${runName}:`;
const limiters: Record<string, () => [RateLimiter, RateLimiter]> = {
  PostgreSQL: () => [new PostgresRateLimiter(pools[0]!), new PostgresRateLimiter(pools[1]!)],
  Redis: () => [new RedisRateLimiter(redises[0]!, prefix), new RedisRateLimiter(redises[1]!, prefix)],
};
const gates: Record<string, () => [SignInGate, SignInGate]> = {
  PostgreSQL: () => [new PostgresSignInGate(pools[0]!), new PostgresSignInGate(pools[1]!)],
  Redis: () => [new RedisSignInGate(redises[0]!, prefix), new RedisSignInGate(redises[1]!, prefix)],
};

describe.each(["PostgreSQL", "Redis"])("shared limits in %s", (store) => {
  it("grants a bucket's burst once across instances, then refills at the rule's rate", async () => {
    const [a, b] = limiters[store]!();
    const rule = { capacity: 5, perSecond: 0.2 };
    const key = `chat:user-${store}`;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).take(key, rule)));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    for (const refused of results.filter((result) => !result.ok)) {
      expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(4);
      expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(5);
    }
    // Another key has its own bucket.
    expect(await a.take(`${key}-other`, rule)).toEqual({ ok: true, remaining: 4 });
    // A faster rule: empty now, one token back after 250 ms at 4 per second.
    const fast = { capacity: 2, perSecond: 4 };
    await a.take(`${key}-fast`, fast);
    await b.take(`${key}-fast`, fast);
    const refusedNow = await a.take(`${key}-fast`, fast);
    expect(refusedNow.ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await b.take(`${key}-fast`, fast)).ok).toBe(true);
  });

  it("counts failed sign-ins across instances: five free attempts in all, then a wait", async () => {
    const [a, b] = gates[store]!();
    const email = `someone-${store}@example.com`;
    const waits = await Promise.all(
      Array.from({ length: 9 }, (_, i) => (i % 2 ? a : b).begin(email, "10.0.0.1")),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    for (const wait of waits.filter((wait) => wait > 0)) {
      expect(wait).toBeGreaterThan(25_000);
      expect(wait).toBeLessThanOrEqual(30_000);
    }
    // Another address is not held back by these failures; a success clears the pair.
    expect(await a.begin(email, "10.0.0.2")).toBe(0);
    await b.succeeded(email, "10.0.0.2");
    expect(await a.begin(email, "10.0.0.2")).toBe(0);
  });
});

describe("concurrent-reply slots in PostgreSQL", () => {
  it("reserves at most `max` slots for a user across instances, and frees one on release", async () => {
    const a = new PostgresReplySlots(pools[0]!);
    const b = new PostgresReplySlots(pools[1]!);
    const reservations = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).reserve("u1", 3)),
    );
    const granted = reservations.filter((release) => release !== null);
    expect(granted).toHaveLength(3);
    expect(await a.reserve("u2", 3)).not.toBeNull();
    granted[0]!();
    const deadline = Date.now() + 2000;
    let again: (() => void) | null = null;
    while (!again && Date.now() < deadline) again = await b.reserve("u1", 3);
    expect(again).not.toBeNull();
    expect(await a.reserve("u1", 3)).toBeNull();
  });
});
