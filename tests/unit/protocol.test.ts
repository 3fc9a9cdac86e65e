import { describe, expect, it } from "vitest";
import {
  type ChatEvent,
  ChatEventDecoder,
  EMPTY_USAGE,
  encodeChatEvent,
  type SequencedEvent,
} from "@/lib/chat/protocol";

const utf8 = new TextEncoder();

const EVENTS: SequencedEvent[] = [
  {
    seq: 0,
    event: {
      type: "start",
      conversationId: "conv_1",
      userMessageId: "msg_user",
      assistantMessageId: "msg_asst",
      model: "claude-sonnet-4-6",
    },
  },
  { seq: 1, event: { type: "block", index: 0, kind: "thinking" } },
  { seq: 2, event: { type: "delta", index: 0, text: "考えています… café" } },
  { seq: 3, event: { type: "block", index: 1, kind: "text" } },
  { seq: 4, event: { type: "delta", index: 1, text: "こんにちは！今日はいい天気ですね🌸" } },
  { seq: 5, event: { type: "delta", index: 1, text: '\n東京の気温は２５℃です。👨‍👩‍👧 "quoted" \\ done' } },
  {
    seq: 6,
    event: {
      type: "usage",
      usage: {
        inputTokens: 14,
        outputTokens: 27,
        cacheReadTokens: 3,
        cacheWriteTokens: 2,
        cacheWrite1hTokens: 1,
      },
    },
  },
  {
    seq: 7,
    event: {
      type: "end",
      status: "error",
      stopReason: null,
      usage: { inputTokens: 14, outputTokens: 27, cacheReadTokens: 0, cacheWriteTokens: 0 },
      costUsd: 0.000447,
      requestId: "req_011CZ",
      error: {
        type: "overloaded_error",
        message: "過負荷です 🙇",
        requestId: "req_011CZ",
        retryAfterSeconds: null,
      },
    },
  },
];

const STREAM = EVENTS.map(encodeChatEvent).join("");
const BYTES = utf8.encode(STREAM);

function decodeAll(chunks: Uint8Array[]): SequencedEvent[] {
  const decoder = new ChatEventDecoder();
  return chunks.flatMap((chunk) => decoder.push(chunk));
}

function decodeText(text: string): SequencedEvent[] {
  return decodeAll([utf8.encode(text)]);
}

describe("encodeChatEvent", () => {
  it("writes id, event name and one-line JSON data, ended by a blank line", () => {
    const event: ChatEvent = { type: "delta", index: 2, text: "line 1\nline 2" };
    expect(encodeChatEvent({ seq: 41, event })).toBe(
      'id: 41\nevent: delta\ndata: {"type":"delta","index":2,"text":"line 1\\nline 2"}\n\n',
    );
  });

  it("keeps each event's newlines out of the data line", () => {
    for (const line of STREAM.split("\n")) expect(line === "" || /^(id|event|data): /.test(line)).toBe(true);
  });
});

