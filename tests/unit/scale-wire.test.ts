// The shared channel's wire format: batching into one message, fragments under the payload limit
// cut between UTF-8 characters, and their reassembly.
import { describe, expect, it } from "vitest";
import { type BusMessage, encodeMessage, MessageDecoder } from "@/lib/scale/wire";

const delta = (seq: number, text: string) => ({ seq, event: { type: "delta" as const, index: 0, text } });

function message(events: number, text: string): BusMessage {
  return {
    from: "host:3000/abc",
    items: [{ k: "events", id: "m1", events: Array.from({ length: events }, (_, seq) => delta(seq, text)) }],
  };
}

describe("bus wire format", () => {
  it("sends a small message as one payload", () => {
    const payloads = encodeMessage(message(3, "hi"), 7900, () => "f1");
    expect(payloads).toHaveLength(1);
    expect(new MessageDecoder().push(payloads[0]!)).toEqual(message(3, "hi"));
  });

  it("splits a long message into payloads under the limit, cutting only between characters", () => {
    const long = message(400, "日本語のテキスト🙂 and ascii ");
    const payloads = encodeMessage(long, 7900, () => "f2");
    expect(payloads.length).toBeGreaterThan(2);
    for (const payload of payloads) {
      expect(Buffer.byteLength(payload, "utf8")).toBeLessThanOrEqual(7900);
      expect(payload).not.toContain("\uFFFD");
    }
    const decoder = new MessageDecoder();
    const results = payloads.map((payload) => decoder.push(payload));
    expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
    expect(results.at(-1)).toEqual(long);
  });

  it("drops a message whose fragments arrive out of order, and ignores malformed payloads", () => {
    const payloads = encodeMessage(message(400, "x".repeat(40)), 2000, () => "f3");
    const decoder = new MessageDecoder();
    expect(decoder.push(payloads[1]!)).toBeNull();
    for (const payload of payloads.slice(2)) expect(decoder.push(payload)).toBeNull();
    expect(decoder.push("not json")).toBeNull();
    expect(decoder.push(JSON.stringify({ from: "a", items: [{ k: "stop" }] }))).toBeNull();
    // A complete, in-order sequence still decodes afterwards.
    const again = encodeMessage(message(400, "x".repeat(40)), 2000, () => "f4");
    expect(again.map((payload) => decoder.push(payload)).at(-1)).toEqual(message(400, "x".repeat(40)));
  });
});
