// The reply runner against fakes: a scripted model client, a recording store, the in-process bus and
// a tool box of fake tools. No module is mocked.
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { InProcessBus } from "@/lib/chat/bus";
import type { ContentBlock } from "@/lib/chat/content";
import type { ChatEvent } from "@/lib/chat/protocol";
import {
  type FinishedReply,
  type ModelClient,
  type ReplyCommand,
  type RunnerParts,
  runReply,
  type StepUsage,
} from "@/lib/chat/runner";
import { type AppTool, toolBox } from "@/lib/tools/types";
import { replyCommand } from "../support/reply-command";

type RawEvent = { type: string; [key: string]: unknown };

/** The raw events of one API call that writes `blocks` and ends with `stopReason`. */
function call(
  blocks: ContentBlock[],
  stopReason: string | null,
  usage = { input: 10, output: 5 },
): RawEvent[] {
  const events: RawEvent[] = [
    {
      type: "message_start",
      message: {
        model: "claude-sonnet-4-6",
        usage: { input_tokens: usage.input, output_tokens: 1, cache_read_input_tokens: 0 },
      },
    },
  ];
  blocks.forEach((block, index) => {
    if (block.type === "text") {
      events.push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
      events.push({ type: "content_block_delta", index, delta: { type: "text_delta", text: block.text } });
    } else if (block.type === "thinking") {
      events.push({ type: "content_block_start", index, content_block: { type: "thinking", thinking: "" } });
      events.push({
        type: "content_block_delta",
        index,
        delta: { type: "thinking_delta", thinking: (block as { thinking: string }).thinking },
      });
      events.push({
        type: "content_block_delta",
        index,
        delta: { type: "signature_delta", signature: (block as { signature: string }).signature },
      });
    } else if (block.type === "tool_use") {
      const { input, ...start } = block as unknown as { input: unknown };
      events.push({ type: "content_block_start", index, content_block: { ...start, input: {} } });
      events.push({
        type: "content_block_delta",
        index,
        delta: { type: "input_json_delta", partial_json: JSON.stringify(input) },
      });
    }
    events.push({ type: "content_block_stop", index });
  });
  if (stopReason !== null) {
    events.push({
      type: "message_delta",
      delta: { stop_reason: stopReason },
      usage: { output_tokens: usage.output },
    });
    events.push({ type: "message_stop" });
  }
  return events;
}

/** One scripted API call: its events, then optionally an error, or a hang until aborted. */
interface Script {
  events: RawEvent[];
  ending?: "error" | "hang";
}

class FakeModel implements ModelClient {
  readonly requests: MessageCreateParamsBase[] = [];
  /** Resolves when call number n (1-based) has sent its events. */
  private readonly sent = new Map<number, () => void>();
  readonly eventsSent: Promise<void>[] = [];

  constructor(private readonly scripts: Script[]) {
    this.eventsSent = scripts.map(
      (_, n) =>
        new Promise<void>((resolve) => {
          this.sent.set(n, resolve);
        }),
    );
  }

  stream(request: MessageCreateParamsBase, signal: AbortSignal) {
    const n = this.requests.length;
    this.requests.push(structuredClone(request));
    const script = this.scripts[n];
    const done = this.sent.get(n);
    return {
      requestId: () => `req_${n + 1}`,
      async *[Symbol.asyncIterator]() {
        if (!script) throw new Error(`no script for call ${n + 1}`);
        for (const event of script.events) {
          signal.throwIfAborted();
          yield event;
          await Promise.resolve();
        }
        done?.();
        if (script.ending === "error") throw new Error("terminated");
        if (script.ending === "hang")
          await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
      },
    };
  }
}

class RecordingStore {
  readonly steps: StepUsage[] = [];
  finished: FinishedReply | null = null;
  progress: ContentBlock[][] = [];
  progressSeqs: number[] = [];
  async saveProgress(_id: string, content: ContentBlock[], seq: number) {
    this.progress.push(structuredClone(content)); // as the real store does, at the call (blocks grow later)
    this.progressSeqs.push(seq);
  }
  async recordStep(_reply: ReplyCommand, step: StepUsage) {
    this.steps.push(step);
  }
  async finish(_id: string, reply: FinishedReply) {
    this.finished = reply;
  }
}

