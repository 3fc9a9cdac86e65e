import { describe, expect, it } from "vitest";
import { type ChatAction, chatReducer, emptyReply } from "@/components/chat/chat-state";
import type { ChatErrorInfo, ChatEvent, TokenUsage } from "@/lib/chat/protocol";
import type { ChatMessage } from "@/lib/chat/view-model";

const ZERO: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
const USAGE: TokenUsage = { inputTokens: 12, outputTokens: 34, cacheReadTokens: 5, cacheWriteTokens: 6 };

const earlier: ChatMessage[] = [
  {
    ...emptyReply("msg_u0", null),
    role: "user",
    status: "done",
    content: [{ type: "text", text: "Earlier question" }],
  },
  {
    ...emptyReply("msg_a0", "claude-sonnet-4-6"),
    status: "done",
    content: [{ type: "text", text: "Earlier answer" }],
  },
];

const start: ChatEvent = {
  type: "start",
  conversationId: "conv_1",
  userMessageId: "msg_u1",
  assistantMessageId: "msg_a1",
  model: "claude-sonnet-4-6-20260101",
};

function run(actions: ChatAction[], initial: ChatMessage[] = earlier): ChatMessage[] {
  return actions.reduce(chatReducer, initial);
}

const sent: ChatAction = {
  type: "sent",
  userId: "local-u1",
  assistantId: "local-a1",
  text: "Hello",
  model: "claude-sonnet-4-6",
};

const ev = (id: string, event: ChatEvent): ChatAction => ({ type: "event", id, event });

/** A sent message followed by its start event and the given events for the real assistant id. */
function streamed(...events: ChatEvent[]): ChatMessage[] {
  return run([sent, ev("local-a1", start), ...events.map((event) => ev("msg_a1", event))]);
}

const last = (messages: ChatMessage[]) => messages[messages.length - 1] as ChatMessage;

describe("emptyReply", () => {
  it("is a streaming assistant message with nothing in it", () => {
    expect(emptyReply("x", "m")).toEqual({
      id: "x",
      role: "assistant",
      status: "streaming",
      content: [],
      model: "m",
      stopReason: null,
      usage: ZERO,
      costUsd: null,
      requestId: null,
      error: null,
      siblingIds: ["x"],
    });
  });
});

