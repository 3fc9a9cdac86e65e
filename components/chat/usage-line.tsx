"use client";

import { useFormatter, useTranslations } from "next-intl";
import { decimalUsd, formatUsd, type TokenUsage } from "@/lib/pricing/cost";

export function UsageLine({ usage, costUsd }: { usage: TokenUsage; costUsd: number | null }) {
  const t = useTranslations("chat");
  const format = useFormatter();
  const thinking = usage.thinkingTokens ?? 0;
  const searches = usage.webSearchRequests ?? 0;
  const fetches = usage.webFetchRequests ?? 0;
  const values = {
    input: format.number(usage.inputTokens),
    output: format.number(usage.outputTokens),
    cacheRead: format.number(usage.cacheReadTokens),
    cacheWrite: format.number(usage.cacheWriteTokens),
    cost: costUsd === null ? t("costUnknown") : formatUsd(costUsd),
  };
  return (
    <p
      className="text-xs text-zinc-500 dark:text-zinc-400"
      data-usage=""
      data-input-tokens={usage.inputTokens}
      data-output-tokens={usage.outputTokens}
      data-cache-read-tokens={usage.cacheReadTokens}
      data-cache-write-tokens={usage.cacheWriteTokens}
      data-thinking-tokens={thinking > 0 ? thinking : undefined}
      data-web-search-requests={searches > 0 ? searches : undefined}
      data-web-fetch-requests={fetches > 0 ? fetches : undefined}
      data-cost-usd={costUsd === null ? "" : decimalUsd(costUsd)}
    >
      {thinking > 0
        ? t("usageWithThinking", { ...values, thinking: format.number(thinking) })
        : t("usage", values)}
      {/* The cost already includes what the searches cost. */}
      {searches > 0 && ` · ${t("webSearchCount", { count: searches })}`}
      {fetches > 0 && ` · ${t("webFetchCount", { count: fetches })}`}
    </p>
  );
}
