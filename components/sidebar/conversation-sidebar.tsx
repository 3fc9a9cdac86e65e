"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { AccountData } from "@/components/export/account-data";
import { SearchBox } from "@/components/search/search-box";
import { ScrollTextIcon, SquarePenIcon } from "@/components/ui/icons";
import { ConversationRow } from "./conversation-row";
import { groupByDate } from "./date-groups";
import type { ConversationPage, ConversationSummary } from "./pages";
import { useConversationPages } from "./use-conversation-pages";
import { localTimeZone, useToday } from "./use-today";

// Loaded when first asked for: Radix's dialog stays off the first load.
const DeleteDialog = lazy(() => import("./delete-dialog"));

const linkClass =
  "flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800";

/** The navigation landmark "Conversations": New chat, the list by date, Presets. */
export function ConversationSidebar({ firstPage }: { firstPage: ConversationPage }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const pathname = usePathname();
  const list = useConversationPages(firstPage);
  const today = useToday();
  const [deleting, setDeleting] = useState<ConversationSummary | null>(null);

  const groups = today === null ? null : groupByDate(list.conversations, today, localTimeZone());
  const row = (conversation: ConversationSummary) => (
    <ConversationRow
      key={conversation.id}
      conversation={conversation}
      active={pathname === `/c/${conversation.id}`}
      onRenamed={(title) => list.rename(conversation.id, title)}
      onDelete={() => setDeleting(conversation)}
    />
  );

  function closeDeleteDialog(deleted: boolean) {
    const target = deleting;
    setDeleting(null);
    if (!deleted || !target) return;
    list.remove(target.id);
    if (pathname === `/c/${target.id}`) router.push("/");
  }

  return (
    <nav aria-label={t("conversations")} className="flex min-h-0 flex-1 flex-col">
      <div className="p-2">
        <Link
          href="/"
          className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm font-medium shadow-xs hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          <SquarePenIcon aria-hidden="true" className="size-4" />
          {t("newChat")}
        </Link>
      </div>
      <SearchBox />
      <div ref={list.root} className="min-h-0 flex-1 overflow-y-auto px-2 pb-2">
        {list.conversations.length === 0 ? (
          <p className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>
        ) : groups === null ? (
          <ul className="flex flex-col gap-0.5">{list.conversations.map(row)}</ul>
        ) : (
          groups.map(({ group, items }) => (
            <section key={group} className="mb-2">
              <h2
                id={`conversations-${group}`}
                className="px-3 pt-2 pb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400"
              >
                {t(group)}
              </h2>
              <ul aria-labelledby={`conversations-${group}`} className="flex flex-col gap-0.5">
                {items.map(row)}
              </ul>
            </section>
          ))
        )}
        {list.nextCursor && (
          <div ref={list.sentinel} className="px-3 py-2 text-xs text-zinc-500 dark:text-zinc-400">
            {list.failed ? (
              <span role="alert">
                {t("loadFailed")}{" "}
                <button type="button" onClick={() => void list.loadMore()} className="underline">
                  {t("retry")}
                </button>
              </span>
            ) : (
              list.loading && t("loading")
            )}
          </div>
        )}
      </div>
      <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
        <Link href="/presets" className={linkClass}>
          <ScrollTextIcon aria-hidden="true" className="size-4 text-zinc-500 dark:text-zinc-400" />
          {t("presets")}
        </Link>
        <AccountData />
      </div>
      {deleting && (
        <Suspense fallback={null}>
          <DeleteDialog conversation={deleting} onClose={closeDeleteDialog} />
        </Suspense>
      )}
    </nav>
  );
}
