"use client";

import { useTranslations } from "next-intl";

const linkClass = "rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800";

/** Download links for one conversation: Markdown (the active branch) and JSON (every branch, importable). */
export function ConversationExport({ conversationId }: { conversationId: string }) {
  const t = useTranslations("search");
  const base = `/api/conversations/${encodeURIComponent(conversationId)}/export`;
  return (
    <div className="flex gap-1">
      <a href={`${base}?format=md`} download className={linkClass}>
        {t("exportMarkdown")}
      </a>
      <a href={`${base}?format=json`} download className={linkClass}>
        {t("exportJson")}
      </a>
    </div>
  );
}