describe("chatReducer", () => {
  it("sent appends the user message and an empty streaming reply", () => {
    const state = run([sent]);
    expect(state).toHaveLength(4);
    expect(state[0]).toBe(earlier[0]);
    expect(state[2]).toEqual({
      ...emptyReply("local-u1", null),
      role: "user",
      status: "done",
      content: [{ type: "text", text: "Hello" }],
    });
    expect(state[3]).toEqual(emptyReply("local-a1", "claude-sonnet-4-6"));
  });

  it("does not mutate the previous state", () => {
    const before = structuredClone(earlier);
    run([sent, ev("local-a1", start)]);
    expect(earlier).toEqual(before);
  });

  it("start swaps the local ids for the real ones, user message too, and sets the model", () => {
    const state = run([sent, ev("local-a1", start)]);
    expect(state.map((message) => message.id)).toEqual(["msg_u0", "msg_a0", "msg_u1", "msg_a1"]);
    expect(last(state).model).toBe("claude-sonnet-4-6-20260101");
    expect(last(state).status).toBe("streaming");
    expect(state[2]?.content).toEqual([{ type: "text", text: "Hello" }]);
  });

  it("start leaves messages with real ids alone", () => {
    const state = run([sent, ev("local-a1", start)]);
    expect(state[0]).toBe(earlier[0]);
    expect(state[1]).toBe(earlier[1]);
  });

  it("events for another id change nothing", () => {
    const before = run([sent]);
    const after = chatReducer(before, ev("someone-else", { type: "block", index: 0, kind: "text" }));
    expect(after).toEqual(before);
  });

  it("retrying shows the wait until the reply's next event", () => {
    const waiting = streamed({
      type: "retrying",
      attempt: 1,
      retryAfterSeconds: 2,
      reason: "rate_limited",
      limit: "requests",
    });
    expect(last(waiting).retry).toEqual({
      attempt: 1,
      retryAfterSeconds: 2,
      reason: "rate_limited",
      limit: "requests",
    });
    const resumed = chatReducer(waiting, ev("msg_a1", { type: "usage", usage: USAGE }));
    expect(last(resumed).retry).toBeNull();
  });

  it("block and delta events build text", () => {
    const state = streamed(
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Hel" },
      { type: "delta", index: 0, text: "lo 🌸" },
    );
    expect(last(state).content).toEqual([{ type: "text", text: "Hello 🌸" }]);
  });

  it("block and delta events build thinking then text at their indices", () => {
    const state = streamed(
      { type: "block", index: 0, kind: "thinking" },
      { type: "delta", index: 0, text: "Let me " },
      { type: "delta", index: 0, text: "think." },
      { type: "block", index: 1, kind: "text" },
      { type: "delta", index: 1, text: "Answer" },
    );
    expect(last(state).content).toEqual([
      { type: "thinking", thinking: "Let me think." },
      { type: "text", text: "Answer" },
    ]);
  });

  it("a delta for an unannounced block is ignored", () => {
    const before = streamed({ type: "block", index: 0, kind: "text" });
    const after = chatReducer(before, ev("msg_a1", { type: "delta", index: 3, text: "lost" }));
    expect(last(after)).toBe(last(before));
  });

  it("usage replaces the usage", () => {
    const state = streamed(
      { type: "usage", usage: { ...ZERO, inputTokens: 9 } },
      { type: "usage", usage: USAGE },
    );
    expect(last(state).usage).toEqual(USAGE);
  });

  it("end sets status, stop reason, usage, cost and request id", () => {
    const state = streamed(
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Done." },
      {
        type: "end",
        status: "done",
        stopReason: "end_turn",
        usage: USAGE,
        costUsd: 0.0123,
        requestId: "req_1",
        error: null,
      },
    );
    expect(last(state)).toEqual({
      id: "msg_a1",
      role: "assistant",
      status: "done",
      content: [{ type: "text", text: "Done." }],
      model: "claude-sonnet-4-6-20260101",
      stopReason: "end_turn",
      usage: USAGE,
      costUsd: 0.0123,
      requestId: "req_1",
      error: null,
      siblingIds: ["msg_a1"],
    });
  });

  it("end with an error keeps the partial content and the error", () => {
    const error: ChatErrorInfo = {
      type: "overloaded_error",
      message: "Overloaded",
      requestId: "req_2",
      retryAfterSeconds: null,
    };
    const state = streamed(
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Partial" },
      {
        type: "end",
        status: "error",
        stopReason: null,
        usage: USAGE,
        costUsd: null,
        requestId: "req_2",
        error,
      },
    );
    expect(last(state)).toMatchObject({
      status: "error",
      error,
      content: [{ type: "text", text: "Partial" }],
    });
  });

  it("end compacts holes left by blocks that were not streamed", () => {
    const state = streamed(
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Searching" },
      { type: "block", index: 3, kind: "text" },
      { type: "delta", index: 3, text: "Found it" },
      {
        type: "end",
        status: "done",
        stopReason: "end_turn",
        usage: USAGE,
        costUsd: null,
        requestId: null,
        error: null,
      },
    );
    expect(last(state).content).toEqual([
      { type: "text", text: "Searching" },
      { type: "text", text: "Found it" },
    ]);
  });

  it("an unknown event type leaves the state unchanged", () => {
    const before = streamed({ type: "block", index: 0, kind: "text" });
    const after = chatReducer(before, ev("msg_a1", { type: "future_event", foo: 1 } as unknown as ChatEvent));
    expect(after).toEqual(before);
    expect(last(after)).toBe(last(before));
  });

  it("retrying replaces the failed reply with an empty sibling of it", () => {
    const error: ChatErrorInfo = { type: "x", message: "", requestId: null, retryAfterSeconds: null };
    const failed = run([
      sent,
      ev("local-a1", start),
      ev("msg_a1", {
        type: "end",
        status: "error",
        stopReason: null,
        usage: ZERO,
        costUsd: null,
        requestId: null,
        error,
      }),
    ]);
    const state = chatReducer(failed, {
      type: "retrying",
      failedId: "msg_a1",
      assistantId: "local-a2",
      model: "claude-opus-4-8",
    });
    expect(state).toHaveLength(4);
    expect(state[3]).toEqual({
      ...emptyReply("local-a2", "claude-opus-4-8"),
      siblingIds: ["msg_a1", "local-a2"],
    });
    expect(state.some((message) => message.id === "msg_a1")).toBe(false);
    expect(state[2]?.id).toBe("msg_u1");
  });

  it("a retried reply's start swaps only the assistant id", () => {
    const state = run([
      sent,
      ev("local-a1", start),
      { type: "retrying", failedId: "msg_a1", assistantId: "local-a2", model: "claude-sonnet-4-6" },
      ev("local-a2", { ...start, userMessageId: "msg_u1", assistantMessageId: "msg_a2" }),
    ]);
    expect(state.map((message) => message.id)).toEqual(["msg_u0", "msg_a0", "msg_u1", "msg_a2"]);
    expect(last(state).siblingIds).toEqual(["msg_a1", "msg_a2"]);
  });

  it("regenerating an earlier reply drops what followed it (that belongs to the old branch)", () => {
    const state = run([
      { type: "retrying", failedId: "msg_a0", assistantId: "local-a2", model: "claude-sonnet-4-6" },
    ]);
    expect(state.map((message) => message.id)).toEqual(["msg_u0", "local-a2"]);
    expect(last(state).siblingIds).toEqual(["msg_a0", "local-a2"]);
  });

  it("editing starts a new branch: a sibling user turn keeping the images, then an empty reply", () => {
    const image = { type: "image", source: { type: "url", url: "https://example.test/a.png" } };
    const initial: ChatMessage[] = [
      { ...earlier[0]!, content: [image, { type: "text", text: "Earlier question" }] },
      earlier[1]!,
    ];
    const state = run(
      [
        {
          type: "editing",
          editedId: "msg_u0",
          userId: "local-u9",
          assistantId: "local-a9",
          text: "Better question",
          model: "claude-sonnet-4-6",
        },
        ev("local-a9", { ...start, userMessageId: "msg_u9", assistantMessageId: "msg_a9" }),
      ],
      initial,
    );
    expect(state.map((message) => message.id)).toEqual(["msg_u9", "msg_a9"]);
    expect(state[0]).toMatchObject({
      role: "user",
      content: [image, { type: "text", text: "Better question" }],
      siblingIds: ["msg_u0", "msg_u9"],
    });
    expect(state[1]).toMatchObject({ status: "streaming", siblingIds: ["msg_a9"] });
  });

  it("replaced shows another branch; prepended adds older messages above", () => {
    const other = [{ ...emptyReply("msg_x", null), status: "done" as const }];
    expect(run([{ type: "replaced", messages: other }])).toBe(other);
    expect(run([{ type: "prepended", messages: other }]).map((message) => message.id)).toEqual([
      "msg_x",
      "msg_u0",
      "msg_a0",
    ]);
  });

  it("loaded keeps the versions the page knows of", () => {
    const initial = [{ ...earlier[1]!, siblingIds: ["msg_aa", "msg_a0"] }];
    const state = run([{ type: "loaded", message: { ...earlier[1]!, status: "stopped" } }], initial);
    expect(state[0]).toMatchObject({ status: "stopped", siblingIds: ["msg_aa", "msg_a0"] });
  });

  it("resuming empties the content and restarts streaming, keeping id and model", () => {
    const state = streamed(
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Half" },
      { type: "usage", usage: USAGE },
    );
    const resumed = chatReducer(state, { type: "resuming", id: "msg_a1" });
    expect(last(resumed)).toEqual(emptyReply("msg_a1", "claude-sonnet-4-6-20260101"));
    // Replaying from the first event rebuilds the same content, not a doubled one.
    const replayed = [
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Half" },
    ] as ChatEvent[];
    expect(
      last(replayed.reduce((acc, event) => chatReducer(acc, ev("msg_a1", event)), resumed)).content,
    ).toEqual([{ type: "text", text: "Half" }]);
  });

  it("discard removes the given messages", () => {
    const state = run([sent, { type: "discard", ids: ["local-u1", "local-a1"] }]);
    expect(state).toEqual(earlier);
  });

  it("discard of unknown ids changes nothing", () => {
    expect(run([{ type: "discard", ids: ["nope"] }])).toEqual(earlier);
  });
});

