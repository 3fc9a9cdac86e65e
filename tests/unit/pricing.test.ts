import { describe, expect, it } from "vitest";
import {
  addUsage,
  cachingSavingsUsd,
  costUsd,
  formatUsd,
  priceOf,
  serverToolCostUsd,
  summarizeCosts,
  type TokenUsage,
} from "@/lib/pricing/cost";
import prices from "@/lib/pricing/prices.json";

// Usage of tests/fixtures/anthropic/cache_usage.sse: 248 cache-write tokens = 148 (5 min) + 100 (1 h).
const cacheFixture: TokenUsage = {
  inputTokens: 2048,
  outputTokens: 503,
  cacheReadTokens: 1800,
  cacheWriteTokens: 248,
  cacheWrite1hTokens: 100,
};

describe("priceOf", () => {
  it("holds every row of the price table", () => {
    expect(Object.keys(prices.models).sort()).toEqual(
      [
        "claude-haiku-4-5-20251001",
        "claude-opus-4-5-20251101",
        "claude-opus-4-6",
        "claude-opus-4-7",
        "claude-opus-4-8",
        "claude-opus-5",
        "claude-sonnet-4-5-20250929",
        "claude-sonnet-4-6",
        "claude-sonnet-5",
      ].sort(),
    );
    expect(priceOf("claude-opus-4-8")).toEqual({ input: 5, output: 25 });
    expect(priceOf("claude-sonnet-4-6")).toEqual({ input: 3, output: 15 });
    expect(priceOf("claude-haiku-4-5-20251001")).toEqual({ input: 1, output: 5 });
    expect(priceOf("claude-sonnet-5")).toEqual({ input: 2, output: 10 });
  });

  it("resolves undated aliases to their dated snapshot", () => {
    expect(priceOf("claude-haiku-4-5")).toEqual(priceOf("claude-haiku-4-5-20251001"));
    expect(priceOf("claude-opus-4-5")).toEqual({ input: 5, output: 25 });
    expect(priceOf("claude-sonnet-4-5")).toEqual({ input: 3, output: 15 });
    for (const target of Object.values(prices.aliases)) {
      expect(priceOf(target)).not.toBeNull();
    }
  });

  it("returns null for unknown models instead of guessing", () => {
    expect(priceOf("claude-fable-5")).toBeNull();
    expect(priceOf("claude-haiku-4-5-20990101")).toBeNull();
    expect(priceOf("")).toBeNull();
    expect(priceOf("constructor")).toBeNull();
    expect(priceOf("toString")).toBeNull();
  });
});

describe("server tool charges", () => {
  const none = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

  it("web search is billed per search on top of the tokens ($10 per 1,000), web fetch only by tokens", () => {
    expect(prices.serverTools.web_search.perUse).toBe(0.01);
    expect(serverToolCostUsd({ ...none, webSearchRequests: 2, webFetchRequests: 3 })).toBeCloseTo(0.02, 12);
    expect(costUsd("claude-sonnet-4-6", { ...none, inputTokens: 1000, webSearchRequests: 2 })).toBeCloseTo(
      0.003 + 0.02,
      12,
    );
    expect(costUsd("claude-sonnet-4-6", { ...none, webFetchRequests: 5 })).toBe(0);
  });

  it("an unknown model's searches are not priced either: the cost stays unknown", () => {
    expect(costUsd("claude-unknown-9", { ...none, webSearchRequests: 1 })).toBeNull();
  });

  it("adds the counts of several steps", () => {
    expect(
      addUsage({ ...none, webSearchRequests: 1 }, { ...none, webSearchRequests: 2, webFetchRequests: 1 }),
    ).toEqual({
      ...none,
      cacheWrite1hTokens: 0,
      webSearchRequests: 3,
      webFetchRequests: 1,
    });
  });
});

