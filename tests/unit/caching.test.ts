import type { MessageCreateParamsBase, MessageParam } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { applyPromptCaching, estimateTokens, minimumCacheableTokens } from "@/lib/chat/caching";
import { buildReplyRequest } from "@/lib/chat/request";
import { cachingSavingsUsd, costUsd } from "@/lib/pricing/cost";

const LONG = "word ".repeat(4000); // ≈ 5,000 tokens: above every model's minimum
const SHORT = "Hello";

type Block = { type: string; text?: string; cache_control?: unknown };

function turns(...texts: string[]): MessageParam[] {
  return texts.map((text, index) => ({ role: index % 2 === 0 ? "user" : "assistant", content: text }));
}

function request(messages: MessageParam[], system?: string): MessageCreateParamsBase {
  return { model: "claude-sonnet-4-6", max_tokens: 1000, messages, ...(system ? { system } : {}) };
}

function breakpoints(result: MessageCreateParamsBase): string[] {
  const marks: string[] = [];
  if (Array.isArray(result.system) && (result.system as Block[]).some((block) => block.cache_control))
    marks.push("system");
  result.messages.forEach((message, index) => {
    if (
      typeof message.content !== "string" &&
      (message.content as Block[]).some((block) => block.cache_control)
    ) {
      marks.push(`${message.role}#${index}`);
    }
  });
  return marks;
}

describe("minimumCacheableTokens", () => {
  it("knows per-model minimums, dated ids included, and is conservative for unknown models", () => {
    expect(minimumCacheableTokens("claude-sonnet-4-6")).toBe(2048);
    expect(minimumCacheableTokens("claude-sonnet-4-5-20250929")).toBe(1024);
    expect(minimumCacheableTokens("claude-haiku-4-5-20251001")).toBe(4096);
    expect(minimumCacheableTokens("some-other-model")).toBe(4096);
  });
});

describe("estimateTokens", () => {
  it("counts ~4 Latin characters and 1 CJK character per token", () => {
    expect(estimateTokens("abcdefgh")).toBe(2);
    expect(estimateTokens("日本語")).toBe(3);
  });
});

describe("applyPromptCaching", () => {
  it("marks a long system prompt and the last two user turns — never more than 4 breakpoints", () => {
    const result = applyPromptCaching(request(turns(LONG, "ok", SHORT, "ok", SHORT, "ok", SHORT), LONG));
    expect(breakpoints(result)).toEqual(["system", "user#4", "user#6"]);
    expect(breakpoints(result).length).toBeLessThanOrEqual(4);
  });

  it("puts the breakpoint on the last block of the turn and keeps the other blocks unchanged", () => {
    const messages: MessageParam[] = [
      {
        role: "user",
        content: [
          { type: "text", text: LONG },
          { type: "text", text: "question" },
        ],
      },
    ];
    const [turn] = applyPromptCaching(request(messages)).messages;
    const blocks = turn?.content as Block[];
    expect(blocks[0]?.cache_control).toBeUndefined();
    expect(blocks[1]).toEqual({ type: "text", text: "question", cache_control: { type: "ephemeral" } });
    const original = messages[0]!.content as Block[];
    expect(original[1]?.cache_control).toBeUndefined(); // input not mutated
  });

  it("skips breakpoints whose prefix is below the model's minimum", () => {
    expect(breakpoints(applyPromptCaching(request(turns(SHORT), SHORT)))).toEqual([]);
    // The system prompt alone is short, but system + first turn is long enough for the turn's breakpoint.
    expect(breakpoints(applyPromptCaching(request(turns(LONG), SHORT)))).toEqual(["user#0"]);
    expect(applyPromptCaching(request(turns(LONG), SHORT)).system).toBe(SHORT);
  });

  it("applies only when the user has prompt caching on", () => {
    const base = {
      modelId: "claude-sonnet-4-6",
      model: undefined,
      history: [{ role: "user", content: [{ type: "text", text: LONG }] }],
      system: LONG,
      params: {},
      userId: "u1",
    };
    expect(breakpoints(buildReplyRequest({ ...base, promptCaching: true }))).toEqual(["system", "user#0"]);
    expect(breakpoints(buildReplyRequest({ ...base, promptCaching: false }))).toEqual([]);
  });
});

describe("savings math", () => {
  it("a cache read costs 10% of the input price, a write 125%", () => {
    const usage = { inputTokens: 100, outputTokens: 0, cacheReadTokens: 10_000, cacheWriteTokens: 1_000 };
    // sonnet-4-6 input $3/M: 100×3 + 1,000×3.75 + 10,000×0.3 = 7,050 → $0.00705
    expect(costUsd("claude-sonnet-4-6", usage)).toBeCloseTo(0.00705, 10);
    // saved: 10,000×(3−0.3) − 1,000×(3.75−3) = 26,250 → $0.02625
    expect(cachingSavingsUsd("claude-sonnet-4-6", usage)).toBeCloseTo(0.02625, 10);
  });
});
