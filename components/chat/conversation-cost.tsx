"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type CostSummary, formatUsd } from "@/lib/pricing/cost";
import { CONVERSATIONS_CHANGED } from "./use-chat";

/**
 * The conversation's total cost, every branch included (regenerated and edited replies were paid
 * for too), and what prompt caching saved. Fetched again whenever a reply ends.
 */
export function ConversationCost({
  conversationId,
  initial,
}: {
  conversationId: string;
  initial: CostSummary | null;
}) {
  const t = useTranslations("chat");
  const [cost, setCost] = useState(initial);
  useEffect(() => {
    const refresh = () =>
      void fetch(`/api/conversations/${conversationId}/cost`)
        .then((response) => (response.ok ? (response.json() as Promise<{ cost: CostSummary | null }>) : null))
        .then((body) => body && setCost(body.cost))
        .catch(() => {});
    window.addEventListener(CONVERSATIONS_CHANGED, refresh);
    return () => window.removeEventListener(CONVERSATIONS_CHANGED, refresh);
  }, [conversationId]);
  if (!cost) return null;
  return (
    <div
      data-conversation-cost={cost.costUsd}
      data-caching-savings={cost.savedUsd}
      className="text-xs text-zinc-500"
    >
      {t("totalCost", { cost: formatUsd(cost.costUsd) })}
      {cost.savedUsd > 0 && ` · ${t("savedByCaching", { saved: formatUsd(cost.savedUsd) })}`}
    </div>
  );
}
