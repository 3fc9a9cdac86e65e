"use client";

import { useTranslations } from "next-intl";

/** A refused change, translated: the alert carries the server's error code. */
export function RefusalText({ failure }: { failure: { code: string; key: string } | null }) {
  const t = useTranslations("admin.errors");
  if (!failure) return null;
  return (
    <p role="alert" data-error-code={failure.code} className="text-xs text-red-700 dark:text-red-300">
      {t.has(failure.key) ? t(failure.key) : t("failed")}
    </p>
  );
}
