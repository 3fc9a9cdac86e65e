"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { conversationCost } from "@/lib/api-client/account";
import { type CostSummary, formatUsd } from "@/lib/pricing/cost";

/**
 * The conversation's total cost, every branch included (regenerated and edited replies were paid
 * for too), and what prompt caching saved. Fetched again each time a reply ends.
 */
export function ConversationCost({
  conversationId,
  initial,
  streaming,
}: {
  conversationId: string;
  initial: CostSummary | null;
  streaming: boolean;
}) {
  const t = useTranslations("chat");
  const [cost, setCost] = useState(initial);
  const wasStreaming = useRef(streaming);
  useEffect(() => {
    const ended = wasStreaming.current && !streaming;
    wasStreaming.current = streaming;
    if (!ended) return;
    void conversationCost(conversationId).then((result) => result.ok && setCost(result.data.cost));
  }, [conversationId, streaming]);
  if (!cost) return null;
  return (
    <div
      data-conversation-cost={cost.costUsd}
      data-caching-savings={cost.savedUsd}
      className="text-xs text-zinc-500 dark:text-zinc-400"
    >
      {t("totalCost", { cost: formatUsd(cost.costUsd) })}
      {cost.savedUsd > 0 && ` · ${t("savedByCaching", { saved: formatUsd(cost.savedUsd) })}`}
    </div>
  );
}
