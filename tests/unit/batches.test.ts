// Batch items from lines, CSV and JSONL; the template; the split under the API's limits; the
// estimate at batch prices; the poller's backoff.
import { describe, expect, it } from "vitest";
import { BATCH_DISCOUNT, batchCostUsd, estimateBatchUsd } from "@/lib/batches/cost";
import { csvHeader, csvRow, jsonlRow } from "@/lib/batches/download";
import { ParseError, parseCsv, parseItems, parseJsonl, parseLines } from "@/lib/batches/parse";
import { batchRequest, customIdOf, positionOf, splitRequests } from "@/lib/batches/requests";
import { itemResult } from "@/lib/batches/results";
import { effectiveTemplate, renderTemplate } from "@/lib/batches/template";
import { estimateCallUsd } from "@/lib/budget/estimate";
import { costUsd } from "@/lib/pricing/cost";

describe("parsing items", () => {
  it("takes one item per non-blank line", () => {
    expect(parseLines("one\n\n  two  \r\nthree\n")).toEqual({
      columns: ["text"],
      rows: [{ text: "one" }, { text: "two" }, { text: "three" }],
    });
  });

  it("reads a CSV with quotes, commas and newlines in cells, keeping every column", () => {
    const parsed = parseCsv('\uFEFFid,text,lang\n1,"Hello, world",en\n2,"Two\nlines ""quoted""",ja\n\n');
    expect(parsed.columns).toEqual(["id", "text", "lang"]);
    expect(parsed.rows).toEqual([
      { id: "1", text: "Hello, world", lang: "en" },
      { id: "2", text: 'Two\nlines "quoted"', lang: "ja" },
    ]);
  });

  it("names blank and repeated CSV headers uniquely and fills short rows", () => {
    const parsed = parseCsv("a,,a\n1\n");
    expect(parsed.columns).toEqual(["a", "column2", "a_2"]);
    expect(parsed.rows).toEqual([{ a: "1", column2: "", a_2: "" }]);
  });

  it("reads JSONL, columns in first-seen order, non-strings as JSON", () => {
    const parsed = parseJsonl('{"text":"hi","n":1}\n\n{"text":"yo","extra":true}\n');
    expect(parsed.columns).toEqual(["text", "n", "extra"]);
    expect(parsed.rows).toEqual([
      { text: "hi", n: "1", extra: "" },
      { text: "yo", n: "", extra: "true" },
    ]);
  });

  it("refuses empty input, a bad JSONL line (naming it) and a header-only CSV", () => {
    expect(() => parseLines(" \n ")).toThrow(ParseError);
    expect(() => parseJsonl('{"a":1}\nnot json')).toThrow("bad_jsonl at line 2");
    expect(() => parseJsonl("[1,2]")).toThrow("bad_jsonl at line 1");
    expect(() => parseCsv("text\n")).toThrow("empty");
    expect(() => parseItems("csv", "x".repeat(20_000_001))).toThrow("too_large");
  });
});

describe("the template", () => {
  const row = { text: "Hello", id: "7", lang: "ja" };

  it("puts the chosen column in {{text}} and other columns by name; unknown names stay", () => {
    expect(renderTemplate("Translate to {{lang}}: {{ text }} ({{id}}) {{nope}}", row, "text")).toBe(
      "Translate to ja: Hello (7) {{nope}}",
    );
    expect(renderTemplate("Item {{text}}", row, "id")).toBe("Item 7");
  });

  it("appends the item to a template without placeholders", () => {
    expect(effectiveTemplate("Summarise:")).toBe("Summarise:\n\n{{text}}");
    expect(effectiveTemplate("")).toBe("{{text}}");
    expect(effectiveTemplate("Say {{text}}")).toBe("Say {{text}}");
  });
});

