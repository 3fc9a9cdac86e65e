"use client";

import * as Popover from "@radix-ui/react-popover";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { EllipsisIcon, PencilIcon, TrashIcon } from "@/components/ui/icons";
import { menuItem } from "@/components/ui/panel-styles";
import { PopoverPanel } from "@/components/ui/popover-panel";
import { rowMenuVisibility } from "./row-menu";

export interface RowMenuPopoverProps {
  title: string;
  alwaysVisible: boolean;
  onRename: () => void;
  onDelete: () => void;
  defaultOpen: boolean;
}

export default function RowMenuPopover({
  title,
  alwaysVisible,
  onRename,
  onDelete,
  defaultOpen,
}: RowMenuPopoverProps) {
  const t = useTranslations("nav");
  // The chosen action runs as the popover closes and focus is back on its button: the rename box
  // then takes focus, and the delete dialog gives it back to that button when it closes.
  const chosen = useRef<(() => void) | null>(null);
  const choose = (action: () => void) => () => {
    chosen.current = action;
  };
  return (
    <Popover.Root defaultOpen={defaultOpen}>
      <Popover.Trigger asChild>
        <IconButton
          icon={EllipsisIcon}
          label={t("actionsFor", { title })}
          tooltip="none"
          className={`mr-1 size-7 ${rowMenuVisibility(alwaysVisible)}`}
        />
      </Popover.Trigger>
      {/* Not portalled: the actions stay inside the Conversations navigation, next to their row. */}
      <PopoverPanel
        portal={false}
        variant="compactMenu"
        sideOffset={4}
        aria-label={t("actionsFor", { title })}
        onCloseAutoFocus={() => {
          const action = chosen.current;
          if (!action) return;
          chosen.current = null;
          action();
        }}
      >
        <Popover.Close asChild>
          <button type="button" onClick={choose(onRename)} className={menuItem}>
            <PencilIcon aria-hidden="true" />
            {t("rename")}
          </button>
        </Popover.Close>
        <Popover.Close asChild>
          <button
            type="button"
            onClick={choose(onDelete)}
            className={`${menuItem} text-red-700 dark:text-red-300 [&>svg]:text-red-600 dark:[&>svg]:text-red-400`}
          >
            <TrashIcon aria-hidden="true" />
            {t("delete")}
          </button>
        </Popover.Close>
      </PopoverPanel>
    </Popover.Root>
  );
}
