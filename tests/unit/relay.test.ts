import { readFileSync } from "node:fs";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatEvent } from "@/lib/chat/protocol";
import { ReplyAccumulator } from "@/lib/chat/relay";
import { type DoubleHandle, startDouble } from "../double/server";

type RawEvent = { type: string; [key: string]: unknown };

const FIXTURES = new URL("../fixtures/anthropic/", import.meta.url);

function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`${name}.sse`, FIXTURES));
}

/** Incremental SSE parser over byte chunks (UTF-8 safe); returns the JSON of every data payload. */
function parseSseChunks(chunks: Uint8Array[]): RawEvent[] {
  const decoder = new TextDecoder();
  const events: RawEvent[] = [];
  let buffer = "";
  const drain = () => {
    let boundary = buffer.indexOf("\n\n");
    while (boundary !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, ""));
      if (data.length > 0) events.push(JSON.parse(data.join("\n")) as RawEvent);
      boundary = buffer.indexOf("\n\n");
    }
  };
  for (const chunk of chunks) {
    buffer += decoder.decode(chunk, { stream: true });
    drain();
  }
  buffer += decoder.decode();
  drain();
  expect(buffer.trim()).toBe("");
  return events;
}

function fixtureEvents(name: string): RawEvent[] {
  return parseSseChunks([fixtureBytes(name)]);
}

function replay(events: RawEvent[]) {
  const acc = new ReplyAccumulator();
  const perEvent = events.map((event) => acc.apply(event));
  return { acc, perEvent, out: perEvent.flat() };
}

const replayFixture = (name: string) => replay(fixtureEvents(name));

const ofType = <T extends ChatEvent["type"]>(events: ChatEvent[], type: T) =>
  events.filter((event): event is Extract<ChatEvent, { type: T }> => event.type === type);

