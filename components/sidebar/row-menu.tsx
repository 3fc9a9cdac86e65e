"use client";

import { useTranslations } from "next-intl";
import { Deferred, deferredLoader } from "@/components/ui/deferred";
import { IconButton } from "@/components/ui/icon-button";
import { EllipsisIcon } from "@/components/ui/icons";
import type { RowMenuPopoverProps } from "./row-menu-popover";

const popover = deferredLoader(() => import("./row-menu-popover"));

/** Hidden until the row is hovered or focused, except on the open conversation and on touch screens. */
export function rowMenuVisibility(visible: boolean): string {
  return `focus-visible:opacity-100 group-hover:opacity-100 data-[state=open]:opacity-100 [@media(hover:none)]:opacity-100 ${
    visible ? "opacity-100" : "opacity-0"
  }`;
}

/** The per-conversation actions (Rename, Delete) behind a "⋯" button; the popover loads on first use. */
export function RowMenu({
  title,
  alwaysVisible,
  onRename,
  onDelete,
}: {
  title: string;
  /** Shown without hovering (on the open conversation). */
  alwaysVisible: boolean;
  onRename: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("nav");
  return (
    <Deferred
      loader={popover}
      standIn={(trigger) => (
        <IconButton
          icon={EllipsisIcon}
          label={t("actionsFor", { title })}
          tooltip="none"
          className={`mr-1 size-7 ${rowMenuVisibility(alwaysVisible)}`}
          {...trigger}
        />
      )}
      props={(activated): RowMenuPopoverProps => ({
        title,
        alwaysVisible,
        onRename,
        onDelete,
        defaultOpen: activated,
      })}
    />
  );
}