describe("requests and splitting", () => {
  const settings = { model: "claude-sonnet-4-6", maxTokens: 100, systemPrompt: "Be brief." };

  it("builds a Messages request per item with a valid custom_id", () => {
    const request = batchRequest(settings, 41, "Hi");
    expect(request).toEqual({
      custom_id: "item-41",
      params: {
        model: "claude-sonnet-4-6",
        max_tokens: 100,
        system: "Be brief.",
        messages: [{ role: "user", content: "Hi" }],
      },
    });
    expect(request.custom_id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(positionOf(customIdOf(123))).toBe(123);
    expect(positionOf("other")).toBeNull();
  });

  it("splits by request count", () => {
    const parts = splitRequests([1, 2, 3, 4, 5], { maxRequests: 2, maxBytes: 1e9 });
    expect(parts).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("splits by size, keeping order, every part within the byte limit", () => {
    const requests = Array.from({ length: 10 }, (_, i) => batchRequest(settings, i, "x".repeat(1000)));
    const one = JSON.stringify(requests[0]).length + 1;
    const parts = splitRequests(requests, { maxRequests: 100, maxBytes: one * 3 + 16 });
    expect(parts.map((p) => p.length)).toEqual([3, 3, 3, 1]);
    expect(parts.flat()).toEqual(requests);
    for (const part of parts)
      expect(JSON.stringify({ requests: part }).length).toBeLessThanOrEqual(one * 3 + 16);
  });

  it("keeps everything in one part under the API's limits", () => {
    expect(splitRequests(Array.from({ length: 1000 }, (_, i) => i))).toHaveLength(1);
    expect(splitRequests(Array.from({ length: 100_001 }, (_, i) => i)).map((p) => p.length)).toEqual([
      100_000, 1,
    ]);
  });
});

describe("batch prices", () => {
  it("halves the standard price, and knows no price for an unknown model", () => {
    const usage = { inputTokens: 1000, outputTokens: 500, cacheReadTokens: 0, cacheWriteTokens: 0 };
    expect(BATCH_DISCOUNT).toBe(0.5);
    expect(batchCostUsd("claude-sonnet-4-6", usage)).toBeCloseTo(
      (costUsd("claude-sonnet-4-6", usage) ?? 0) / 2,
      12,
    );
    expect(batchCostUsd("claude-sonnet-4-6", usage)).toBeCloseTo((1000 * 3 + 500 * 15) / 1e6 / 2, 12);
    expect(batchCostUsd("mystery-model", usage)).toBeNull();
  });

  it("estimates a run as half the per-call estimates", () => {
    const settings = { model: "claude-haiku-4-5-20251001", maxTokens: 200, systemPrompt: null };
    const requests = ["a", "bb", "ccc"].map((p, i) => batchRequest(settings, i, p));
    const full = requests.reduce((sum, r) => sum + estimateCallUsd(r.params), 0);
    expect(estimateBatchUsd(settings.model, requests)).toBeCloseTo(full / 2, 12);
    expect(estimateBatchUsd("mystery-model", requests)).toBeNull();
  });
});

describe("results", () => {
  it("turns a succeeded line into reply, tokens and batch cost", () => {
    const result = itemResult("claude-sonnet-4-6", {
      custom_id: "item-3",
      result: {
        type: "succeeded",
        message: {
          id: "msg_1",
          type: "message",
          role: "assistant",
          model: "claude-sonnet-4-6",
          content: [{ type: "text", text: "Bonjour", citations: null }],
          stop_reason: "end_turn",
          stop_sequence: null,
          usage: {
            input_tokens: 10,
            output_tokens: 4,
            cache_read_input_tokens: 0,
            cache_creation_input_tokens: 0,
          },
        },
      },
    } as never);
    expect(result).toMatchObject({
      position: 3,
      status: "succeeded",
      reply: "Bonjour",
      inputTokens: 10,
      outputTokens: 4,
    });
    expect(result?.costUsd).toBeCloseTo((10 * 3 + 4 * 15) / 1e6 / 2, 12);
  });

  it("keeps an error's type and message, and marks expired items without cost", () => {
    const errored = itemResult("claude-sonnet-4-6", {
      custom_id: "item-0",
      result: { type: "errored", error: { type: "error", error: { type: "api_error", message: "boom" } } },
    } as never);
    expect(errored).toMatchObject({
      status: "errored",
      errorType: "api_error",
      errorMessage: "boom",
      costUsd: null,
    });
    const expired = itemResult("claude-sonnet-4-6", {
      custom_id: "item-1",
      result: { type: "expired" },
    } as never);
    expect(expired).toMatchObject({ status: "expired", reply: null, inputTokens: 0 });
  });
});

describe("CSV download", () => {
  it("keeps the original columns and adds the result's", () => {
    expect(csvHeader(["id", "text"])).toBe(
      "id,text,reply,status,error,input_tokens,output_tokens,cost_usd\r\n",
    );
    const row = csvRow(["id", "text"], {
      input: JSON.stringify({ id: "1", text: "a, b" }),
      reply: "=SUM()",
      status: "succeeded",
      errorMessage: null,
      errorType: null,
      inputTokens: 3,
      outputTokens: 2,
      costUsd: 0.0000105,
    } as never);
    expect(row).toBe(`1,"a, b",'=SUM(),succeeded,,3,2,0.0000105\r\n`);
  });
});

describe("JSONL download", () => {
  it("writes one object per item with its input, prompt and result", () => {
    const line = jsonlRow({
      input: JSON.stringify({ text: "hi" }),
      prompt: "Say hi",
      reply: "Hi!",
      status: "succeeded",
      errorMessage: null,
      errorType: null,
      inputTokens: 3,
      outputTokens: 2,
      costUsd: 0.0000105,
    } as never);
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toEqual({
      input: { text: "hi" },
      prompt: "Say hi",
      reply: "Hi!",
      status: "succeeded",
      error: null,
      input_tokens: 3,
      output_tokens: 2,
      cost_usd: 0.0000105,
    });
  });
});
