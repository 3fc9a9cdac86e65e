import { beforeEach, describe, expect, it } from "vitest";
import { FailureThrottle, SIGN_IN_RULES, type ThrottleRule } from "@/lib/auth/throttle";

const MINUTE = 60_000;
const rule: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE };

let now: number;
let throttle: FailureThrottle;

beforeEach(() => {
  now = 1_000_000;
  throttle = new FailureThrottle(() => now);
});

function fail(key: string, times: number, stepMs = 0) {
  for (let i = 0; i < times; i++) {
    throttle.recordFailure(key, rule);
    now += stepMs;
  }
}

describe("FailureThrottle", () => {
  it("uses 5 failures per 15 minutes for an email and 20 for an IP", () => {
    expect(SIGN_IN_RULES.email).toEqual({ maxFailures: 5, windowMs: 15 * MINUTE });
    expect(SIGN_IN_RULES.ip).toEqual({ maxFailures: 20, windowMs: 15 * MINUTE });
  });

  it("lets an unknown key try", () => {
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(0);
  });

  it("does not lock after 4 failures", () => {
    fail("a@example.com", 4);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(0);
  });

  it("locks after the 5th failure for the whole window", () => {
    fail("a@example.com", 5);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(15 * MINUTE);
  });

  it("counts down from the oldest counted failure", () => {
    fail("a@example.com", 5, MINUTE); // failures at t0 … t0+4min, clock now at t0+5min
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(10 * MINUTE);
    now += 3 * MINUTE;
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(7 * MINUTE);
    now += 7 * MINUTE - 1;
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(1);
  });

  it("unlocks when the oldest failure leaves the window", () => {
    fail("a@example.com", 5, MINUTE);
    now += 10 * MINUTE; // oldest failure is now exactly windowMs old
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(0);
    // One more failure makes five recent ones again (t0+1min … t0+4min, now).
    throttle.recordFailure("a@example.com", rule);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(MINUTE);
  });

  it("lets failures outside the window expire instead of adding up", () => {
    fail("a@example.com", 4);
    now += 15 * MINUTE + 1;
    fail("a@example.com", 4);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(0);
    throttle.recordFailure("a@example.com", rule);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(15 * MINUTE);
  });

  it("keeps counting while locked: more failures push the unlock time out", () => {
    fail("a@example.com", 5, MINUTE);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(10 * MINUTE);
    throttle.recordFailure("a@example.com", rule); // 6th failure at t0+5min
    // The five most recent now start at t0+1min.
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(11 * MINUTE);
  });

  it("clear() resets a key", () => {
    fail("a@example.com", 5);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBeGreaterThan(0);
    throttle.clear("a@example.com");
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(0);
    fail("a@example.com", 4);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(0);
  });

  it("keeps keys independent", () => {
    fail("a@example.com", 5);
    fail("b@example.com", 4);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(15 * MINUTE);
    expect(throttle.retryAfterMs("b@example.com", rule)).toBe(0);
    throttle.clear("a@example.com");
    throttle.recordFailure("b@example.com", rule);
    expect(throttle.retryAfterMs("a@example.com", rule)).toBe(0);
    expect(throttle.retryAfterMs("b@example.com", rule)).toBe(15 * MINUTE);
  });

  it("applies each rule's own limit", () => {
    const ipRule = SIGN_IN_RULES.ip;
    for (let i = 0; i < 19; i++) throttle.recordFailure("ip:10.0.0.1", ipRule);
    expect(throttle.retryAfterMs("ip:10.0.0.1", ipRule)).toBe(0);
    throttle.recordFailure("ip:10.0.0.1", ipRule);
    expect(throttle.retryAfterMs("ip:10.0.0.1", ipRule)).toBe(15 * MINUTE);
  });

  it("uses Date.now by default", () => {
    const real = new FailureThrottle();
    for (let i = 0; i < 5; i++) real.recordFailure("k", rule);
    const wait = real.retryAfterMs("k", rule);
    expect(wait).toBeGreaterThan(15 * MINUTE - 5_000);
    expect(wait).toBeLessThanOrEqual(15 * MINUTE);
  });
});
