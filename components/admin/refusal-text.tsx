"use client";

import { useTranslations } from "next-intl";
import { useErrorText } from "@/lib/i18n/use-error-text";
import type { AdminFailure } from "./api";

/** A refused change, translated: the alert carries the server's error code. */
export function RefusalText({ failure }: { failure: AdminFailure | null }) {
  const t = useTranslations("admin.errors");
  const errorText = useErrorText();
  if (!failure) return null;
  return (
    <p role="alert" data-error-code={failure.code} className="text-xs text-red-700 dark:text-red-300">
      {t.has(failure.key) ? t(failure.key) : errorText(failure)}
    </p>
  );
}
