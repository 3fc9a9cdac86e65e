"use client";

import { useTranslations } from "next-intl";
import { Deferred, deferredLoader } from "@/components/ui/deferred";
import { IconButton } from "@/components/ui/icon-button";
import { DownloadIcon } from "@/components/ui/icons";
import type { ExportMenuProps } from "./export-menu";

const menu = deferredLoader(() => import("./export-menu"));

/** The header's Export button: a small popover with the Markdown and JSON downloads. */
export function ConversationExport({ conversationId }: { conversationId: string }) {
  const t = useTranslations("search");
  return (
    <Deferred
      loader={menu}
      standIn={(trigger) => (
        <IconButton icon={DownloadIcon} label={t("export")} tooltip="bottom" {...trigger} />
      )}
      props={(activated): ExportMenuProps => ({ conversationId, defaultOpen: activated })}
    />
  );
}
