import { describe, expect, it } from "vitest";
import { rateLimitHit } from "@/lib/chat/rate-limit-hit";

const NOW = new Date("2026-12-01T10:00:00Z");

function limits(remaining: { requests?: string; input?: string; output?: string; tokens?: string }) {
  const headers = new Headers();
  const set = (kind: string, value: string | undefined, reset: string) => {
    if (value === undefined) return;
    headers.set(`anthropic-ratelimit-${kind}-limit`, "1000");
    headers.set(`anthropic-ratelimit-${kind}-remaining`, value);
    headers.set(`anthropic-ratelimit-${kind}-reset`, reset);
  };
  set("requests", remaining.requests, "2026-12-01T10:00:30Z");
  set("input-tokens", remaining.input, "2026-12-01T10:00:40Z");
  set("output-tokens", remaining.output, "2026-12-01T10:00:50Z");
  set("tokens", remaining.tokens, "2026-12-01T10:00:55Z");
  return headers;
}

describe("rateLimitHit", () => {
  it("names the limit whose remaining is 0, with that limit's reset", () => {
    expect(rateLimitHit(limits({ requests: "0", input: "10", output: "10" }), "", 5, NOW)).toEqual({
      limit: "requests",
      resetsAt: "2026-12-01T10:00:30.000Z",
    });
    expect(rateLimitHit(limits({ requests: "3", input: "500", output: "0" }), "", 5, NOW)).toEqual({
      limit: "output_tokens",
      resetsAt: "2026-12-01T10:00:50.000Z",
    });
    expect(rateLimitHit(limits({ requests: "3", input: "0", output: "9" }), "", null, NOW)).toEqual({
      limit: "input_tokens",
      resetsAt: "2026-12-01T10:00:40.000Z",
    });
  });

  it("falls back to the message when no remaining is 0, and to retry-after for the reset", () => {
    const message =
      "This request would exceed your organization's rate limit of 8,000 output tokens per minute.";
    expect(rateLimitHit(limits({ requests: "3", input: "9", output: "9" }), message, 12, NOW)).toEqual({
      limit: "output_tokens",
      resetsAt: "2026-12-01T10:00:12.000Z",
    });
    expect(
      rateLimitHit(new Headers(), "Number of requests has exceeded your per-minute rate limit", 1, NOW),
    ).toMatchObject({ limit: "requests" });
    expect(
      rateLimitHit(
        undefined,
        "You have reached your API usage limits: your organization has crossed its monthly API usage threshold",
        null,
        NOW,
      ),
    ).toEqual({ limit: "spend", resetsAt: null });
  });

  it("names no limit when neither the headers nor the message say which", () => {
    expect(
      rateLimitHit(new Headers({ "anthropic-ratelimit-requests-remaining": "junk" }), "slow down", null, NOW),
    ).toEqual({
      limit: null,
      resetsAt: null,
    });
  });
});
