// Runs one assistant reply to completion, independent of the browser request that started it:
// relays upstream events to the generation bus, saves progress, and saves the final reply
// (done, stopped or error) before announcing its end.
import "server-only";
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { replaceInitialTitle } from "@/lib/db/conversations";
import { finishReply, markReplyFailed, saveReplyProgress } from "@/lib/db/messages";
import { env } from "@/lib/env";
import { anthropic } from "@/lib/model/client";
import { costUsd } from "@/lib/pricing/cost";
import { generationBus } from "./bus";
import { textOf } from "./content";
import { classifyError, StalledError } from "./errors";
import { ReplyAccumulator } from "./relay";
import { suggestTitle } from "./title";

const SAVE_EVERY_MS = 1000;

export interface GenerationInput {
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
  request: MessageCreateParamsBase;
  /** Set on a conversation's first reply: the model may then replace the provisional title. */
  newConversation?: { title: string; userText: string };
}

/**
 * Starts a reply. The upstream request goes out at once, while `saved` (the turn being written)
 * settles: the reply is written only after it, and a turn that could not be saved is abandoned
 * (the upstream request is aborted and nothing is announced as its end).
 */
export function startGeneration(input: GenerationInput, saved: Promise<unknown>): void {
  const controller = new AbortController();
  const state = { stopped: false, turnSaved: false };
  generationBus.open(input.assistantMessageId, () => {
    state.stopped = true;
    controller.abort();
  });
  generationBus.publish(input.assistantMessageId, {
    type: "start",
    conversationId: input.conversationId,
    userMessageId: input.userMessageId,
    assistantMessageId: input.assistantMessageId,
    model: input.request.model,
  });
  const turnSaved = saved.then(
    () => {
      state.turnSaved = true;
      return true;
    },
    () => {
      controller.abort();
      return false;
    },
  );
  void runGeneration(input, controller, state, turnSaved).catch(async (error: unknown) => {
    console.error("generation failed to finish", input.assistantMessageId, (error as Error)?.message);
    await markReplyFailed(input.assistantMessageId).catch(() => {});
    generationBus.close(input.assistantMessageId);
  });
}

async function runGeneration(
  input: GenerationInput,
  controller: AbortController,
  state: { stopped: boolean; turnSaved: boolean },
  turnSaved: Promise<boolean>,
) {
  const id = input.assistantMessageId;
  const reply = new ReplyAccumulator();
  const stallMs = env().STREAM_STALL_TIMEOUT_MS;
  let stalled = false;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  const watchStall = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
  };
  let lastSave = Date.now();
  let requestId: string | null = null;
  let failure: unknown = null;

  watchStall();
  try {
    const stream = anthropic().messages.stream(input.request, { signal: controller.signal });
    for await (const event of stream) {
      watchStall();
      requestId ??= stream.request_id ?? null;
      for (const chatEvent of reply.apply(event)) generationBus.publish(id, chatEvent);
      // Progress is saved once the turn is (the relay never waits for it); the end waits below.
      if (state.turnSaved && Date.now() - lastSave > SAVE_EVERY_MS) {
        lastSave = Date.now();
        await saveReplyProgress(id, reply.content);
      }
    }
    requestId = stream.request_id ?? requestId;
  } catch (error) {
    failure = error;
  } finally {
    clearTimeout(stallTimer);
  }

  if (!(await turnSaved)) {
    generationBus.close(id);
    return;
  }
  const status = state.stopped ? "stopped" : failure || stalled ? "error" : "done";
  const error =
    status === "error" ? classifyError(stalled ? new StalledError(stallMs) : failure, requestId) : null;
  const model = reply.model ?? input.request.model;
  const finished = {
    status,
    content: reply.finalContent(),
    stopReason: reply.stopReason,
    usage: reply.usage,
    costUsd: costUsd(model, reply.usage),
    requestId: error?.requestId ?? requestId,
    model,
    error,
  } as const;
  await finishReply(id, finished);
  const { content: _content, model: _model, ...end } = finished;
  generationBus.publish(id, { type: "end", ...end });
  generationBus.close(id);
  if (status === "done" && input.newConversation)
    void retitle(input.conversationId, input.newConversation, textOf(finished.content));
}

/** Asks a small model for a better title, after the reply: it never delays or breaks the reply. */
async function retitle(
  conversationId: string,
  first: { title: string; userText: string },
  replyText: string,
) {
  const { demoMode, TITLE_MODEL } = env();
  if (demoMode || TITLE_MODEL === "off") return;
  try {
    const title = await suggestTitle(anthropic(), TITLE_MODEL, first.userText, replyText);
    if (title) await replaceInitialTitle(conversationId, first.title, title);
  } catch (error) {
    console.warn("title generation failed:", (error as Error)?.name);
  }
}
