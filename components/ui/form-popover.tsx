"use client";

import * as Popover from "@radix-ui/react-popover";
import type { ReactNode } from "react";
import { PopoverPanel, type PopoverPanelProps } from "./popover-panel";

export interface FormPopoverProps {
  defaultOpen: boolean;
  /** The panel's accessible name. */
  label: string;
  trigger: ReactNode;
  /** The fields; their state belongs to the caller, so closing the popover keeps it. */
  children: ReactNode;
  side?: PopoverPanelProps["side"];
  variant?: "form" | "wideForm";
}

/**
 * A popover of fields behind a button, both given by the caller; the Radix part, loaded on first use
 * (./deferred.tsx). Escape closes it and puts focus back on the button.
 */
export default function FormPopover({
  defaultOpen,
  label,
  trigger,
  children,
  side = "bottom",
  variant = "form",
}: FormPopoverProps) {
  return (
    <Popover.Root defaultOpen={defaultOpen}>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <PopoverPanel aria-label={label} side={side} variant={variant}>
        {children}
      </PopoverPanel>
    </Popover.Root>
  );
}
