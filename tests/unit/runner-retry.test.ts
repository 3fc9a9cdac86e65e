// The runner's visible retries: a call that fails before its first event is announced (`retrying`)
// and sent again after the wait; Stop ends the wait; what persists ends as an error naming the limit.
import Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { InProcessBus } from "@/lib/chat/bus";
import type { ChatEvent } from "@/lib/chat/protocol";
import { retryPlan } from "@/lib/chat/retry";
import { type ModelClient, type RunnerParts, runReply } from "@/lib/chat/runner";
import { toolBox } from "@/lib/tools/types";
import { replyCommand } from "../support/reply-command";

type RawEvent = { type: string; [key: string]: unknown };

const TEXT: RawEvent[] = [
  {
    type: "message_start",
    message: { model: "claude-sonnet-4-6", usage: { input_tokens: 10, output_tokens: 1 } },
  },
  { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hello" } },
  { type: "content_block_stop", index: 0 },
  { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 5 } },
  { type: "message_stop" },
];

function rateLimited(headers: Record<string, string>, message = "rate limit of 50 requests per minute") {
  return new Anthropic.RateLimitError(
    429,
    { type: "error", error: { type: "rate_limit_error", message } },
    undefined,
    new Headers({ "request-id": "req_429", ...headers }),
  );
}

const REQUESTS_AT_ZERO = {
  "anthropic-ratelimit-requests-limit": "50",
  "anthropic-ratelimit-requests-remaining": "0",
  "anthropic-ratelimit-requests-reset": "2026-12-01T10:00:30Z",
};

/** Fails its first `failures.length` calls with those errors (before any event), then streams TEXT. */
class FlakyModel implements ModelClient {
  calls = 0;
  constructor(
    private readonly failures: Error[],
    private readonly midStream = false,
  ) {}
  stream(_request: MessageCreateParamsBase, signal: AbortSignal) {
    const n = this.calls++;
    const failure = this.failures[n];
    const midStream = this.midStream;
    return {
      requestId: () => `req_${n + 1}`,
      async *[Symbol.asyncIterator]() {
        signal.throwIfAborted();
        if (failure && !midStream) throw failure;
        for (const event of TEXT.slice(0, failure ? 2 : TEXT.length)) yield event;
        if (failure) throw failure;
      },
    };
  }
}

function run(model: ModelClient, maxRetries: number) {
  const bus = new InProcessBus();
  const parts: RunnerParts = {
    model,
    store: { saveProgress: async () => {}, recordStep: async () => {}, finish: async () => {} },
    bus,
    tools: toolBox([]),
    maxSteps: 4,
    stallMs: 5000,
    maxRetries,
  };
  const cmd = replyCommand("Hi");
  const finished = runReply(cmd, Promise.resolve(), parts);
  const seen: ChatEvent[] = [];
  bus.subscribe(
    cmd.assistantMessageId,
    -1,
    ({ event }) => seen.push(event),
    () => {},
  );
  return { finished, seen, bus, id: cmd.assistantMessageId };
}

describe("runReply retries", () => {
  it("announces each 429 retry with its wait and the limit hit, then finishes the reply", async () => {
    const error = rateLimited({ "retry-after-ms": "30", ...REQUESTS_AT_ZERO });
    const model = new FlakyModel([error, error]);
    const { finished, seen } = run(model, 2);
    expect((await finished)?.status).toBe("done");
    expect(model.calls).toBe(3);
    const retrying = seen.filter((event) => event.type === "retrying");
    expect(retrying).toEqual([
      { type: "retrying", attempt: 1, retryAfterSeconds: 1, reason: "rate_limited", limit: "requests" },
      { type: "retrying", attempt: 2, retryAfterSeconds: 1, reason: "rate_limited", limit: "requests" },
    ]);
    expect(seen.map((event) => event.type).slice(0, 4)).toEqual(["start", "retrying", "retrying", "usage"]);
  });

  it("a 429 that outlasts the retries ends as rate_limited naming the limit and its reset", async () => {
    const error = rateLimited({ "retry-after": "0", ...REQUESTS_AT_ZERO });
    const model = new FlakyModel([error, error, error]);
    const reply = await run(model, 1).finished;
    expect(model.calls).toBe(2);
    expect(reply?.status).toBe("error");
    expect(reply?.error).toMatchObject({
      type: "rate_limited",
      requestId: "req_429",
      params: { limit: "requests", resetsAt: "2026-12-01T10:00:30.000Z" },
    });
  });

  it("Stop during the wait ends the reply at once as stopped, with no further call", async () => {
    const model = new FlakyModel([rateLimited({ "retry-after": "30" })]);
    const { finished, seen, bus, id } = run(model, 2);
    await expect.poll(() => seen.some((event) => event.type === "retrying")).toBe(true);
    const started = Date.now();
    expect(bus.stop(id)).toBe(true);
    expect((await finished)?.status).toBe("stopped");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(model.calls).toBe(1);
  });

  it("does not retry a call that failed after its first event (its text was shown)", async () => {
    const model = new FlakyModel([rateLimited({ "retry-after": "0" })], true);
    const { finished, seen } = run(model, 2);
    expect((await finished)?.status).toBe("error");
    expect(model.calls).toBe(1);
    expect(seen.some((event) => event.type === "retrying")).toBe(false);
  });

  it("without retries configured, the first failure ends the reply", async () => {
    const model = new FlakyModel([rateLimited({ "retry-after": "0" })]);
    expect((await run(model, 0).finished)?.error?.type).toBe("rate_limited");
    expect(model.calls).toBe(1);
  });
});

describe("retryPlan", () => {
  const overloaded = (headers: Record<string, string> = {}) =>
    new Anthropic.APIError(
      529,
      { type: "error", error: { type: "overloaded_error" } },
      "Overloaded",
      new Headers(headers),
    );

  it("waits the retry-after under a minute, else backs off 0.5 · 2ⁿ s", () => {
    expect(retryPlan(rateLimited({ "retry-after": "2" }), 1, 2)?.waitMs).toBe(2000);
    expect(retryPlan(rateLimited({ "retry-after": "600" }), 2, 2, () => 0)?.waitMs).toBe(1000);
    expect(retryPlan(overloaded(), 1, 2, () => 0)).toEqual({
      waitMs: 500,
      notice: { attempt: 1, retryAfterSeconds: 1, reason: "overloaded", limit: null },
    });
  });

  it("gives up past the retries, on x-should-retry: false, on a 400 and on the spend cap", () => {
    expect(retryPlan(overloaded(), 3, 2)).toBeNull();
    expect(retryPlan(overloaded({ "x-should-retry": "false" }), 1, 2)).toBeNull();
    const bad = new Anthropic.BadRequestError(400, { type: "error", error: {} }, "bad", new Headers());
    expect(retryPlan(bad, 1, 2)).toBeNull();
    const cap = rateLimited({}, "You have reached your API usage limits: monthly API usage threshold");
    expect(retryPlan(cap, 1, 2)).toBeNull();
    expect(retryPlan(new Anthropic.APIConnectionError({ message: "reset" }), 1, 2)?.notice.reason).toBe(
      "connection_error",
    );
  });
});
