// The generation starts upstream while its turn is being saved: it writes the reply only after the
// save, and abandons the reply (aborting upstream, announcing no end) when the save fails.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { generationBus } from "@/lib/chat/bus";
import { startGeneration } from "@/lib/chat/generate";
import type { SequencedEvent } from "@/lib/chat/protocol";
import { finishReply, markReplyFailed } from "@/lib/db/messages";

vi.mock("@/lib/db/messages", () => ({
  markReplyFailed: vi.fn(async () => {}),
  finishReply: vi.fn(async () => {}),
  saveReplyProgress: vi.fn(async () => {}),
}));
vi.mock("@/lib/db/conversations", () => ({ replaceInitialTitle: vi.fn() }));

// No API key and no base URL: the SDK talks to the built-in demo endpoint (a real SSE stream).
delete process.env.ANTHROPIC_API_KEY;
delete process.env.ANTHROPIC_BASE_URL;

function input(id: string) {
  return {
    conversationId: "conv",
    userMessageId: `user-${id}`,
    assistantMessageId: id,
    request: { model: "demo", max_tokens: 100, messages: [{ role: "user" as const, content: "Hello" }] },
  };
}

/** Everything published for `id` until its channel closes; `upstreamDone` once its message_delta arrived. */
function collect(id: string) {
  const events: SequencedEvent[] = [];
  let markUpstreamDone = () => {};
  const upstreamDone = new Promise<void>((resolve) => {
    markUpstreamDone = resolve;
  });
  const closed = new Promise<SequencedEvent[]>((resolve) => {
    generationBus.subscribe(
      id,
      -1,
      (event) => {
        events.push(event);
        // The usage after the text comes from message_delta: the upstream stream is over.
        if (event.event.type === "usage" && events.some(({ event }) => event.type === "delta"))
          markUpstreamDone();
      },
      () => resolve(events),
    );
  });
  return { closed, upstreamDone };
}

describe("startGeneration", () => {
  beforeEach(() => vi.mocked(finishReply).mockClear());

  it("writes the reply only once its turn is saved, then announces the end", async () => {
    let markSaved = () => {};
    const saved = new Promise<void>((resolve) => {
      markSaved = resolve;
    });
    startGeneration(input("reply-saved"), saved);
    const { closed, upstreamDone } = collect("reply-saved");
    await upstreamDone;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finishReply).not.toHaveBeenCalled();
    markSaved();
    const types = (await closed).map(({ event }) => event.type);
    expect(types[0]).toBe("start");
    expect(types.at(-1)).toBe("end");
    expect(finishReply).toHaveBeenCalledWith("reply-saved", expect.objectContaining({ status: "done" }));
  });

  it("abandons the reply when its turn cannot be saved: nothing written, no end announced", async () => {
    const saved = Promise.reject(new Error("foreign key violation"));
    startGeneration(input("reply-unsaved"), saved);
    const types = (await collect("reply-unsaved").closed).map(({ event }) => event.type);
    expect(types).not.toContain("end");
    expect(finishReply).not.toHaveBeenCalled();
  });

  it("marks the reply as failed when its final save fails, so it blocks nothing", async () => {
    vi.mocked(finishReply).mockRejectedValueOnce(new Error("database is locked"));
    startGeneration(input("reply-final-save-fails"), Promise.resolve());
    const types = (await collect("reply-final-save-fails").closed).map(({ event }) => event.type);
    expect(types).not.toContain("end");
    expect(markReplyFailed).toHaveBeenCalledWith("reply-final-save-fails");
  });
});