describe("chatReducer: multi-step replies", () => {
  const toolUse = {
    type: "tool_use",
    id: "toolu_1",
    name: "search_conversations",
    input: { query: "pasta" },
  };
  const toolResult = {
    type: "tool_result",
    tool_use_id: "toolu_1",
    content: [{ type: "text", text: '{"query":"pasta","results":[]}' }],
  };

  it("tool_call, tool_result and content put whole blocks at their indices", () => {
    const state = streamed(
      { type: "block", index: 0, kind: "thinking" },
      { type: "delta", index: 0, text: "Look it up." },
      { type: "tool_call", index: 1, block: toolUse },
      { type: "tool_result", index: 2, block: toolResult },
      { type: "step", step: 2 },
      { type: "content", index: 3, block: { type: "redacted_thinking" } },
      { type: "block", index: 4, kind: "text" },
      { type: "delta", index: 4, text: "Found nothing." },
    );
    expect(last(state).content).toEqual([
      { type: "thinking", thinking: "Look it up." },
      toolUse,
      toolResult,
      { type: "redacted_thinking" },
      { type: "text", text: "Found nothing." },
    ]);
  });

  it("a whole block replaces what was at its index and leaves the other blocks as they were", () => {
    const before = streamed(
      { type: "block", index: 0, kind: "text" },
      { type: "delta", index: 0, text: "Searching" },
      { type: "tool_call", index: 1, block: { ...toolUse, input: {} } },
    );
    const after = chatReducer(before, ev("msg_a1", { type: "tool_call", index: 1, block: toolUse }));
    expect(last(after).content[1]).toBe(toolUse);
    expect(last(after).content[0]).toBe(last(before).content[0]);
  });

  it("step changes nothing", () => {
    const before = streamed({ type: "block", index: 0, kind: "text" });
    expect(last(chatReducer(before, ev("msg_a1", { type: "step", step: 2 })))).toBe(last(before));
  });

  it("keeps unknown block types verbatim", () => {
    const block = { type: "future_block", payload: { a: 1 } };
    const state = streamed({ type: "content", index: 0, block });
    expect(last(state).content).toEqual([block]);
  });

  it.each([
    ["no block", { type: "content", index: 0 }],
    ["a block without a type", { type: "content", index: 0, block: { text: "x" } }],
    ["a negative index", { type: "tool_call", index: -1, block: toolUse }],
    ["a fractional index", { type: "tool_result", index: 1.5, block: toolResult }],
  ])("ignores a whole-block event with %s", (_name, event) => {
    const before = streamed({ type: "block", index: 0, kind: "text" });
    expect(last(chatReducer(before, ev("msg_a1", event as unknown as ChatEvent)))).toBe(last(before));
  });

  it("a delta aimed at a whole block leaves it alone", () => {
    const state = streamed(
      { type: "tool_call", index: 0, block: toolUse },
      { type: "delta", index: 0, text: "stray" },
    );
    expect(last(state).content).toEqual([toolUse]);
  });

  it("replaying a resumed multi-step reply rebuilds the same content", () => {
    const events: ChatEvent[] = [
      { type: "tool_call", index: 0, block: toolUse },
      { type: "tool_result", index: 1, block: toolResult },
      { type: "step", step: 2 },
      { type: "block", index: 2, kind: "text" },
      { type: "delta", index: 2, text: "Done" },
    ];
    const once = streamed(...events);
    const resumed = chatReducer(once, { type: "resuming", id: "msg_a1" });
    const replayed = events.reduce((acc, event) => chatReducer(acc, ev("msg_a1", event)), resumed);
    expect(last(replayed).content).toEqual(last(once).content);
  });
});
