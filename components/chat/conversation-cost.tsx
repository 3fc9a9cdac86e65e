"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { conversationCost } from "@/lib/api-client/account";
import { type CostSummary, formatUsd } from "@/lib/pricing/cost";
import { CONVERSATIONS_CHANGED } from "./use-chat";

/**
 * The conversation's total cost, every branch included (regenerated and edited replies were paid
 * for too), and what prompt caching saved. Fetched again each time a reply ends: on the event, not
 * on a change of the streaming flag, which a short reply read in one go may never commit.
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
    let latest = 0;
    const refresh = () => {
      const asked = ++latest;
      void conversationCost(conversationId).then((result) => {
        if (result.ok && asked === latest) setCost(result.data.cost);
      });
    };
    window.addEventListener(CONVERSATIONS_CHANGED, refresh);
    // A conversation begun on this page: its first reply may have ended before this listened.
    if (!initial) refresh();
    return () => {
      latest = -1;
      window.removeEventListener(CONVERSATIONS_CHANGED, refresh);
    };
  }, [conversationId, initial]);
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
