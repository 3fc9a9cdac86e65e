"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { DraftCount } from "@/lib/chat/use-token-count";
import { priceOf } from "@/lib/pricing/cost";

/**
 * The draft's input tokens against the model's limit, and what sending it would cost in input;
 * `overLimit` is offered in the alert of a draft that would not fit (a way to start afresh).
 */
export function ContextMeter({
  count,
  model,
  overLimit,
}: {
  count: DraftCount | null;
  model: string;
  overLimit?: ReactNode;
}) {
  const t = useTranslations("chat.context");
  if (!count) return null;
  const { tokens, exact, limit } = count;
  const price = priceOf(model);
  const cost = price ? (tokens * price.input) / 1_000_000 : null;
  const share = limit ? Math.min(1, tokens / limit) : 0;
  const over = limit !== null && tokens > limit;
  return (
    <div
      data-context-tokens={tokens}
      data-context-limit={limit ?? ""}
      data-token-count={exact ? "exact" : "estimate"}
      className="flex items-center gap-2 px-2 text-xs text-zinc-600 dark:text-zinc-400"
    >
      {limit !== null && (
        <span aria-hidden className="h-1.5 w-16 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700">
          <span
            className={`block h-full ${over ? "bg-red-600" : share > 0.8 ? "bg-amber-500" : "bg-zinc-500"}`}
            style={{ width: `${share * 100}%` }}
          />
        </span>
      )}
      <span>
        {limit !== null
          ? t(exact ? "tokensOfLimit" : "tokensOfLimitEstimate", { tokens, limit })
          : t(exact ? "tokens" : "tokensEstimate", { tokens })}
        {cost !== null && ` · ${t("cost", { cost: cost < 0.01 ? cost.toFixed(4) : cost.toFixed(2) })}`}
      </span>
      {over && (
        <span role="alert" data-error-code="context_too_long" className="text-red-700 dark:text-red-300">
          {t("tooLong", { tokens, limit })}
          {overLimit}
        </span>
      )}
    </div>
  );
}
