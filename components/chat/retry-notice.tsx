"use client";
// What the user sees while a failed call waits to be sent again ("Rate limited — retrying in 3 s",
// counting down), and the final rate-limit error naming the limit that was hit and when it resets.
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { RetryNotice } from "@/lib/chat/protocol";

const LIMITS = new Set(["requests", "input_tokens", "output_tokens", "tokens"]);

function secondsLeft(until: number): number {
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** A live countdown; remount it (key) for each new retry. */
export function RetryCountdown({ notice }: { notice: RetryNotice }) {
  const t = useTranslations("chat");
  const [until] = useState(() => Date.now() + notice.retryAfterSeconds * 1000);
  const [left, setLeft] = useState(notice.retryAfterSeconds);
  useEffect(() => {
    const timer = setInterval(() => {
      const next = secondsLeft(until);
      setLeft(next);
      if (next === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  const limit = notice.limit && LIMITS.has(notice.limit) ? t(`rateLimit.${notice.limit}`) : null;
  return (
    <p
      role="status"
      data-retry-in={left}
      className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      {left > 0 ? t(`retrying.${notice.reason}`, { seconds: left }) : t("retrying.now")}
      {limit && <span className="ml-1">{t("retrying.limit", { limit })}</span>}
    </p>
  );
}

/** The text of a `rate_limited` error from its params (limit, resetsAt); null without them. */
export function useRateLimitedCause() {
  const t = useTranslations("chat");
  const format = useFormatter();
  return (params: Record<string, string | number> | undefined): string => {
    const limit = typeof params?.limit === "string" ? params.limit : null;
    const reset = typeof params?.resetsAt === "string" ? new Date(params.resetsAt) : null;
    const parts = [
      limit === "spend"
        ? t("errors.rate_limited_spend")
        : limit && LIMITS.has(limit)
          ? t("errors.rate_limited_limit", { limit: t(`rateLimit.${limit}`) })
          : t("errors.rate_limited"),
    ];
    if (reset && !Number.isNaN(reset.getTime())) {
      const today = reset.toDateString() === new Date().toDateString();
      const resets = format.dateTime(
        reset,
        today ? { timeStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" },
      );
      parts.push(t("errors.rate_limited_resets", { resets }));
    }
    return parts.join(" ");
  };
}
