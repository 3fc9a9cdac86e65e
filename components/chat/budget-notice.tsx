"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { budget as fetchBudget } from "@/lib/api-client/account";
import { budgetLevel } from "@/lib/budget/month";
import { CONVERSATIONS_CHANGED } from "./use-chat";

export interface BudgetView {
  budgetUsd: number | null;
  spentUsd: number;
  /** ISO instant the budget resets (the next month's start, UTC). */
  resetsAt: string;
}

/** The budget as the page was rendered, read again whenever a reply ends. */
function useBudget(initial: BudgetView): BudgetView {
  const [budget, setBudget] = useState(initial);
  useEffect(() => {
    if (initial.budgetUsd === null) return;
    const refresh = () => {
      // On a failure the notice keeps what it showed; the server enforces the budget anyway.
      void fetchBudget().then((result) => result.ok && setBudget(result.data));
    };
    window.addEventListener(CONVERSATIONS_CHANGED, refresh);
    return () => window.removeEventListener(CONVERSATIONS_CHANGED, refresh);
  }, [initial.budgetUsd]);
  return budget;
}

/** Above the composer: a warning from 80 % of the monthly budget, a notice once it is used up. */
export function BudgetNotice({ budget: initial }: { budget: BudgetView }) {
  const t = useTranslations("chat");
  const budget = useBudget(initial);
  const format = useFormatter();
  const level = budgetLevel(budget.budgetUsd, budget.spentUsd);
  if (level === "none" || level === "ok" || budget.budgetUsd === null) return null;
  const usd = (value: number) => format.number(value, { style: "currency", currency: "USD" });
  const values = {
    budget: usd(budget.budgetUsd),
    spent: usd(budget.spentUsd),
    percent: budget.budgetUsd > 0 ? Math.floor((budget.spentUsd / budget.budgetUsd) * 100) : 100,
    resets: format.dateTime(new Date(budget.resetsAt), { dateStyle: "long", timeZone: "UTC" }),
  };
  return (
    <p
      role="status"
      data-budget-level={level}
      className="mx-auto mb-2 max-w-3xl rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      {level === "warning" ? t("budgetWarning", values) : t("budgetReached", values)}
    </p>
  );
}

/** The translated `budget_exceeded` refusal, from the values the server sent with it. */
export function useBudgetRefusal() {
  const t = useTranslations("chat.errors");
  const format = useFormatter();
  return (params: Record<string, string | number> | undefined, fallback: string) => {
    const budgetUsd = Number(params?.budgetUsd);
    const resetsAt = typeof params?.resetsAt === "string" ? new Date(params.resetsAt) : null;
    if (!Number.isFinite(budgetUsd) || !resetsAt || Number.isNaN(resetsAt.getTime())) return fallback;
    return t("budget_exceeded", {
      budget: format.number(budgetUsd, { style: "currency", currency: "USD" }),
      resets: format.dateTime(resetsAt, { dateStyle: "long", timeZone: "UTC" }),
    });
  };
}
