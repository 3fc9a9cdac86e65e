import { readdirSync, readFileSync } from "node:fs";
import { APIError } from "@anthropic-ai/sdk";
import { Stream } from "@anthropic-ai/sdk/streaming";
import { describe, expect, it } from "vitest";
import { upstreamEvents } from "@/lib/model/upstream-events";
import { SseDecoder } from "@/lib/sse/decoder";

const FIXTURES = new URL("../fixtures/anthropic/", import.meta.url);
const fixtureNames = readdirSync(FIXTURES).filter((name) => name.endsWith(".sse"));

function responseOf(chunks: Uint8Array[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream", "request-id": "req_1" } });
}

async function drain(events: AsyncIterable<unknown>): Promise<{ events: unknown[]; error: unknown }> {
  const seen: unknown[] = [];
  try {
    for await (const event of events) seen.push(event);
    return { events: seen, error: null };
  } catch (error) {
    return { events: seen, error };
  }
}

/** What the SDK's own stream makes of the same bytes: the behaviour upstreamEvents must match. */
const sdkEvents = (chunks: Uint8Array[]) =>
  drain(Stream.fromSSEResponse(responseOf(chunks), new AbortController()));

describe("upstreamEvents", () => {
  it.each(fixtureNames)("yields what the SDK's stream yields for the recorded %s", async (name) => {
    const bytes = readFileSync(new URL(name, FIXTURES));
    const ours = await drain(upstreamEvents(responseOf([bytes])));
    const sdk = await sdkEvents([bytes]);
    expect(ours.events).toEqual(sdk.events);
    expect(ours.events.length).toBeGreaterThan(0);
    if (sdk.error) {
      expect(ours.error).toBeInstanceOf(APIError);
      expect((ours.error as APIError).error).toEqual((sdk.error as APIError).error);
      expect((ours.error as APIError).type).toBe((sdk.error as APIError).type);
    } else expect(ours.error).toBeNull();
  });

  it("decodes Japanese text split inside a character, at every byte offset", async () => {
    const bytes = readFileSync(new URL("japanese_text.sse", FIXTURES));
    const whole = (await sdkEvents([bytes])).events;
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const split = await drain(upstreamEvents(responseOf([bytes.subarray(0, cut), bytes.subarray(cut)])));
      expect(split.events).toEqual(whole);
    }
  });

  it("throws a mid-stream error event as the SDK's APIError, after the events before it", async () => {
    const text = [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"m","model":"claude-sonnet-4-6","usage":{}}}',
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      "",
    ].join("\n\n");
    const result = await drain(upstreamEvents(responseOf([new TextEncoder().encode(text)])));
    expect(result.events).toHaveLength(1);
    expect(result.error).toBeInstanceOf(APIError);
    expect((result.error as APIError).error).toEqual({
      type: "error",
      error: { type: "overloaded_error", message: "Overloaded" },
    });
  });

  it("ends quietly when the request is aborted", async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      pull() {
        const aborted = () => new DOMException("This operation was aborted", "AbortError");
        return new Promise((_, reject) => {
          if (controller.signal.aborted) reject(aborted());
          controller.signal.addEventListener("abort", () => reject(aborted()));
        });
      },
    });
    const reading = drain(upstreamEvents(new Response(body)));
    controller.abort();
    expect(await reading).toEqual({ events: [], error: null });
  });
});

describe("SseDecoder", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("skips comment blocks, joins data lines and keeps the id and event name", () => {
    const decoder = new SseDecoder();
    expect(decoder.push(encode(": keepalive\n\nid: 4\nevent: delta\ndata: a\ndata: b\n\n"))).toEqual([
      { id: "4", event: "delta", data: "a\nb" },
    ]);
  });

  it("holds an event until its blank line arrives, across CR, LF and CRLF line endings", () => {
    const decoder = new SseDecoder();
    expect(decoder.push(encode("event: one\r\ndata: 1\r"))).toEqual([]);
    expect(decoder.push(encode("\n\r\nevent: two\rdata: 2\r\r"))).toEqual([
      { id: null, event: "one", data: "1" },
      { id: null, event: "two", data: "2" },
    ]);
  });
});