const echoTool = (calls: unknown[]): AppTool => ({
  definition: { name: "lookup", description: "Looks up.", input_schema: { type: "object", properties: {} } },
  async run(input, context) {
    calls.push({ input, userId: context.userId, conversationId: context.conversationId });
    return { text: `found for ${JSON.stringify(input)}` };
  },
});

function command(tools = true): ReplyCommand {
  return replyCommand("Find my notes", tools ? [echoTool([]).definition] : []);
}

function setup(
  scripts: Script[],
  options: { maxSteps?: number; stallMs?: number; saveEveryMs?: number } = {},
) {
  const model = new FakeModel(scripts);
  const store = new RecordingStore();
  const bus = new InProcessBus();
  const toolCalls: unknown[] = [];
  const parts: RunnerParts = {
    model,
    store,
    bus,
    tools: toolBox([echoTool(toolCalls)]),
    maxSteps: options.maxSteps ?? 8,
    stallMs: options.stallMs ?? 5000,
    saveEveryMs: options.saveEveryMs,
  };
  return { model, store, bus, toolCalls, parts };
}

function events(bus: InProcessBus, id: string): ChatEvent[] {
  const seen: ChatEvent[] = [];
  bus.subscribe(
    id,
    -1,
    ({ event }) => seen.push(event),
    () => {},
  );
  return seen;
}

const lookup = (id: string, query: string): ContentBlock => ({
  type: "tool_use",
  id,
  name: "lookup",
  input: { query },
});

