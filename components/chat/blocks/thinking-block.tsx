"use client";

import { useTranslations } from "next-intl";

/** Collapsed by default. The summary's name is exactly "Thinking"; the live ellipsis is decoration. */
export function ThinkingBlock({ text, live }: { text: string; live: boolean }) {
  const t = useTranslations("chat");
  return (
    <details
      data-block-type="thinking"
      aria-busy={live || undefined}
      className="mb-2 rounded-md border border-zinc-200 px-3 py-1 text-sm dark:border-zinc-800"
    >
      <summary className="cursor-pointer text-zinc-500 dark:text-zinc-400">
        <span>{t("thinking")}</span>
        {live && (
          <span aria-hidden="true" className="animate-pulse">
            …
          </span>
        )}
      </summary>
      {text ? (
        <p className="whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">{text}</p>
      ) : (
        !live && (
          <p className="text-xs italic text-zinc-500 dark:text-zinc-400">{t("blocks.thinkingOmitted")}</p>
        )
      )}
    </details>
  );
}
