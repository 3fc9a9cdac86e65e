"use client";

import { useTranslations } from "next-intl";

const noteClass = "mb-2 text-xs text-zinc-500 dark:text-zinc-400";

/** Reasoning the API encrypted: nothing to show but that it happened. */
export function RedactedThinkingBlock() {
  const t = useTranslations("chat.blocks");
  return (
    <p data-block-type="redacted_thinking" className={noteClass}>
      {t("redactedThinking")}
    </p>
  );
}

/** A block type this app does not display (yet): named, never rendered as markup. */
export function UnsupportedBlock({ type }: { type: string }) {
  const t = useTranslations("chat.blocks");
  return (
    <p data-block-type={type} className={noteClass}>
      {t("unsupported", { type })}
    </p>
  );
}