describe("runReply", () => {
  it("runs a single-step reply to done and saves it once the turn is saved", async () => {
    const { store, bus, parts } = setup([{ events: call([{ type: "text", text: "Hello" }], "end_turn") }]);
    const cmd = command();
    const running = runReply(cmd, Promise.resolve(), parts);
    const seen = events(bus, cmd.assistantMessageId);
    const finished = await running;
    expect(finished?.status).toBe("done");
    expect(store.finished?.content).toEqual([{ type: "text", text: "Hello" }]);
    expect(store.finished?.usage).toMatchObject({ inputTokens: 10, outputTokens: 5 });
    expect(store.finished?.costUsd).toBeCloseTo((10 * 3 + 5 * 15) / 1e6);
    expect(seen.map((event) => event.type)).toEqual(["start", "usage", "block", "delta", "usage", "end"]);
    expect(finished?.steps).toBe(1);
    // The step count is for the server's log, not part of the browser's protocol.
    expect(seen.at(-1)).not.toHaveProperty("steps");
    expect(store.steps).toHaveLength(1);
  });

  it("announces the end only once every step's ledger row has landed", async () => {
    const { store, bus, parts } = setup([
      { events: call([lookup("toolu_1", "a")], "tool_use") },
      { events: call([{ type: "text", text: "Done" }], "end_turn") },
    ]);
    const landed: number[] = [];
    store.recordStep = async (_reply, step) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      landed.push(step.step);
    };
    const cmd = command();
    const running = runReply(cmd, Promise.resolve(), parts);
    const seen = events(bus, cmd.assistantMessageId);
    const landedAtEnd: number[][] = [];
    bus.subscribe(
      cmd.assistantMessageId,
      -1,
      ({ event }) => event.type === "end" && landedAtEnd.push([...landed]),
      () => {},
    );
    await running;
    expect(seen.at(-1)?.type).toBe("end");
    expect(landedAtEnd).toEqual([[1, 2]]);
  });

  it("runs a 3-step tool loop: every step's blocks in one message, results between calls, usage summed", async () => {
    const thinking = { type: "thinking", thinking: "I should search.", signature: "sig-1" };
    const { model, store, bus, toolCalls, parts } = setup([
      { events: call([thinking, { type: "text", text: "Searching." }, lookup("t1", "tea")], "tool_use") },
      { events: call([lookup("t2", "green tea")], "tool_use", { input: 30, output: 7 }) },
      { events: call([{ type: "text", text: "You wrote about green tea." }], "end_turn") },
    ]);
    const cmd = command();
    const running = runReply(cmd, Promise.resolve(), parts);
    const seen = events(bus, cmd.assistantMessageId);
    const finished = await running;

    expect(model.requests).toHaveLength(3);
    expect(toolCalls).toEqual([
      { input: { query: "tea" }, userId: "user-1", conversationId: "conv-1" },
      { input: { query: "green tea" }, userId: "user-1", conversationId: "conv-1" },
    ]);
    const types = finished?.content.map((block) => block.type);
    expect(types).toEqual(["thinking", "text", "tool_use", "tool_result", "tool_use", "tool_result", "text"]);
    // The second call sends the first step back exactly (thinking and signature first), then the result.
    expect(model.requests[1]?.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "I should search.", signature: "sig-1" },
          { type: "text", text: "Searching." },
          { type: "tool_use", id: "t1", name: "lookup", input: { query: "tea" } },
        ],
      },
      {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: "t1",
            content: [{ type: "text", text: 'found for {"query":"tea"}' }],
          },
        ],
      },
    ]);
    expect(model.requests[2]?.messages).toHaveLength(5);
    expect(finished?.usage).toMatchObject({ inputTokens: 50, outputTokens: 17 });
    expect(finished?.steps).toBe(3);
    expect(store.steps.map((step) => [step.step, step.usage.inputTokens, step.requestId])).toEqual([
      [1, 10, "req_1"],
      [2, 30, "req_2"],
      [3, 10, "req_3"],
    ]);
    // Events: a step marker per later call; indexes are positions in the one message.
    expect(seen.filter((event) => event.type === "step")).toEqual([
      { type: "step", step: 2 },
      { type: "step", step: 3 },
    ]);
    const placed = seen.flatMap((event) =>
      event.type === "block"
        ? [`${event.index}:${event.kind}`]
        : event.type === "tool_call" || event.type === "tool_result"
          ? [`${event.index}:${event.block.type}`]
          : [],
    );
    expect(placed).toEqual([
      "0:thinking",
      "1:text",
      "2:tool_use",
      "3:tool_result",
      "4:tool_use",
      "5:tool_result",
      "6:text",
    ]);
    // Signatures stay on the server.
    expect(JSON.stringify(seen)).not.toContain("sig-1");
  });

  it("continues a paused turn without running tools", async () => {
    const { model, toolCalls, parts } = setup([
      { events: call([{ type: "text", text: "Part one." }], "pause_turn") },
      { events: call([{ type: "text", text: "Part two." }], "end_turn") },
    ]);
    const finished = await runReply(command(), Promise.resolve(), parts);
    expect(toolCalls).toEqual([]);
    expect(model.requests[1]?.messages.at(-1)).toEqual({
      role: "assistant",
      content: [{ type: "text", text: "Part one." }],
    });
    expect(finished?.content).toEqual([
      { type: "text", text: "Part one." },
      { type: "text", text: "Part two." },
    ]);
    expect(finished?.stopReason).toBe("end_turn");
  });

  it("ends a runaway loop at the step cap with stop reason max_steps", async () => {
    const loop = (n: number): Script => ({ events: call([lookup(`t${n}`, "again")], "tool_use") });
    const { model, parts } = setup([loop(1), loop(2), loop(3)], { maxSteps: 2 });
    const finished = await runReply(command(), Promise.resolve(), parts);
    expect(model.requests).toHaveLength(2);
    expect(finished?.status).toBe("done");
    expect(finished?.stopReason).toBe("max_steps");
    expect(finished?.steps).toBe(2);
  });

  it("Stop during step 2 keeps step 1 and the partial step 2 as stopped", async () => {
    const { model, store, bus, parts } = setup([
      { events: call([{ type: "text", text: "Step one." }, lookup("t1", "x")], "tool_use") },
      { events: call([{ type: "text", text: "Step two so far" }], null), ending: "hang" },
    ]);
    const cmd = command();
    const running = runReply(cmd, Promise.resolve(), parts);
    await model.eventsSent[1];
    expect(bus.stop(cmd.assistantMessageId)).toBe(true);
    const finished = await running;
    expect(finished?.status).toBe("stopped");
    expect(store.finished?.content.map((block) => block.type)).toEqual([
      "text",
      "tool_use",
      "tool_result",
      "text",
    ]);
    expect(store.finished?.content.at(-1)).toEqual({ type: "text", text: "Step two so far" });
  });

  it("an error in step 2 keeps step 1 and the partial step 2, as error", async () => {
    const { store, parts } = setup([
      { events: call([lookup("t1", "x")], "tool_use") },
      { events: call([{ type: "text", text: "Half" }], null), ending: "error" },
    ]);
    const finished = await runReply(command(), Promise.resolve(), parts);
    expect(finished?.status).toBe("error");
    expect(finished?.error?.type).toBe("connection_error");
    expect(finished?.stopReason).toBeNull();
    expect(store.finished?.content.map((block) => block.type)).toEqual(["tool_use", "tool_result", "text"]);
  });

  it("answers a call of a tool that was not offered with an error result", async () => {
    const { toolCalls, store, parts } = setup([
      { events: call([lookup("t1", "x")], "tool_use") },
      { events: call([{ type: "text", text: "Sorry." }], "end_turn") },
    ]);
    await runReply(command(false), Promise.resolve(), parts);
    expect(toolCalls).toEqual([]);
    expect(store.finished?.content[1]).toMatchObject({
      type: "tool_result",
      tool_use_id: "t1",
      is_error: true,
    });
  });

  it("a step with no data for the stall timeout fails as stalled, keeping what arrived", async () => {
    const { parts } = setup([{ events: call([{ type: "text", text: "Partial" }], null), ending: "hang" }], {
      stallMs: 50,
    });
    const finished = await runReply(command(), Promise.resolve(), parts);
    expect(finished?.status).toBe("error");
    expect(finished?.error?.type).toBe("stalled");
    expect(finished?.content).toEqual([{ type: "text", text: "Partial" }]);
  });

  it("abandons a reply whose turn could not be saved: nothing saved, no end announced", async () => {
    const { store, bus, parts } = setup([
      { events: call([{ type: "text", text: "Hello" }], null), ending: "hang" },
    ]);
    const cmd = command();
    const running = runReply(cmd, Promise.reject(new Error("disk full")), parts);
    const seen = events(bus, cmd.assistantMessageId);
    expect(await running).toBeNull();
    expect(store.finished).toBeNull();
    expect(store.progress).toEqual([]);
    expect(seen.some((event) => event.type === "end")).toBe(false);
  });

  it("writes nothing before the turn is saved, then saves the reply", async () => {
    let markSaved = () => {};
    const saved = new Promise<void>((resolve) => {
      markSaved = resolve;
    });
    const { model, store, parts } = setup([{ events: call([{ type: "text", text: "Hi" }], "end_turn") }]);
    const running = runReply(command(), saved, parts);
    await model.eventsSent[0];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.finished).toBeNull();
    markSaved();
    expect((await running)?.status).toBe("done");
    expect(store.finished?.status).toBe("done");
  });

  it("saves progress with the seq of the last event it includes, so a follower elsewhere resumes after it", async () => {
    const { store, bus, parts } = setup(
      [{ events: call([{ type: "text", text: "One two three" }], "end_turn") }],
      { saveEveryMs: -1 },
    );
    const cmd = command();
    const running = runReply(cmd, Promise.resolve(), parts);
    const seen: { seq: number; type: string }[] = [];
    bus.subscribe(
      cmd.assistantMessageId,
      -1,
      ({ seq, event }) => seen.push({ seq, type: event.type }),
      () => {},
    );
    await running;
    expect(store.progressSeqs.length).toBeGreaterThan(0);
    store.progressSeqs.forEach((seq, i) => {
      // Every event up to `seq` is reflected in the content saved with it: the text once its delta is in.
      const hasDelta = seen.some((event) => event.seq <= seq && event.type === "delta");
      const text = (store.progress[i]?.[0] as { text?: string } | undefined)?.text ?? "";
      expect(text).toBe(hasDelta ? "One two three" : "");
    });
    expect(store.progressSeqs).toEqual([...store.progressSeqs].sort((a, b) => a - b));
  });
});
