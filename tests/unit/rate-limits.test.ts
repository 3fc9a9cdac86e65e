import { describe, expect, it } from "vitest";
import { parseRateLimits } from "@/lib/model/rate-limits";

describe("parseRateLimits", () => {
  it("reads limit, remaining and reset per kind", () => {
    const headers = new Headers({
      "anthropic-ratelimit-requests-limit": "4000",
      "anthropic-ratelimit-requests-remaining": "3999",
      "anthropic-ratelimit-requests-reset": "2026-12-01T19:00:00Z",
      "anthropic-ratelimit-input-tokens-limit": "2000000",
      "anthropic-ratelimit-input-tokens-remaining": "1999000",
      "anthropic-ratelimit-input-tokens-reset": "2026-12-01T19:00:01Z",
      "anthropic-ratelimit-output-tokens-remaining": "0",
    });
    expect(parseRateLimits(headers)).toEqual({
      requests: { limit: 4000, remaining: 3999, reset: "2026-12-01T19:00:00.000Z" },
      inputTokens: { limit: 2_000_000, remaining: 1_999_000, reset: "2026-12-01T19:00:01.000Z" },
      outputTokens: { limit: null, remaining: 0, reset: null },
    });
  });

  it("ignores malformed values and is null without any rate-limit header", () => {
    expect(
      parseRateLimits(
        new Headers({
          "anthropic-ratelimit-requests-limit": "-1",
          "anthropic-ratelimit-requests-reset": "soon",
        }),
      ),
    ).toBeNull();
    expect(parseRateLimits(new Headers({ "request-id": "req_1" }))).toBeNull();
  });
});
