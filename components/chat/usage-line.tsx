"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatUsd, type TokenUsage } from "@/lib/pricing/cost";

/** Plain decimal, never exponent notation ("0.000042", not "4.2e-5"). */
function decimalString(amount: number): string {
  return amount.toFixed(10).replace(/\.?0+$/, "");
}

export function UsageLine({ usage, costUsd }: { usage: TokenUsage; costUsd: number | null }) {
  const t = useTranslations("chat");
  const format = useFormatter();
  return (
    <p
      className="text-xs text-zinc-500"
      data-usage=""
      data-input-tokens={usage.inputTokens}
      data-output-tokens={usage.outputTokens}
      data-cache-read-tokens={usage.cacheReadTokens}
      data-cache-write-tokens={usage.cacheWriteTokens}
      data-cost-usd={costUsd === null ? "" : decimalString(costUsd)}
    >
      {t("usage", {
        input: format.number(usage.inputTokens),
        output: format.number(usage.outputTokens),
        cacheRead: format.number(usage.cacheReadTokens),
        cacheWrite: format.number(usage.cacheWriteTokens),
        cost: costUsd === null ? t("costUnknown") : formatUsd(costUsd),
      })}
    </p>
  );
}
