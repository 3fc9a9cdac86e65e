"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/lib/i18n/use-error-text";
import { formatUsd } from "@/lib/pricing/cost";
import type { Failure } from "./api";

/** A failure in the reader's language, its values formatted. */
export function useFailureText() {
  const t = useTranslations("batches");
  const format = useFormatter();
  const errorText = useErrorText();
  return (failure: Failure): string => {
    const v = failure.values;
    if (failure.key === "budget_exceeded") {
      const resets = typeof v.resetsAt === "string" ? new Date(v.resetsAt) : null;
      if (typeof v.budgetUsd !== "number" || !resets || Number.isNaN(resets.getTime()))
        return t("errors.failed");
      return t("errors.budget_exceeded", {
        budget: formatUsd(v.budgetUsd),
        resets: format.dateTime(resets, { dateStyle: "long", timeZone: "UTC" }),
      });
    }
    if (failure.key === "items") {
      const reason = typeof v.reason === "string" && t.has(`reasons.${v.reason}`) ? v.reason : null;
      return t("errors.items", { reason: reason ? t(`reasons.${reason}`, { line: v.line ?? 0 }) : "?" });
    }
    // A code the page has no words of its own for: the shared catalogue's message.
    if (failure.key === "failed")
      return errorText({ code: failure.code, params: failure.values, requestId: failure.requestId });
    return t(`errors.${failure.key}`);
  };
}
