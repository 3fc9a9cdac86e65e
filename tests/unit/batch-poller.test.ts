// The poller's backoff and lease lifetime.
import { describe, expect, it } from "vitest";
import { leaseTtlMs, nextPollAt } from "@/lib/batches/poller";

describe("batch poller timing", () => {
  it("backs off 1.5x a poll from the interval, capped at 30 intervals", () => {
    const now = 1_000_000;
    const delays = [0, 1, 2, 3, 20].map((n) => nextPollAt(n, 1000, now).getTime() - now);
    expect(delays).toEqual([1000, 1500, 2250, 3375, 30_000]);
  });

  it("keeps the lease for several rounds", () => {
    expect(leaseTtlMs(200)).toBeGreaterThan(200 * 3);
    expect(leaseTtlMs(15_000)).toBeGreaterThan(15_000 * 3);
  });
});
