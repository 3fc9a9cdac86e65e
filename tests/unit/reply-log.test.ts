// The operator's line for a finished reply, written by startGeneration with a fake model and store.
import { describe, expect, it, vi } from "vitest";
import { InProcessBus } from "@/lib/chat/bus";
import { replySpec } from "@/lib/chat/request";
import type { ModelClient, ReplyCommand, RunnerParts } from "@/lib/chat/runner";
import { NO_TOOLS } from "@/lib/tools/types";

const { logLines } = vi.hoisted(() => ({ logLines: [] as string[] }));

vi.mock("@/lib/log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/log")>();
  return { ...actual, logger: actual.createLogger("info", { write: (line: string) => logLines.push(line) }) };
});

const { startGeneration } = await import("@/lib/chat/generate");

const QUESTION = "my secret question about tea";
const ANSWER = "a private answer about tea";

const model: ModelClient = {
  stream: () => ({
    requestId: () => "req_api_123",
    async *[Symbol.asyncIterator]() {
      yield {
        type: "message_start",
        message: {
          model: "claude-sonnet-4-6",
          usage: {
            input_tokens: 120,
            output_tokens: 1,
            cache_read_input_tokens: 40,
            cache_creation_input_tokens: 8,
          },
        },
      };
      yield { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } };
      yield { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: ANSWER } };
      yield { type: "content_block_stop", index: 0 };
      yield { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 9 } };
      yield { type: "message_stop" };
    },
  }),
};

const command: ReplyCommand = {
  userId: "user-7",
  conversationId: "conv-7",
  userMessageId: "msg-user-7",
  assistantMessageId: "msg-reply-7",
  spec: replySpec({
    modelId: "claude-sonnet-4-6",
    model: undefined,
    history: [{ role: "user", content: [{ type: "text", text: QUESTION }] }],
    system: "a secret system prompt",
    params: {},
    userId: "user-7",
    promptCaching: false,
    tools: [],
  }),
};

describe("the reply log line", () => {
  it("names the reply, its outcome, steps, latency, tokens, cost and the API's request id, never text", async () => {
    const parts: RunnerParts = {
      model,
      store: { saveProgress: async () => {}, recordStep: async () => {}, finish: async () => {} },
      bus: new InProcessBus(),
      tools: NO_TOOLS,
      maxSteps: 8,
      stallMs: 5000,
    };
    startGeneration(command, Promise.resolve(), undefined, parts);
    await vi.waitFor(() => expect(logLines.some((line) => line.includes('"msg":"reply"'))).toBe(true));
    const line = logLines.find((entry) => entry.includes('"msg":"reply"')) ?? "";
    expect(JSON.parse(line)).toMatchObject({
      level: "info",
      replyId: "msg-reply-7",
      userId: "user-7",
      conversationId: "conv-7",
      model: "claude-sonnet-4-6",
      status: "done",
      stopReason: "end_turn",
      steps: 1,
      ms: expect.any(Number),
      inputTokens: 120,
      outputTokens: 9,
      cacheReadTokens: 40,
      cacheWriteTokens: 8,
      costUsd: expect.any(Number),
      apiRequestId: "req_api_123",
    });
    for (const text of [QUESTION, ANSWER, "a secret system prompt"]) expect(line).not.toContain(text);
  });
});
