import "server-only";
import type { TokenUsage } from "@/lib/pricing/cost";
import { db } from "./client";

/** One billed API call, recorded when its usage is known. */
export interface UsageEntry {
  userId: string;
  conversationId: string | null;
  messageId: string | null;
  kind: "reply" | "title";
  step?: number;
  model: string;
  requestId: string | null;
  usage: TokenUsage;
  costUsd: number | null;
}

export function recordUsage(entry: UsageEntry) {
  const { usage } = entry;
  return db.usageRecord.create({
    data: {
      userId: entry.userId,
      conversationId: entry.conversationId,
      messageId: entry.messageId,
      kind: entry.kind,
      step: entry.step ?? 1,
      model: entry.model,
      requestId: entry.requestId,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cacheReadTokens: usage.cacheReadTokens,
      cacheWriteTokens: usage.cacheWriteTokens,
      thinkingTokens: usage.thinkingTokens ?? 0,
      webSearchRequests: usage.webSearchRequests ?? 0,
      webFetchRequests: usage.webFetchRequests ?? 0,
      costUsd: entry.costUsd,
    },
    select: { id: true },
  });
}