describe("costUsd", () => {
  it("prices the cache fixture on claude-opus-4-8", () => {
    // 2048×5 + 148×1.25×5 + 100×2×5 + 1800×0.1×5 + 503×25 = 10240 + 925 + 1000 + 900 + 12575 = 25640
    expect(costUsd("claude-opus-4-8", cacheFixture)).toBeCloseTo(0.02564, 12);
  });

  it("prices the cache fixture on its own model, claude-sonnet-4-6", () => {
    // 2048×3 + 148×3.75 + 100×6 + 1800×0.3 + 503×15 = 6144 + 555 + 600 + 540 + 7545 = 15384
    expect(costUsd("claude-sonnet-4-6", cacheFixture)).toBeCloseTo(0.015384, 12);
  });

  it("treats every cache write as 5-minute when no 1-hour part is given", () => {
    const usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 1_000_000 };
    expect(costUsd("claude-haiku-4-5", usage)).toBeCloseTo(1.25, 12);
    expect(costUsd("claude-haiku-4-5", { ...usage, cacheWrite1hTokens: 1_000_000 })).toBeCloseTo(2, 12);
  });

  it("charges plain input and output at list price", () => {
    const usage = {
      inputTokens: 1_000_000,
      outputTokens: 1_000_000,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    };
    expect(costUsd("claude-sonnet-5", usage)).toBe(12);
    expect(costUsd("claude-opus-5", { ...usage, inputTokens: 0, outputTokens: 0 })).toBe(0);
  });

  it("returns null for an unknown model", () => {
    expect(costUsd("claude-fable-5", cacheFixture)).toBeNull();
  });
});

describe("cachingSavingsUsd", () => {
  it("compares with the same tokens sent uncached", () => {
    // (1800×0.9 − 148×0.25 − 100×1) × 5 = (1620 − 37 − 100) × 5 = 7415
    expect(cachingSavingsUsd("claude-opus-4-8", cacheFixture)).toBeCloseTo(0.007415, 12);
  });

  it("is negative when a write is never read back", () => {
    const usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 1000 };
    expect(cachingSavingsUsd("claude-sonnet-4-6", usage)).toBeCloseTo(-0.00075, 12);
  });

  it("returns null for an unknown model", () => {
    expect(cachingSavingsUsd("gpt-x", cacheFixture)).toBeNull();
  });
});

describe("formatUsd", () => {
  it.each([
    [0.000042, "$0.000042"],
    [0.0123, "$0.0123"],
    [0.02564, "$0.02564"],
    [0.123456, "$0.1235"],
    [0.5, "$0.50"],
    [0.99999, "$1.00"],
    [1.5, "$1.50"],
    [12.345, "$12.35"],
    [1234.5, "$1,234.50"],
    [0, "$0.00"],
    [1e-13, "$0.00"],
    [-0.007415, "-$0.007415"],
  ])("formats %s as %s", (amount, expected) => {
    expect(formatUsd(amount)).toBe(expected);
  });
});

describe("summarizeCosts", () => {
  const usage = { inputTokens: 1000, outputTokens: 100, cacheReadTokens: 0, cacheWriteTokens: 0 };
  it("adds the priced replies and skips unpriced ones", () => {
    const summary = summarizeCosts([
      { model: "claude-sonnet-4-6", costUsd: 0.5, usage },
      { model: "mystery-model", costUsd: null, usage },
      { model: "claude-sonnet-4-6", costUsd: 0.25, usage },
    ]);
    expect(summary).toEqual({ costUsd: 0.75, savedUsd: 0 });
  });

  it("counts what cache reads saved", () => {
    const cached = { ...usage, cacheReadTokens: 1_000_000 };
    const summary = summarizeCosts([{ model: "claude-sonnet-4-6", costUsd: 1, usage: cached }]);
    expect(summary?.savedUsd).toBeCloseTo(cachingSavingsUsd("claude-sonnet-4-6", cached)!, 12);
    expect(summary!.savedUsd).toBeGreaterThan(0);
  });

  it("is null when no reply has a known price", () => {
    expect(summarizeCosts([{ model: "mystery-model", costUsd: null, usage }])).toBeNull();
    expect(summarizeCosts([])).toBeNull();
  });
});
