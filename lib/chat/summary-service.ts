// Writes the summary that starts a new chat: the user's own conversation only, within their
// budget (reserved before the call, recorded in the usage ledger as kind "summary").
import "server-only";
import Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";
import { BudgetExceededError } from "@/lib/budget/errors";
import { estimateCallUsd } from "@/lib/budget/estimate";
import { recordHeldUsage, releaseReplyHolds, reserveBudget } from "@/lib/db/budget";
import { newId } from "@/lib/db/ids";
import { turnContext } from "@/lib/db/messages";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { anthropic } from "@/lib/model/client";
import { billedModel, providerModelId } from "@/lib/model/providers";
import { costUsd, type TokenUsage } from "@/lib/pricing/cost";
import { budgetRefusal } from "./budget";
import { parseContent } from "./content";
import { summaryInput, summaryRequest } from "./summary";

/** The model that writes summaries; in demo mode the demo model (its reply is labelled as such). */
export function summaryModel(): string | null {
  const { demoMode, SUMMARY_MODEL } = env();
  if (SUMMARY_MODEL === "off") return null;
  return demoMode ? "demo" : providerModelId(SUMMARY_MODEL);
}

async function reserve(userId: string, holdId: string, estimateUsd: number) {
  try {
    await reserveBudget({ userId, replyId: holdId, step: 1, estimateUsd });
  } catch (error) {
    throw error instanceof BudgetExceededError ? budgetRefusal(error) : error;
  }
}

/** Null when the conversation is not the user's. */
export async function summarizeConversation(
  userId: string,
  conversationId: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const model = summaryModel();
  if (!model) throw new AppError("unavailable:summary", "Summaries are turned off on this server.");
  const context = await turnContext(conversationId, userId, undefined);
  if (!context) return null;
  const input = summaryInput(
    context.rows.map((row) => ({ role: row.role, content: parseContent(row.content) })),
  );
  if (!input.transcript) throw new AppError("bad_request:input", "There is nothing to summarise yet.");
  const request = summaryRequest(model, input);
  const holdId = newId();
  await reserve(userId, holdId, estimateCallUsd(request));
  const { message, requestId } = await callModel(request, holdId, conversationId, signal);
  const usage: TokenUsage = {
    inputTokens: message.usage.input_tokens,
    outputTokens: message.usage.output_tokens,
    cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
  };
  const billed = billedModel(model, message.model);
  const entry = {
    userId,
    conversationId,
    messageId: null,
    kind: "summary" as const,
    model: billed,
    requestId,
  };
  // The summary was paid for: a ledger failure is logged (its hold expires), never shown to the user.
  await recordHeldUsage({ ...entry, usage, costUsd: costUsd(billed, usage) }, holdId).catch(
    (error: unknown) => logger.error({ err: error, conversationId }, "summary usage not recorded"),
  );
  const summary = message.content
    .flatMap((block) => (block.type === "text" ? [block.text] : []))
    .join("")
    .trim();
  if (!summary) throw new AppError("upstream:summary", "The model wrote no summary.");
  return summary;
}

/** The summary call, streamed then read whole (the demo endpoint only streams); a failure ends its hold. */
async function callModel(
  request: MessageCreateParamsNonStreaming,
  holdId: string,
  conversationId: string,
  signal?: AbortSignal,
) {
  try {
    const stream = (await anthropic()).messages.stream(request, { signal });
    const message = await stream.finalMessage();
    return { message, requestId: stream.request_id ?? null };
  } catch (error) {
    await releaseReplyHolds(holdId);
    if (signal?.aborted) throw error;
    logger.warn({ err: error, conversationId }, "summary failed");
    const detail = error instanceof Anthropic.APIError ? ` (${error.status ?? "connection"})` : "";
    throw new AppError("upstream:summary", `The summary could not be written${detail}.`);
  }
}
