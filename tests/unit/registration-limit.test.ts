import { beforeEach, describe, expect, it } from "vitest";
import { registrationsPerHour, TokenBucket, takeRegistration } from "@/lib/auth/registration-limit";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let now: number;
let bucket: TokenBucket;

beforeEach(() => {
  now = 5_000_000;
  bucket = new TokenBucket(() => now);
});

describe("registration limit per address", () => {
  it("allows REGISTRATIONS_PER_HOUR (10 by default) × LIMITS_SCALE, at least one", () => {
    expect(registrationsPerHour({ REGISTRATIONS_PER_HOUR: 10, LIMITS_SCALE: 1 })).toBe(10);
    expect(registrationsPerHour({ REGISTRATIONS_PER_HOUR: 10, LIMITS_SCALE: 1000 })).toBe(10_000);
    expect(registrationsPerHour({ REGISTRATIONS_PER_HOUR: 10, LIMITS_SCALE: 0.25 })).toBe(2);
    expect(registrationsPerHour({ REGISTRATIONS_PER_HOUR: 1, LIMITS_SCALE: 0.01 })).toBe(1);
  });

  it("refuses the attempt after the allowance with the wait until the next one", () => {
    const limits = { REGISTRATIONS_PER_HOUR: 10, LIMITS_SCALE: 1 };
    for (let i = 0; i < 10; i++) expect(takeRegistration("203.0.113.9", bucket, limits)).toBe(0);
    expect(takeRegistration("203.0.113.9", bucket, limits)).toBe(6 * MINUTE);
    expect(takeRegistration("198.51.100.7", bucket, limits)).toBe(0);
    now += 6 * MINUTE;
    expect(takeRegistration("203.0.113.9", bucket, limits)).toBe(0);
    expect(takeRegistration("203.0.113.9", bucket, limits)).toBe(6 * MINUTE);
  });

  it("scales with LIMITS_SCALE", () => {
    const limits = { REGISTRATIONS_PER_HOUR: 10, LIMITS_SCALE: 100 };
    for (let i = 0; i < 1000; i++) expect(takeRegistration("203.0.113.9", bucket, limits)).toBe(0);
    expect(takeRegistration("203.0.113.9", bucket, limits)).toBeGreaterThan(0);
  });
});

describe("TokenBucket", () => {
  it("refills continuously up to its capacity, never beyond", () => {
    for (let i = 0; i < 4; i++) expect(bucket.take("k", 4, HOUR)).toBe(0);
    expect(bucket.take("k", 4, HOUR)).toBe(15 * MINUTE);
    now += 10 * HOUR;
    for (let i = 0; i < 4; i++) expect(bucket.take("k", 4, HOUR)).toBe(0);
    expect(bucket.take("k", 4, HOUR)).toBe(15 * MINUTE);
  });

  it("takes nothing from a refused attempt: waiting out the time is enough", () => {
    bucket.take("k", 1, HOUR);
    now += 30 * MINUTE;
    expect(bucket.take("k", 1, HOUR)).toBe(30 * MINUTE);
    expect(bucket.take("k", 1, HOUR)).toBe(30 * MINUTE);
    now += 30 * MINUTE;
    expect(bucket.take("k", 1, HOUR)).toBe(0);
  });
});
