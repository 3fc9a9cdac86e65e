"use client";

import { useTranslations } from "next-intl";
import type { ChatMessage } from "@/lib/chat/view-model";
import { cachingSavingsUsd, formatUsd } from "@/lib/pricing/cost";

/** The conversation's total cost and what prompt caching saved, from the replies' usage and the price table. */
export function ConversationCost({ messages }: { messages: ChatMessage[] }) {
  const t = useTranslations("chat");
  let cost = 0;
  let saved = 0;
  let priced = false;
  for (const message of messages) {
    if (message.role !== "assistant" || message.costUsd === null) continue;
    priced = true;
    cost += message.costUsd;
    saved += (message.model && cachingSavingsUsd(message.model, message.usage)) || 0;
  }
  if (!priced) return null;
  return (
    <div data-conversation-cost={cost} data-caching-savings={saved} className="text-xs text-zinc-500">
      {t("totalCost", { cost: formatUsd(cost) })}
      {saved > 0 && ` · ${t("savedByCaching", { saved: formatUsd(saved) })}`}
    </div>
  );
}
