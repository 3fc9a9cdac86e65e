// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyReply } from "@/components/chat/chat-state";
import { useChat } from "@/components/chat/use-chat";
import { type ChatEvent, EMPTY_USAGE, encodeChatEvent } from "@/lib/chat/protocol";
import type { ChatMessage } from "@/lib/chat/view-model";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const question: ChatMessage = {
  ...emptyReply("msg_u1", null),
  role: "user",
  status: "done",
  content: [{ type: "text", text: "Hi" }],
};
// A reply still generating when the page loaded: the hook follows it at once.
const generating = emptyReply("msg_a1", "claude-sonnet-4-6");

const events: ChatEvent[] = [
  {
    type: "start",
    conversationId: "conv_1",
    userMessageId: "msg_u1",
    assistantMessageId: "msg_a1",
    model: "m",
  },
  { type: "block", index: 0, kind: "text" },
  { type: "delta", index: 0, text: "Hel" },
];
const end: ChatEvent = {
  type: "end",
  status: "done",
  stopReason: "end_turn",
  usage: EMPTY_USAGE,
  costUsd: null,
  requestId: null,
  error: null,
};

/** A reply stream carrying these events (numbered from `first`), then cut. */
function stream(list: ChatEvent[], first = 0): Response {
  const text = list.map((event, index) => encodeChatEvent({ seq: first + index, event })).join("");
  return new Response(new TextEncoder().encode(text), {
    status: 200,
    headers: { "Content-Type": "text/event-stream" },
  });
}

/** The browser boundary: each URL answers in turn with what the route gives for it. */
function stubFetch(routes: Record<string, () => Promise<Response>>) {
  const fetch = vi.fn(async (url: string) => {
    const answer = routes[url];
    if (!answer) throw new Error(`unexpected fetch ${url}`);
    return answer();
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function follow() {
  return renderHook(() =>
    useChat({ conversationId: "conv_1", initialMessages: [question, generating], initialOlderCursor: null }),
  );
}

const offline = () => Promise.reject(new TypeError("Failed to fetch"));

describe("useChat: following a reply", () => {
  it("ends cleanly when resuming a cut stream fails at the network", async () => {
    const fetch = stubFetch({
      "/api/chat/msg_a1/stream?after=-1": async () => stream(events),
      "/api/chat/msg_a1/stream?after=2": offline,
      "/api/chat/msg_a1": offline,
    });
    const { result } = follow();
    await waitFor(() => expect(fetch.mock.calls.map(([url]) => url)).toContain("/api/chat/msg_a1"));
    await waitFor(() => expect(result.current.streaming).toBe(false));
    expect(result.current.messages.at(-1)?.content).toEqual([{ type: "text", text: "Hel" }]);
  });

  it("shows the saved reply after a failed resume when the server answers that", async () => {
    const saved: ChatMessage = { ...generating, status: "done", content: [{ type: "text", text: "Hello" }] };
    stubFetch({
      "/api/chat/msg_a1/stream?after=-1": async () => stream(events),
      "/api/chat/msg_a1/stream?after=2": offline,
      "/api/chat/msg_a1": async () => Response.json({ message: saved }),
    });
    const { result } = follow();
    await waitFor(() => expect(result.current.messages.at(-1)?.status).toBe("done"));
    expect(result.current.messages.at(-1)?.content).toEqual([{ type: "text", text: "Hello" }]);
    expect(result.current.streaming).toBe(false);
  });

  it("resumes a cut stream from the last event seen", async () => {
    stubFetch({
      "/api/chat/msg_a1/stream?after=-1": async () => stream(events),
      "/api/chat/msg_a1/stream?after=2": async () =>
        stream([{ type: "delta", index: 0, text: "lo" }, end], 3),
    });
    const { result } = follow();
    await waitFor(() => expect(result.current.messages.at(-1)?.status).toBe("done"));
    expect(result.current.messages.at(-1)?.content).toEqual([{ type: "text", text: "Hello" }]);
    expect(result.current.streaming).toBe(false);
  });
});
