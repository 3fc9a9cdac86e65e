import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanTitle, fallbackTitle, suggestTitle } from "@/lib/chat/title";
import { type DoubleHandle, startDouble } from "../double/server";

describe("fallbackTitle", () => {
  it("uses the first words on one line, cut at 60 characters", () => {
    expect(fallbackTitle("  Hello\n  there  ")).toBe("Hello there");
    const long = fallbackTitle("word ".repeat(40));
    expect(long).toHaveLength(60);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("cleanTitle", () => {
  it("keeps one line without quotes, labels or trailing punctuation", () => {
    expect(cleanTitle('"Planning a trip to Kyoto."')).toBe("Planning a trip to Kyoto");
    expect(cleanTitle("Title: Rust lifetimes\nmore text")).toBe("Rust lifetimes");
    expect(cleanTitle("「京都旅行の計画」")).toBe("京都旅行の計画");
    expect(cleanTitle("   \n  ")).toBeNull();
    expect(cleanTitle("x".repeat(200))).toHaveLength(80);
  });
});

describe("suggestTitle", () => {
  let double: DoubleHandle;
  beforeAll(async () => {
    double = await startDouble();
  });
  afterAll(() => double.close());

  it("asks the given model for a short title and cleans the answer", async () => {
    const client = new Anthropic({ apiKey: "test", baseURL: double.url, maxRetries: 0 });
    const suggestion = await suggestTitle(
      client,
      "claude-haiku-4-5-20251001",
      "What's the weather in Tokyo? [[double:text?text=%22Tokyo%20weather%20today.%22]]",
      "It is sunny.",
    );
    expect(suggestion.title).toBe("Tokyo weather today");
    expect(suggestion.model).toBe("claude-haiku-4-5-20251001");
    expect(suggestion.usage.inputTokens).toBeGreaterThan(0);
    expect(suggestion.usage.outputTokens).toBeGreaterThan(0);
    expect(suggestion.requestId).toMatch(/^req_/);
    const request = double.requests.at(-1)?.body as { model: string; max_tokens: number; stream?: boolean };
    expect(request.model).toBe("claude-haiku-4-5-20251001");
    expect(request.max_tokens).toBe(40);
    expect(request.stream).toBeUndefined();
  });
});
