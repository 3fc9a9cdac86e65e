"use client";

import { useTranslations } from "next-intl";
import type { ToolResult } from "./block-data";

/** A tool's result as text: inside its call's card, or alone when the call is not in the message. */
export function ToolResultBlock({
  result,
  standalone = false,
}: {
  result: ToolResult;
  standalone?: boolean;
}) {
  const t = useTranslations("chat.blocks");
  return (
    <div
      data-block-type={result.type}
      data-tool-error={result.isError ? "" : undefined}
      className={
        standalone
          ? "mb-2 rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800"
          : "mt-2 text-sm"
      }
    >
      {standalone && (
        <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{t("toolResult")}</p>
      )}
      {result.isError && <p className="text-xs text-amber-700 dark:text-amber-400">{t("toolError")}</p>}
      <p
        className={`max-h-64 overflow-auto whitespace-pre-wrap break-words font-mono text-xs ${
          result.isError ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"
        }`}
      >
        {result.text || t("emptyResult")}
      </p>
    </div>
  );
}
