// A new batch run: parse the items, render the requests, price them at batch rates, reserve the
// estimate against the budget, submit through the one model seam (split under the API's limits)
// and store the run. The poller (poller.ts) takes it from there.
import "server-only";
import { APIError } from "@anthropic-ai/sdk";
import { BudgetExceededError } from "@/lib/budget/errors";
import { budgetRefusal } from "@/lib/chat/budget";
import { createBatch } from "@/lib/db/batches";
import { releaseReplyHolds, reserveBudget } from "@/lib/db/budget";
import { newId } from "@/lib/db/ids";
import { findPresetPrompt } from "@/lib/db/presets";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { anthropic } from "@/lib/model/client";
import { acceptModel } from "@/lib/model/models";
import { providerLacks } from "@/lib/model/providers";
import { estimateBatchUsd } from "./cost";
import { type ParsedItems, ParseError, parseItems } from "./parse";
import { type BatchRequest, batchRequest, splitRequests } from "./requests";
import type { BatchInput } from "./schema";
import { effectiveTemplate, renderTemplate } from "./template";

/** A batch may hold budget for up to a day (the API finishes every batch within 24 hours). */
const BATCH_HOLD_MS = 25 * 3600_000;

export interface PreparedBatch {
  parsed: ParsedItems;
  textColumn: string;
  systemPrompt: string | null;
  prompts: string[];
  requests: BatchRequest[];
  estimateUsd: number | null;
}

function parsedOrRefused(input: BatchInput): ParsedItems {
  try {
    return parseItems(input.format, input.text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const refusal = new AppError("bad_request:batch_items", error.message);
    refusal.params = { reason: error.code, line: error.line ?? 0 };
    throw refusal;
  }
}

export async function prepareBatch(userId: string, input: BatchInput): Promise<PreparedBatch> {
  if (env().demoMode || providerLacks("batches"))
    throw new AppError(
      "unavailable:batches",
      "Batches need the Message Batches API, which the demo model and this cloud platform do not offer.",
    );
  if (!(await acceptModel(input.model)))
    throw new AppError("bad_request:model", `The model “${input.model}” is not available here.`);
  const parsed = parsedOrRefused(input);
  const textColumn =
    input.textColumn && parsed.columns.includes(input.textColumn)
      ? input.textColumn
      : (parsed.columns[0] ?? "text");
  let systemPrompt = input.systemPrompt?.trim() || null;
  if (input.presetId) {
    systemPrompt = await findPresetPrompt(userId, input.presetId);
    if (systemPrompt === null) throw new AppError("not_found:preset", "That system prompt no longer exists.");
  }
  const template = effectiveTemplate(input.template);
  const prompts = parsed.rows.map((row) => renderTemplate(template, row, textColumn));
  const settings = { model: input.model, maxTokens: input.maxTokens, systemPrompt };
  const requests = prompts.map((prompt, i) => batchRequest(settings, i, prompt));
  return {
    parsed,
    textColumn,
    systemPrompt,
    prompts,
    requests,
    estimateUsd: estimateBatchUsd(input.model, requests),
  };
}

/** Submits the run; refuses with 402 `budget_exceeded` when its estimate does not fit the budget left. */
export async function submitBatch(userId: string, input: BatchInput): Promise<string> {
  const prepared = await prepareBatch(userId, input);
  const id = newId();
  try {
    await reserveBudget({
      userId,
      replyId: id,
      step: 1,
      estimateUsd: prepared.estimateUsd ?? 0,
      holdMs: BATCH_HOLD_MS,
    });
  } catch (error) {
    throw error instanceof BudgetExceededError ? budgetRefusal(error) : error;
  }
  const parts: { remoteId: string; size: number }[] = [];
  try {
    for (const chunk of splitRequests(prepared.requests)) {
      const created = await (await anthropic()).messages.batches.create({ requests: chunk });
      parts.push({ remoteId: created.id, size: chunk.length });
    }
    await createBatch({
      id,
      userId,
      name: input.name?.trim() || prepared.prompts[0]?.slice(0, 60) || "Batch",
      model: input.model,
      systemPrompt: prepared.systemPrompt,
      maxTokens: input.maxTokens,
      template: input.template,
      columns: prepared.parsed.columns,
      textColumn: prepared.textColumn,
      estimateUsd: prepared.estimateUsd,
      items: prepared.parsed.rows.map((row, i) => ({ input: row, prompt: prepared.prompts[i] ?? "" })),
      parts,
    });
  } catch (error) {
    // Nothing is left running or held for a run that was not stored.
    const client = await anthropic();
    await Promise.allSettled(parts.map((p) => client.messages.batches.cancel(p.remoteId)));
    await releaseReplyHolds(id);
    if (error instanceof APIError) {
      logger.warn({ err: error }, "the API refused the batch");
      throw new AppError("upstream:batch", "The API did not accept the batch.");
    }
    throw error;
  }
  return id;
}
