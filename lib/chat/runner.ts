// Runs one assistant reply to its end, independent of the browser request that started it. A reply
// may take several Messages-API calls ("steps"): after `tool_use` the app runs the tools and sends
// their results back; after `pause_turn` (a server tool paused) it sends the turn back to continue.
// Every step's blocks belong to the one assistant message, in order. The parts it works with are
// passed in (model client, reply store, generation bus, tools), so it runs against fakes in tests.
import type { MessageCreateParamsBase, RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages";
import { logger } from "@/lib/log";
import { billedModel } from "@/lib/model/providers";
import { addUsage, costUsd } from "@/lib/pricing/cost";
import type { ToolBox } from "@/lib/tools/types";
import type { GenerationBus } from "./bus";
import { type ContentBlock, forBrowser } from "./content";
import { classifyError, namingTheTool, StalledError } from "./errors";
import { type ChatErrorInfo, EMPTY_USAGE, type ReplyStatus, type TokenUsage } from "./protocol";
import { ReplyAccumulator } from "./relay";
import { type ReplySpec, stepRequest } from "./request";
import { withRetries } from "./retry";

/** One streamed Messages-API call. */
export interface ModelStream extends AsyncIterable<RawMessageStreamEvent | { type: string }> {
  /** The API's request id, once the response has started. */
  requestId(): string | null;
}

export interface ModelClient {
  stream(request: MessageCreateParamsBase, signal: AbortSignal): ModelStream;
}

export interface FinishedReply {
  status: Exclude<ReplyStatus, "streaming">;
  content: ContentBlock[];
  stopReason: string | null;
  /** Summed over the steps. */
  usage: TokenUsage;
  /** Summed over the steps; null when a step's model has no known price. */
  costUsd: number | null;
  requestId: string | null;
  model: string;
  /** API calls made. */
  steps: number;
  error: ChatErrorInfo | null;
}

/** The usage of one API call of a reply, recorded as soon as that call ends. */
export interface StepUsage {
  step: number;
  model: string;
  usage: TokenUsage;
  costUsd: number | null;
  requestId: string | null;
}

export interface ReplyStore {
  /** `seq`: the last event published that `content` includes. Copies `content` at the call: its blocks keep growing. */
  saveProgress(replyId: string, content: ContentBlock[], seq: number): Promise<unknown>;
  recordStep(reply: ReplyCommand, step: StepUsage): Promise<unknown>;
  finish(replyId: string, reply: FinishedReply): Promise<unknown>;
}

export interface RunnerParts {
  model: ModelClient;
  store: ReplyStore;
  bus: GenerationBus;
  tools: ToolBox;
  /** API calls one reply may make before it is ended with stop reason `max_steps`. */
  maxSteps: number;
  /** A step with no data from the API for this long fails as "stalled". */
  stallMs: number;
  /** How often the partial reply is saved while it streams. */
  saveEveryMs?: number;
  /** Checks the budget before each further step (the first is checked before the reply starts). */
  budget?: BudgetGate;
  /** Retries of a call that fails before its first event, each announced (see retry.ts); default 0. */
  maxRetries?: number;
}

/** Reserves the estimated cost of a call, or throws (BudgetExceededError) so that it is not made. */
export interface BudgetGate {
  beforeCall(command: ReplyCommand, request: MessageCreateParamsBase, step: number): Promise<void>;
}

/** A checked request to answer a user turn (see service.ts). */
export interface ReplyCommand {
  userId: string;
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
  spec: ReplySpec;
}

const SAVE_EVERY_MS = 1000;

/**
 * A timer that aborts a step when the API sends nothing for `ms`; paused while tools run. Poked on
 * every upstream event, so it re-arms its one timer (refresh) instead of making a new one each time.
 */
function stallWatch(controller: AbortController, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = {
    fired: false,
    poke() {
      if (timer) timer.refresh();
      else
        timer = setTimeout(() => {
          watch.fired = true;
          controller.abort();
        }, ms);
    },
    pause() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
  return watch;
}

function sumCost(total: number | null, step: number | null): number | null {
  return total === null || step === null ? null : total + step;
}

/**
 * Runs a reply. The first upstream request goes out at once, while `saved` (the turn being written)
 * settles: nothing is written before it, and a turn that could not be saved is abandoned (upstream
 * aborted, no end announced; resolves null). Otherwise resolves with the reply as saved.
 */
export async function runReply(
  command: ReplyCommand,
  saved: Promise<unknown>,
  parts: RunnerParts,
): Promise<FinishedReply | null> {
  const { bus, store } = parts;
  const id = command.assistantMessageId;
  const controller = new AbortController();
  let stopped = false;
  bus.open(id, () => {
    stopped = true;
    controller.abort();
  });
  bus.publish(id, {
    type: "start",
    conversationId: command.conversationId,
    userMessageId: command.userMessageId,
    assistantMessageId: id,
    model: command.spec.params.model,
  });
  let turnSaved = false;
  const savedOk = saved.then(
    () => (turnSaved = true),
    () => {
      controller.abort();
      return false;
    },
  );

  const stall = stallWatch(controller, parts.stallMs);
  const upstream = withRetries(parts.model, {
    maxRetries: parts.maxRetries ?? 0,
    onWait(notice) {
      stall.pause(); // the wait is ours, not a silent API
      bus.publish(id, { type: "retrying", ...notice });
    },
    onResume: () => stall.poke(),
  });
  const saveEveryMs = parts.saveEveryMs ?? SAVE_EVERY_MS;
  // Positions stay as announced while the reply runs; empty blocks are dropped only at the end.
  const content: ContentBlock[] = [];
  let usage: TokenUsage = { ...EMPTY_USAGE };
  let cost: number | null = 0;
  let model = command.spec.params.model;
  let stopReason: string | null = null;
  let requestId: string | null = null;
  let steps = 0;
  let failure: unknown = null;
  let lastSave = Date.now();
  let lastSeq = -1;
  let saving: Promise<unknown> | null = null;
  // Each step's ledger row is written while the reply goes on, and all have landed before it ends:
  // whoever reads the ledger after the end event sees the whole reply.
  const recordings: Promise<unknown>[] = [];

  try {
    for (let step = 1; ; step++) {
      const request = stepRequest(command.spec, content);
      if (step > 1) await parts.budget?.beforeCall(command, request, step);
      steps = step;
      if (step > 1) bus.publish(id, { type: "step", step });
      stopReason = null;
      const reply = new ReplyAccumulator(content.length);
      const stream = upstream.stream(request, controller.signal);
      stall.poke();
      try {
        for await (const event of stream) {
          stall.poke();
          for (const chatEvent of reply.apply(event)) lastSeq = bus.publish(id, chatEvent);
          // Progress is saved once the turn is, one save at a time, never awaited here: the relay
          // goes on while it is written. The store takes its copy of the content at the call.
          if (turnSaved && !saving && Date.now() - lastSave > saveEveryMs) {
            lastSave = Date.now();
            saving = store
              .saveProgress(id, [...content, ...reply.content], lastSeq)
              .catch((error: unknown) => logger.warn({ err: error, replyId: id }, "reply progress not saved"))
              .finally(() => {
                saving = null;
              });
          }
        }
      } finally {
        stall.pause();
        content.push(...reply.contentSoFar());
        requestId = stream.requestId() ?? requestId;
        if (reply.model) {
          model = billedModel(command.spec.params.model, reply.model);
          const stepCost = costUsd(model, reply.usage);
          usage = addUsage(usage, reply.usage);
          cost = sumCost(cost, stepCost);
          const record = { step, model, usage: reply.usage, costUsd: stepCost, requestId };
          recordings.push(
            store.recordStep(command, record).catch((error: unknown) => {
              logger.error({ err: error, replyId: id, step }, "usage of a reply step could not be recorded");
            }),
          );
        }
      }
      stopReason = reply.stopReason;
      if (stopReason !== "tool_use" && stopReason !== "pause_turn") break;
      if (step >= parts.maxSteps) {
        stopReason = "max_steps";
        break;
      }
      if (stopReason === "tool_use")
        await runTools(reply.toolCalls(), content, command, parts, controller.signal);
    }
  } catch (error) {
    failure = error;
  } finally {
    stall.pause();
  }

  await saving; // a progress save still being written must not land after the end
  await Promise.all(recordings);
  if (!(await savedOk)) {
    bus.close(id);
    return null;
  }
  const status = stopped ? "stopped" : failure || stall.fired ? "error" : "done";
  const error =
    status === "error"
      ? namingTheTool(
          classifyError(stall.fired ? new StalledError(parts.stallMs) : failure, requestId),
          command.spec.params.tools,
        )
      : null;
  const finished: FinishedReply = {
    status,
    content: content.filter(
      (block) => block && !(block.type === "text" && (block as { text: string }).text === ""),
    ),
    stopReason,
    usage,
    costUsd: cost,
    requestId: error?.requestId ?? requestId,
    model,
    steps,
    error,
  };
  await store.finish(id, finished);
  const { content: _content, model: _model, steps: _steps, ...end } = finished;
  bus.publish(id, { type: "end", ...end });
  bus.close(id);
  return finished;
}

/** Runs the tools a step asked for, in order, appending their results to the reply. */
async function runTools(
  calls: { id: string; name: string; input: unknown }[],
  content: ContentBlock[],
  command: ReplyCommand,
  parts: RunnerParts,
  signal: AbortSignal,
) {
  const offered = new Set((command.spec.params.tools ?? []).map((tool) => (tool as { name?: string }).name));
  for (const call of calls) {
    const output = offered.has(call.name)
      ? await parts.tools.run(call.name, call.input, {
          userId: command.userId,
          conversationId: command.conversationId,
          signal,
        })
      : { text: `The tool ${call.name} is not available in this conversation.`, isError: true };
    signal.throwIfAborted();
    const block: ContentBlock = {
      type: "tool_result",
      tool_use_id: call.id,
      content: [{ type: "text", text: output.text }],
      ...(output.isError ? { is_error: true } : {}),
    };
    const index = content.push(block) - 1;
    parts.bus.publish(command.assistantMessageId, { type: "tool_result", index, block: forBrowser(block) });
  }
}
