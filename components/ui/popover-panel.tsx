"use client";

import * as Popover from "@radix-ui/react-popover";
import type { ComponentProps } from "react";
import { panel } from "./panel-styles";

/** Width and padding: rows of a menu (./panel-styles.ts `menuItem`) or a few labelled fields. */
const variants = {
  menu: "min-w-44 p-1",
  /** Beside a sidebar row. */
  compactMenu: "min-w-36 p-1",
  /** One width whatever the rows hold (a header row with an email). */
  wideMenu: "w-64 p-1",
  form: "w-[min(20rem,calc(100vw-1rem))] p-3",
  /** A long text field. */
  wideForm: "w-[min(32rem,calc(100vw-1rem))] p-3",
} as const;

export type PopoverPanelVariant = keyof typeof variants;

export interface PopoverPanelProps extends ComponentProps<typeof Popover.Content> {
  /** The panel's accessible name (it is a dialog). */
  "aria-label": string;
  variant?: PopoverPanelVariant;
  /** Rendered at the end of the page (default), or in place, e.g. to stay inside a landmark. */
  portal?: boolean;
}

/** The floating panel of every popover: placed against its trigger, kept on screen, one look. */
export function PopoverPanel({
  variant = "menu",
  portal = true,
  className = "",
  onEscapeKeyDown,
  ...props
}: PopoverPanelProps) {
  const content = (
    <Popover.Content
      align="start"
      sideOffset={6}
      collisionPadding={8}
      {...props}
      onEscapeKeyDown={(event) => {
        // Escape closes only the popover: not the reply being written, nor the phone's sidebar overlay.
        event.stopPropagation();
        onEscapeKeyDown?.(event);
      }}
      className={`${panel} ${variants[variant]} ${className}`}
    />
  );
  return portal ? <Popover.Portal>{content}</Popover.Portal> : content;
}
