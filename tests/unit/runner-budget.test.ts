// The runner's budget part: checked before every further step of a reply; a refusal ends the reply
// with `budget_exceeded` (and its values), keeps the steps before it, and makes no further API call.
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { BudgetExceededError } from "@/lib/budget/errors";
import { InProcessBus } from "@/lib/chat/bus";
import type { ContentBlock } from "@/lib/chat/content";
import { replySpec } from "@/lib/chat/request";
import type { FinishedReply, ModelClient, ReplyCommand, RunnerParts } from "@/lib/chat/runner";
import { runReply } from "@/lib/chat/runner";
import { toolBox } from "@/lib/tools/types";

type RawEvent = { type: string; [key: string]: unknown };

/** One API call: a text block and, for stop reason tool_use, a call of the `lookup` tool. */
function call(text: string, stopReason: "end_turn" | "tool_use"): RawEvent[] {
  const events: RawEvent[] = [
    {
      type: "message_start",
      message: { model: "claude-sonnet-4-6", usage: { input_tokens: 10, output_tokens: 1 } },
    },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
    { type: "content_block_stop", index: 0 },
  ];
  if (stopReason === "tool_use") {
    events.push(
      {
        type: "content_block_start",
        index: 1,
        content_block: { type: "tool_use", id: "tu_1", name: "lookup", input: {} },
      },
      { type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: "{}" } },
      { type: "content_block_stop", index: 1 },
    );
  }
  events.push({ type: "message_delta", delta: { stop_reason: stopReason }, usage: { output_tokens: 5 } });
  events.push({ type: "message_stop" });
  return events;
}

function fakeModel(calls: RawEvent[][]) {
  const requests: MessageCreateParamsBase[] = [];
  const model: ModelClient = {
    stream(request) {
      const events = calls[requests.length];
      requests.push(request);
      return {
        requestId: () => `req_${requests.length}`,
        async *[Symbol.asyncIterator]() {
          if (!events) throw new Error("unexpected call");
          yield* events;
        },
      };
    },
  };
  return { model, requests };
}

const lookupTool = {
  definition: {
    name: "lookup",
    description: "Looks up.",
    input_schema: { type: "object" as const, properties: {} },
  },
  run: async () => ({ text: "found" }),
};

function command(): ReplyCommand {
  return {
    userId: "user-1",
    conversationId: "conv-1",
    userMessageId: "msg-user",
    assistantMessageId: "msg-reply",
    spec: replySpec({
      modelId: "claude-sonnet-4-6",
      model: undefined,
      history: [{ role: "user", content: [{ type: "text", text: "Find my notes" }] }],
      system: null,
      params: {},
      userId: "user-1",
      promptCaching: false,
      tools: [lookupTool.definition],
    }),
  };
}

function parts(model: ModelClient, budget: RunnerParts["budget"]) {
  let finished: FinishedReply | null = null;
  const runnerParts: RunnerParts = {
    model,
    store: {
      saveProgress: async () => {},
      recordStep: async () => {},
      finish: async (_id, reply) => {
        finished = reply;
      },
    },
    bus: new InProcessBus(),
    tools: toolBox([lookupTool]),
    maxSteps: 8,
    stallMs: 5000,
    budget,
  };
  return { runnerParts, finished: () => finished };
}

describe("runReply with a budget part", () => {
  it("checks the budget before step 2 (not step 1, which the chat route reserves) with that step's request", async () => {
    const { model, requests } = fakeModel([call("Looking", "tool_use"), call("Done", "end_turn")]);
    const checks: { step: number; request: MessageCreateParamsBase }[] = [];
    const { runnerParts } = parts(model, {
      beforeCall: async (_command, request, step) => {
        checks.push({ step, request });
      },
    });
    const finished = await runReply(command(), Promise.resolve(), runnerParts);
    expect(finished?.status).toBe("done");
    expect(checks.map((check) => check.step)).toEqual([2]);
    expect(checks[0]?.request).toEqual(requests[1]);
  });

  it("ends the reply with budget_exceeded before a further step is sent, keeping the first step", async () => {
    const { model, requests } = fakeModel([call("Looking", "tool_use"), call("Never sent", "end_turn")]);
    const resetsAt = new Date("2027-01-01T00:00:00Z");
    const { runnerParts } = parts(model, {
      beforeCall: async () => {
        throw new BudgetExceededError(5, resetsAt);
      },
    });
    const finished = await runReply(command(), Promise.resolve(), runnerParts);
    expect(requests).toHaveLength(1);
    expect(finished?.status).toBe("error");
    expect(finished?.steps).toBe(1);
    expect(finished?.error).toMatchObject({
      type: "budget_exceeded",
      params: { budgetUsd: 5, resetsAt: "2027-01-01T00:00:00.000Z" },
    });
    const texts = (finished?.content ?? []).filter((block: ContentBlock) => block.type === "text");
    expect(texts).toEqual([{ type: "text", text: "Looking" }]);
  });
});
