"use client";

import * as Popover from "@radix-ui/react-popover";
import { useTranslations } from "next-intl";
import { IconButton } from "@/components/ui/icon-button";
import { DownloadIcon, FileJsonIcon, FileTextIcon } from "@/components/ui/icons";
import { menuItem } from "@/components/ui/panel-styles";
import { PopoverPanel } from "@/components/ui/popover-panel";

export interface ExportMenuProps {
  conversationId: string;
  defaultOpen: boolean;
}

/** Download links for one conversation: Markdown (the active branch) and JSON (every branch, importable). */
export default function ExportMenu({ conversationId, defaultOpen }: ExportMenuProps) {
  const t = useTranslations("search");
  const base = `/api/conversations/${encodeURIComponent(conversationId)}/export`;
  return (
    <Popover.Root defaultOpen={defaultOpen}>
      <Popover.Trigger asChild>
        <IconButton icon={DownloadIcon} label={t("export")} tooltip="bottom" />
      </Popover.Trigger>
      <PopoverPanel align="end" aria-label={t("export")}>
        <Popover.Close asChild>
          <a href={`${base}?format=md`} download className={menuItem}>
            <FileTextIcon aria-hidden="true" />
            {t("exportMarkdown")}
          </a>
        </Popover.Close>
        <Popover.Close asChild>
          <a href={`${base}?format=json`} download className={menuItem}>
            <FileJsonIcon aria-hidden="true" />
            {t("exportJson")}
          </a>
        </Popover.Close>
      </PopoverPanel>
    </Popover.Root>
  );
}
