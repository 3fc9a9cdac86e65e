// The reply runner's production parts: the Anthropic SDK, the Prisma reply store, the generation
// bus (in-process or shared, see lib/scale/) and the app's tools; and what follows a finished first reply (its title).
import "server-only";
import type Anthropic from "@anthropic-ai/sdk";
import { APIError } from "@anthropic-ai/sdk";
import type { MessageCreateParamsStreaming as BetaMessageCreateParamsStreaming } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { recordReplyUsage } from "@/lib/db/budget";
import { finishReply, markReplyFailed, saveRepliesProgress } from "@/lib/db/messages";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { anthropic } from "@/lib/model/client";
import { providerModelId } from "@/lib/model/providers";
import { upstreamEvents } from "@/lib/model/upstream-events";
import { generationBus } from "@/lib/scale/generation-bus";
import { appTools } from "@/lib/tools/catalogue";
import { budgetGate, holdsBudget, releasingHolds } from "./budget";
import { textOf } from "./content";
import { batchedProgressSaves } from "./progress-batch";
import { noteRateLimits } from "./rate-limits";
import {
  type FinishedReply,
  type ModelClient,
  type ReplyCommand,
  type ReplyStore,
  type RunnerParts,
  runReply,
} from "./runner";
import type { NewConversation } from "./service";
import { retitleConversation } from "./title-service";

/**
 * Sends the request with the SDK (its retries, headers and errors) and reads the streamed response
 * with upstreamEvents (no accumulating helper: the runner accumulates). A request carrying `betas`
 * (the MCP connector) goes through the beta Messages API.
 */
export function sdkModelClient(
  client: () => Anthropic | Promise<Anthropic>,
  onHeaders?: (headers: Headers) => void,
): ModelClient {
  return {
    stream(request, signal) {
      let requestId: string | null = null;
      const body = { ...request, stream: true as const };
      return {
        requestId: () => requestId,
        async *[Symbol.asyncIterator]() {
          // No SDK retries: the runner makes its own, visibly (lib/chat/retry.ts).
          const options = { signal, maxRetries: 0 };
          // Obtained per request: the credentials in force now (a key change never touches a stream under way).
          const sdk = await client();
          const call =
            "betas" in request
              ? sdk.beta.messages.create(body as unknown as BetaMessageCreateParamsStreaming, options)
              : sdk.messages.create(body, options);
          const response = await call.asResponse().catch((error: unknown) => {
            // A 429 reports the limits too, the one that was hit at 0.
            if (error instanceof APIError && error.headers) onHeaders?.(error.headers);
            throw error;
          });
          onHeaders?.(response.headers);
          requestId = response.headers.get("request-id");
          yield* upstreamEvents(response);
        },
      };
    },
  };
}

const prismaReplyStore: ReplyStore = releasingHolds({
  saveProgress: batchedProgressSaves(saveRepliesProgress),
  finish: finishReply,
  recordStep: (reply, step) =>
    recordReplyUsage(
      {
        userId: reply.userId,
        conversationId: reply.conversationId,
        messageId: reply.assistantMessageId,
        kind: "reply",
        ...step,
      },
      { held: holdsBudget(reply.assistantMessageId) },
    ),
});

function productionParts(): RunnerParts {
  const config = env();
  return {
    model: sdkModelClient(anthropic, noteRateLimits),
    store: prismaReplyStore,
    bus: generationBus(),
    tools: appTools,
    maxSteps: config.MAX_REPLY_STEPS,
    stallMs: config.STREAM_STALL_TIMEOUT_MS,
    budget: budgetGate,
    maxRetries: config.ANTHROPIC_MAX_RETRIES,
  };
}

/**
 * Starts a reply in the background (see runReply); `saved` is the user turn being written. A
 * conversation's first reply is followed by a better title.
 */
export function startGeneration(
  command: ReplyCommand,
  saved: Promise<unknown>,
  newConversation?: NewConversation,
  parts: RunnerParts = productionParts(),
): void {
  const id = command.assistantMessageId;
  const started = performance.now();
  runReply(command, saved, parts)
    .then((finished) => {
      if (!finished) return;
      logReply(command, finished, performance.now() - started);
      if (finished.status === "done" && newConversation)
        void retitle(command, newConversation, textOf(finished.content));
    })
    .catch(async (error: unknown) => {
      logger.error({ err: error, replyId: id }, "reply failed to finish");
      await markReplyFailed(id).catch(() => {});
      parts.bus.close(id);
    });
}

/** Asks a small model for a better title, after the reply: it never delays or breaks the reply. */
async function retitle(command: ReplyCommand, first: NewConversation, replyText: string) {
  const { demoMode, TITLE_MODEL } = env();
  if (demoMode || TITLE_MODEL === "off") return;
  const target = { userId: command.userId, conversationId: command.conversationId };
  await retitleConversation(await anthropic(), providerModelId(TITLE_MODEL), target, first, replyText);
}

/** The operator's line for a finished reply: ids, outcome, steps, latency, usage and cost, never text. */
function logReply(command: ReplyCommand, reply: FinishedReply, ms: number) {
  const { usage } = reply;
  logger[reply.status === "error" ? "warn" : "info"](
    {
      replyId: command.assistantMessageId,
      userId: command.userId,
      conversationId: command.conversationId,
      model: reply.model,
      status: reply.status,
      stopReason: reply.stopReason,
      errorType: reply.error?.type,
      steps: reply.steps,
      ms: Math.round(ms),
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cacheReadTokens: usage.cacheReadTokens,
      cacheWriteTokens: usage.cacheWriteTokens,
      costUsd: reply.costUsd,
      apiRequestId: reply.requestId,
    },
    "reply",
  );
}