describe("ChatEventDecoder", () => {
  it("round-trips every event type in one chunk", () => {
    expect(decodeAll([BYTES])).toEqual(EVENTS);
  });

  it("contains multi-byte characters of every UTF-8 length", () => {
    // é is 2 bytes, … and ２ are 3 bytes, 🌸 is 4 bytes: the split test below cuts inside each of them.
    expect(BYTES.length).toBeGreaterThan(STREAM.length);
    expect(STREAM).toContain("🌸");
    expect(STREAM).toContain("café");
    expect(STREAM).toContain("２５℃");
  });

  it("decodes identical events when the stream is split in two at every byte offset", () => {
    const mismatches: number[] = [];
    for (let offset = 1; offset < BYTES.length; offset++) {
      const decoded = decodeAll([BYTES.subarray(0, offset), BYTES.subarray(offset)]);
      if (JSON.stringify(decoded) !== JSON.stringify(EVENTS)) mismatches.push(offset);
    }
    expect(mismatches).toEqual([]);
  });

  it("decodes identical events when fed one byte at a time", () => {
    const chunks = Array.from({ length: BYTES.length }, (_, i) => BYTES.subarray(i, i + 1));
    expect(decodeAll(chunks)).toEqual(EVENTS);
  });

  it("returns each event as soon as its blank line arrives, not before", () => {
    const decoder = new ChatEventDecoder();
    const first = utf8.encode(encodeChatEvent(EVENTS[2] as SequencedEvent));
    expect(decoder.push(first.subarray(0, first.length - 1))).toEqual([]);
    expect(decoder.push(first.subarray(first.length - 1))).toEqual([EVENTS[2]]);
  });

  it("accepts CRLF line endings in a whole chunk", () => {
    expect(decodeText(STREAM.replace(/\n/g, "\r\n"))).toEqual(EVENTS);
  });

  it("accepts bare CR line endings", () => {
    expect(decodeText(STREAM.replace(/\n/g, "\r"))).toEqual(EVENTS);
  });

  // A CRLF cut between its CR and LF must not become a premature event boundary.
  it("decodes a CRLF stream split in two at every byte offset", () => {
    const crlf = utf8.encode(STREAM.replace(/\n/g, "\r\n"));
    const mismatches: number[] = [];
    for (let offset = 1; offset < crlf.length; offset++) {
      const decoded = decodeAll([crlf.subarray(0, offset), crlf.subarray(offset)]);
      if (JSON.stringify(decoded) !== JSON.stringify(EVENTS)) mismatches.push(offset);
    }
    expect(mismatches).toEqual([]);
  });

  it("ignores comment blocks such as keepalives", () => {
    const [a, b] = [EVENTS[1], EVENTS[2]].map((event) => encodeChatEvent(event as SequencedEvent));
    expect(decodeText(`: keepalive\n\n${a}: keepalive\n\n: another\n\n${b}: keepalive\n\n`)).toEqual([
      EVENTS[1],
      EVENTS[2],
    ]);
  });

  it("ignores a comment line inside an event", () => {
    expect(
      decodeText('id: 4\n: note\nevent: block\ndata: {"type":"block","index":0,"kind":"text"}\n\n'),
    ).toEqual([{ seq: 4, event: { type: "block", index: 0, kind: "text" } }]);
  });

  it("ignores malformed JSON and goes on with the next event", () => {
    const good = encodeChatEvent(EVENTS[3] as SequencedEvent);
    expect(decodeText(`id: 2\nevent: delta\ndata: {"type":"delta","index":0,\n\n${good}`)).toEqual([
      EVENTS[3],
    ]);
  });

  it("ignores data that is JSON but not an event", () => {
    expect(
      decodeText(
        'id: 1\ndata: null\n\nid: 2\ndata: [1,2]\n\nid: 3\ndata: {"kind":"x"}\n\nid: 4\ndata: 5\n\n',
      ),
    ).toEqual([]);
  });

  it("ignores an event with a non-numeric id", () => {
    expect(decodeText('id: abc\ndata: {"type":"delta","index":0,"text":"x"}\n\n')).toEqual([]);
  });

  it("ignores a block with an id but no data", () => {
    expect(decodeText("id: 9\nevent: delta\n\n")).toEqual([]);
  });

  it("ignores an event without an id", () => {
    expect(decodeText('event: delta\ndata: {"type":"delta","index":0,"text":"x"}\n\n')).toEqual([]);
  });

  it("passes unknown event types through for the client to ignore", () => {
    expect(decodeText('id: 12\nevent: future\ndata: {"type":"future","x":1}\n\n')).toEqual([
      { seq: 12, event: { type: "future", x: 1 } },
    ]);
  });

  it("accepts data and id lines without a space after the colon", () => {
    expect(decodeText('id:3\ndata:{"type":"block","index":1,"kind":"thinking"}\n\n')).toEqual([
      { seq: 3, event: { type: "block", index: 1, kind: "thinking" } },
    ]);
  });
});

describe("EMPTY_USAGE", () => {
  it("is all zeros", () => {
    expect(EMPTY_USAGE).toEqual({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });
  });
});
