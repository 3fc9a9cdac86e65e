import { beforeEach, describe, expect, it } from "vitest";
import {
  type BackoffRule,
  BackoffThrottle,
  beginSignIn,
  delayAfter,
  SIGN_IN_RULES,
  signInSucceeded,
} from "@/lib/auth/throttle";
import { describeWait } from "@/lib/auth/wait";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const rule: BackoffRule = SIGN_IN_RULES.emailAndAddress;

let now: number;
let throttle: BackoffThrottle;

beforeEach(() => {
  now = 1_000_000;
  throttle = new BackoffThrottle(() => now);
});

function fail(key: string, times: number, stepMs = 0) {
  for (let i = 0; i < times; i++) {
    throttle.recordFailure(key, rule);
    now += stepMs;
  }
}

describe("the delay schedule", () => {
  it("allows 5 failures per (email, address), then waits 30 s, doubling up to 15 min", () => {
    expect(rule).toEqual({
      freeFailures: 5,
      firstDelayMs: 30 * SECOND,
      maxDelayMs: 15 * MINUTE,
      forgetAfterMs: 15 * MINUTE,
    });
    const waits = [4, 5, 6, 7, 8, 9, 10, 11, 50].map((failures) => delayAfter(failures, rule));
    expect(waits).toEqual([0, 30, 60, 120, 240, 480, 900, 900, 900].map((seconds) => seconds * SECOND));
  });

  it("is looser per address alone (30 failures across emails)", () => {
    expect(SIGN_IN_RULES.address.freeFailures).toBe(30);
    expect(delayAfter(29, SIGN_IN_RULES.address)).toBe(0);
    expect(delayAfter(30, SIGN_IN_RULES.address)).toBe(30 * SECOND);
  });
});

describe("BackoffThrottle", () => {
  it("lets an unknown key and 4 failures try at once", () => {
    expect(throttle.retryAfterMs("k", rule)).toBe(0);
    fail("k", 4);
    expect(throttle.retryAfterMs("k", rule)).toBe(0);
  });

  it("counts the wait down from the last failure", () => {
    fail("k", 5, 10 * SECOND); // the last failure 10 s ago
    expect(throttle.retryAfterMs("k", rule)).toBe(20 * SECOND);
    now += 20 * SECOND;
    expect(throttle.retryAfterMs("k", rule)).toBe(0);
  });

  it("doubles the wait with each failure after it", () => {
    fail("k", 5);
    now += 30 * SECOND;
    fail("k", 1);
    expect(throttle.retryAfterMs("k", rule)).toBe(60 * SECOND);
    now += 60 * SECOND;
    fail("k", 1);
    expect(throttle.retryAfterMs("k", rule)).toBe(120 * SECOND);
  });

  it("forgets failures 15 minutes after the wait is over, not before", () => {
    fail("k", 5);
    now += 30 * SECOND + 15 * MINUTE;
    fail("k", 1); // still remembered: this is the 6th
    expect(throttle.retryAfterMs("k", rule)).toBe(60 * SECOND);
    now += 60 * SECOND + 15 * MINUTE + 1;
    fail("k", 1); // forgotten: this is the 1st
    expect(throttle.retryAfterMs("k", rule)).toBe(0);
    fail("k", 3);
    expect(throttle.retryAfterMs("k", rule)).toBe(0);
  });

  it("clear() resets a key and forgiveOne() takes back one failure", () => {
    fail("k", 5);
    throttle.forgiveOne("k");
    expect(throttle.retryAfterMs("k", rule)).toBe(0);
    fail("k", 1);
    expect(throttle.retryAfterMs("k", rule)).toBe(30 * SECOND);
    throttle.clear("k");
    expect(throttle.retryAfterMs("k", rule)).toBe(0);
  });
});

describe("sign-in throttling", () => {
  const owner = "owner@example.com";

  /** An attempt with a wrong password: let through (0) or refused; one let through stays counted. */
  function wrongPassword(email: string, group: string) {
    return beginSignIn(email, group, throttle);
  }

  it("does not lock the owner out when others keep failing from 5 other addresses", () => {
    for (let address = 0; address < 5; address++) {
      for (let i = 0; i < 10; i++) wrongPassword(owner, `203.0.113.${address}`);
    }
    expect(beginSignIn(owner, "198.51.100.7", throttle)).toBe(0);
  });

  it("makes one address wait after 5 failures for an email, and only that pair", () => {
    for (let i = 0; i < 5; i++) expect(wrongPassword(owner, "203.0.113.9")).toBe(0);
    expect(beginSignIn(owner, "203.0.113.9", throttle)).toBe(30 * SECOND);
    expect(beginSignIn(owner, "198.51.100.7", throttle)).toBe(0);
    expect(beginSignIn("someone-else@example.com", "203.0.113.9", throttle)).toBe(0);
  });

  it("does not count refused attempts: the wait does not grow while waiting", () => {
    for (let i = 0; i < 5; i++) wrongPassword(owner, "203.0.113.9");
    now += 10 * SECOND;
    for (let i = 0; i < 20; i++) expect(beginSignIn(owner, "203.0.113.9", throttle)).toBe(20 * SECOND);
  });

  it("counts attempts up front, so parallel guesses cannot all pass the check", () => {
    const waits = Array.from({ length: 8 }, () => beginSignIn(owner, "203.0.113.9", throttle));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
  });

  it("makes an address that fails for many emails wait after 30 failures", () => {
    for (let i = 0; i < 30; i++) expect(wrongPassword(`user-${i}@example.com`, "203.0.113.9")).toBe(0);
    expect(beginSignIn("fresh@example.com", "203.0.113.9", throttle)).toBe(30 * SECOND);
    expect(beginSignIn("fresh@example.com", "198.51.100.7", throttle)).toBe(0);
  });

  it("clears the pair on success and takes back the address's up-front count", () => {
    for (let i = 0; i < 4; i++) wrongPassword(owner, "203.0.113.9");
    expect(beginSignIn(owner, "203.0.113.9", throttle)).toBe(0);
    signInSucceeded(owner, "203.0.113.9", throttle); // the pair is clear; the address counts 4 failures
    for (let i = 0; i < 4; i++) wrongPassword(owner, "203.0.113.9");
    expect(beginSignIn(owner, "203.0.113.9", throttle)).toBe(0); // 5th since the success: let through
    for (let i = 0; i < 21; i++) expect(wrongPassword(`user-${i}@example.com`, "203.0.113.9")).toBe(0);
    expect(beginSignIn("fresh@example.com", "203.0.113.9", throttle)).toBe(30 * SECOND); // 4 + 5 + 21
  });
});

describe("describeWait", () => {
  it.each([
    [1, { amount: 1, unit: "s" }],
    [29_001, { amount: 30, unit: "s" }],
    [119_000, { amount: 119, unit: "s" }],
    [120_000, { amount: 2, unit: "min" }],
    [15 * MINUTE, { amount: 15, unit: "min" }],
  ])("%i ms reads %j", (ms, wait) => {
    expect(describeWait(ms)).toEqual(wait);
  });
});