describe("fixture parsing helper", () => {
  it("reads every event of text_basic", () => {
    expect(fixtureEvents("text_basic").map((event) => event.type)).toEqual([
      "message_start",
      "content_block_start",
      "ping",
      "content_block_delta",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
  });
});

describe("ReplyAccumulator", () => {
  it("text_basic: emits usage, block and deltas, and overwrites cumulative usage", () => {
    const { acc, out } = replayFixture("text_basic");
    expect(out).toEqual([
      {
        type: "usage",
        usage: {
          inputTokens: 11,
          outputTokens: 1,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
          cacheWrite1hTokens: 0,
        },
      },
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Hello" },
      { type: "delta", index: 0, text: " there" },
      { type: "delta", index: 0, text: "!" },
      {
        type: "usage",
        usage: {
          inputTokens: 11,
          outputTokens: 6,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
          cacheWrite1hTokens: 0,
        },
      },
    ]);
    expect(acc.finalContent()).toEqual([{ type: "text", text: "Hello there!" }]);
    expect(acc.usage.outputTokens).toBe(6); // 1 then 6: overwritten, not 7
    expect(acc.stopReason).toBe("end_turn");
    expect(acc.model).toBe("claude-3-opus-latest");
  });

  it("usage events are snapshots: later usage does not change an earlier event", () => {
    const { out } = replayFixture("text_basic");
    const usages = ofType(out, "usage");
    expect(usages.map((event) => event.usage.outputTokens)).toEqual([1, 6]);
  });

  it("cache_usage: keeps cache read, cache write and the 1-hour part", () => {
    const { acc, out } = replayFixture("cache_usage");
    expect(acc.usage).toEqual({
      inputTokens: 2048,
      outputTokens: 503,
      cacheReadTokens: 1800,
      cacheWriteTokens: 248,
      cacheWrite1hTokens: 100,
    });
    expect(ofType(out, "usage")[0]?.usage).toEqual({
      inputTokens: 2048,
      outputTokens: 1,
      cacheReadTokens: 1800,
      cacheWriteTokens: 248,
      cacheWrite1hTokens: 100,
    });
    expect(acc.finalContent()).toEqual([
      { type: "text", text: "Based on the cached document, the main themes are pricing and caching." },
    ]);
    expect(acc.stopReason).toBe("end_turn");
  });

  it("thinking_signature_then_text: announces a thinking block and keeps its signature", () => {
    const { acc, out } = replayFixture("thinking_signature_then_text");
    expect(ofType(out, "block")).toEqual([
      { type: "block", index: 0, kind: "thinking" },
      { type: "block", index: 1, kind: "text" },
    ]);
    const thinking =
      "I need to find the GCD of 1071 and 462 using the Euclidean algorithm.\n\n1071 = 2 × 462 + 147" +
      "\n462 = 3 × 147 + 21\n147 = 7 × 21 + 0\nThe remainder is 0, so GCD(1071, 462) = 21.";
    const deltas = ofType(out, "delta");
    expect(
      deltas
        .filter((d) => d.index === 0)
        .map((d) => d.text)
        .join(""),
    ).toBe(thinking);
    expect(deltas.filter((d) => d.index === 1).map((d) => d.text)).toEqual([
      "The greatest common divisor of 1071 and 462 is **21**.",
    ]);
    // The signature is stored but never streamed to the browser.
    expect(JSON.stringify(out)).not.toContain("EqQBCgIYAh");
    expect(acc.finalContent()).toEqual([
      { type: "thinking", thinking, signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds..." },
      { type: "text", text: "The greatest common divisor of 1071 and 462 is **21**." },
    ]);
    expect(acc.usage).toMatchObject({ inputTokens: 58, outputTokens: 187 });
    expect(acc.model).toBe("claude-opus-5");
  });

  it("multi_block_web_search: streams the text, announces the finished server tool blocks, counts searches", () => {
    const { acc, out } = replayFixture("multi_block_web_search");
    expect(out.filter((event) => event.type === "tool_call" || event.type === "tool_result")).toMatchObject([
      { type: "tool_call", index: 1, block: { type: "server_tool_use", name: "web_search" } },
      { type: "tool_result", index: 2, block: { type: "web_search_tool_result" } },
    ]);
    expect(ofType(out, "block")).toEqual([
      { type: "block", index: 0, kind: "text" },
      { type: "block", index: 3, kind: "text" },
    ]);
    expect(new Set(ofType(out, "delta").map((d) => d.index))).toEqual(new Set([0, 3]));
    const text3 = ofType(out, "delta")
      .filter((d) => d.index === 3)
      .map((d) => d.text)
      .join("");
    expect(text3).toBe(
      "Here's the current weather information for New York City:\n\n# Weather in New York City\n\n",
    );
    const content = acc.finalContent();
    expect(content.map((block) => block.type)).toEqual([
      "text",
      "server_tool_use",
      "web_search_tool_result",
      "text",
    ]);
    expect(content[0]).toEqual({
      type: "text",
      text: "I'll check the current weather in New York City for you.",
    });
    expect(content[1]).toEqual({
      type: "server_tool_use",
      id: "srvtoolu_014hJH82Qum7Td6UV8gDXThB",
      name: "web_search",
      input: { query: "weather NYC today" },
    });
    expect(content[2]).toMatchObject({
      type: "web_search_tool_result",
      tool_use_id: "srvtoolu_014hJH82Qum7Td6UV8gDXThB",
      content: [
        { type: "web_search_result", url: "https://world-weather.info/forecast/usa/new_york/may-2025/" },
      ],
    });
    expect(content[3]).toEqual({ type: "text", text: text3 });
    expect(acc.usage).toEqual({
      inputTokens: 10682,
      outputTokens: 510,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      webSearchRequests: 1,
    });
  });

  it("does not let a replayed content_block_start share state with the upstream event", () => {
    const events = fixtureEvents("multi_block_web_search");
    const { acc } = replay(events);
    const start = events.find(
      (event) => event.type === "content_block_start" && event.index === 1,
    ) as unknown as {
      content_block: { input: unknown };
    };
    expect(start.content_block.input).toEqual({}); // structuredClone: the source event is untouched
    expect(acc.finalContent()[1]).toMatchObject({ input: { query: "weather NYC today" } });
  });

  it("tool_use_input_json_delta: parses the streamed tool input", () => {
    const { acc, out } = replayFixture("tool_use_input_json_delta");
    expect(ofType(out, "block")).toEqual([{ type: "block", index: 0, kind: "text" }]);
    expect(acc.finalContent()).toEqual([
      { type: "text", text: "Okay, let's check the weather for San Francisco, CA:" },
      {
        type: "tool_use",
        id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
        name: "get_weather",
        input: { location: "San Francisco, CA" },
      },
    ]);
    expect(acc.stopReason).toBe("tool_use");
    expect(acc.usage).toMatchObject({ inputTokens: 472, outputTokens: 89 });
  });

  it("tool_use_input_json_delta: input is parsed at content_block_stop, before finalContent", () => {
    const { acc } = replayFixture("tool_use_input_json_delta");
    expect(acc.content[1]).toMatchObject({ input: { location: "San Francisco, CA" } });
  });

  it("max_tokens_tool_input_truncated: keeps the truncated input without crashing", () => {
    const { acc } = replayFixture("max_tokens_tool_input_truncated");
    expect(acc.stopReason).toBe("max_tokens");
    const content = acc.finalContent();
    expect(content).toHaveLength(2);
    expect(content[0]).toEqual({
      type: "text",
      text: "I'll create a comprehensive tax guide for someone with multiple W2s and save it in a file called taxes.txt. Let me do that for you now.",
    });
    expect(content[1]).toEqual({
      type: "tool_use",
      id: "toolu_01EKqbqmZrGRXy18eN7m9kvY",
      name: "make_file",
      input: {},
      truncated_input:
        '{"filename": "taxes.txt", "lines_of_text": [\n"# COMPREHENSIVE TAX GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s",\n"",\n"## INTRODUCTION",\n"",\n"Filing taxes',
    });
    expect(acc.usage).toMatchObject({ inputTokens: 450, outputTokens: 124 });
    // A second call is harmless.
    expect(acc.finalContent()).toEqual(content);
  });

  it("unknown_event_and_ping: ignores pings, unknown events and unknown delta types", () => {
    const { acc, out, perEvent } = replayFixture("unknown_event_and_ping");
    const events = fixtureEvents("unknown_event_and_ping");
    events.forEach((event, i) => {
      const isUnknownDelta =
        event.type === "content_block_delta" &&
        (event.delta as { type: string }).type === "some_future_delta";
      if (event.type === "ping" || event.type === "some_future_event" || isUnknownDelta) {
        expect(perEvent[i]).toEqual([]);
      }
    });
    expect(ofType(out, "delta").map((d) => d.text)).toEqual(["Hello", " there!"]);
    expect(acc.finalContent()).toEqual([{ type: "text", text: "Hello there!" }]);
    expect(acc.stopReason).toBe("end_turn");
  });

  it("refusal: records the stop reason and drops the empty text block", () => {
    const { acc, out } = replayFixture("refusal");
    expect(acc.stopReason).toBe("refusal");
    expect(ofType(out, "block")).toEqual([{ type: "block", index: 0, kind: "text" }]);
    expect(ofType(out, "delta")).toEqual([]);
    expect(acc.finalContent()).toEqual([]);
    expect(acc.usage).toMatchObject({ inputTokens: 20, outputTokens: 0 });
  });

  it("stop_sequence: records the stop reason", () => {
    const { acc } = replayFixture("stop_sequence");
    expect(acc.stopReason).toBe("stop_sequence");
    expect(acc.finalContent()).toEqual([
      { type: "text", text: "Here are three colours: red, green, blue.\n" },
    ]);
    expect(acc.usage).toMatchObject({ inputTokens: 25, outputTokens: 15 });
  });

  it("max_tokens_text: records max_tokens", () => {
    const { acc } = replayFixture("max_tokens_text");
    expect(acc.stopReason).toBe("max_tokens");
    expect(acc.usage.outputTokens).toBe(8);
  });

  it("japanese_text: rebuilds the text from chunks cut inside multi-byte characters", () => {
    const raw = fixtureBytes("japanese_text");
    const cuts = [533, 927, 1071];
    // Each offset really falls inside a character: the first part alone is not valid UTF-8.
    for (const cut of cuts) {
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(raw.subarray(0, cut))).toThrow();
    }
    const chunks = [0, ...cuts].map((start, i) => raw.subarray(start, cuts[i] ?? raw.length));
    expect(chunks.reduce((sum, chunk) => sum + chunk.length, 0)).toBe(raw.length);

    const { acc, out } = replay(parseSseChunks(chunks));
    expect(ofType(out, "delta").map((d) => d.text)).toEqual([
      "こんにちは",
      "！今日は",
      "いい天気",
      "ですね🌸",
      "\n東京の気温は２５℃です。",
    ]);
    expect(acc.finalContent()).toEqual([
      { type: "text", text: "こんにちは！今日はいい天気ですね🌸\n東京の気温は２５℃です。" },
    ]);
    expect(acc.usage).toMatchObject({ inputTokens: 14, outputTokens: 27 });
    expect(acc.stopReason).toBe("end_turn");
  });

  it("streams the text a content_block_start already carries", () => {
    const acc = new ReplyAccumulator();
    expect(
      acc.apply({
        type: "content_block_start",
        index: 0,
        content_block: { type: "text", text: "Hi" },
      } as RawEvent),
    ).toEqual([
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Hi" },
    ]);
    expect(
      acc.apply({
        type: "content_block_start",
        index: 1,
        content_block: { type: "thinking", thinking: "Hmm" },
      } as RawEvent),
    ).toEqual([
      { type: "block", index: 1, kind: "thinking" },
      { type: "delta", index: 1, text: "Hmm" },
    ]);
    expect(acc.finalContent()).toEqual([
      { type: "text", text: "Hi" },
      { type: "thinking", thinking: "Hmm" },
    ]);
  });

  it("ignores a delta for a block that never started", () => {
    const acc = new ReplyAccumulator();
    expect(
      acc.apply({
        type: "content_block_delta",
        index: 4,
        delta: { type: "text_delta", text: "x" },
      } as RawEvent),
    ).toEqual([]);
    expect(acc.finalContent()).toEqual([]);
  });

  it("appends citations from citations_delta to the text block", () => {
    const acc = new ReplyAccumulator();
    acc.apply({
      type: "content_block_start",
      index: 0,
      content_block: { type: "text", text: "" },
    } as RawEvent);
    const citation = { type: "char_location", cited_text: "x", document_index: 0 };
    expect(
      acc.apply({
        type: "content_block_delta",
        index: 0,
        delta: { type: "citations_delta", citation },
      } as RawEvent),
    ).toEqual([]);
    acc.apply({
      type: "content_block_delta",
      index: 0,
      delta: { type: "text_delta", text: "cited" },
    } as RawEvent);
    expect(acc.finalContent()).toEqual([{ type: "text", text: "cited", citations: [citation] }]);
    // At its stop, the cited block goes to the browser whole (citations are not streamed to it).
    expect(acc.apply({ type: "content_block_stop", index: 0 } as RawEvent)).toEqual([
      { type: "content", index: 0, block: { type: "text", text: "cited", citations: [citation] } },
    ]);
  });

  it("announces nothing at the stop of a text block without citations", () => {
    const acc = new ReplyAccumulator(3);
    acc.apply({
      type: "content_block_start",
      index: 0,
      content_block: { type: "text", text: "" },
    } as RawEvent);
    expect(acc.apply({ type: "content_block_stop", index: 0 } as RawEvent)).toEqual([]);
  });

  it("keeps the previous stop reason when a message_delta has none", () => {
    const acc = new ReplyAccumulator();
    acc.apply({
      type: "message_delta",
      delta: { stop_reason: "end_turn" },
      usage: { output_tokens: 3 },
    } as RawEvent);
    acc.apply({
      type: "message_delta",
      delta: { stop_reason: null },
      usage: { output_tokens: 4 },
    } as RawEvent);
    expect(acc.stopReason).toBe("end_turn");
    expect(acc.usage.outputTokens).toBe(4);
  });
});

describe("ReplyAccumulator with the SDK and the test double", () => {
  let double: DoubleHandle;
  let client: Anthropic;

  beforeAll(async () => {
    double = await startDouble({ port: 0 });
    client = new Anthropic({ apiKey: "test", baseURL: double.url, maxRetries: 0 });
  });
  afterAll(() => double.close());

  it("accumulates the SDK's raw events of japanese_text split across network chunks", async () => {
    const stream = await client.messages.create(
      {
        model: "claude-sonnet-4-6",
        max_tokens: 100,
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      },
      { headers: { "x-double-scenario": "fixture:japanese_text" } },
    );
    const acc = new ReplyAccumulator();
    const out: ChatEvent[] = [];
    for await (const event of stream) out.push(...acc.apply(event));
    expect(acc.finalContent()).toEqual([
      { type: "text", text: "こんにちは！今日はいい天気ですね🌸\n東京の気温は２５℃です。" },
    ]);
    expect(ofType(out, "delta")).toHaveLength(5);
    expect(acc.stopReason).toBe("end_turn");
  });

  it("accumulates a thinking reply generated by the double", async () => {
    const stream = await client.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 100,
      stream: true,
      messages: [{ role: "user", content: "Why? [[double:thinking?steps=2]]" }],
    });
    const acc = new ReplyAccumulator();
    for await (const event of stream) acc.apply(event);
    const content = acc.finalContent();
    expect(content.map((block) => block.type)).toEqual(["thinking", "text"]);
    expect(content[0]).toMatchObject({ thinking: "Step 1: thinking it over.\nStep 2: thinking it over." });
    expect(content[1]).toEqual({ type: "text", text: "Echo: Why?" });
  });
});
