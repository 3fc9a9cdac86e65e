"use client";

import * as Popover from "@radix-ui/react-popover";
import type { ReactNode } from "react";

/** The Radix part of the system prompt editor, loaded on first use (components/ui/deferred.tsx). */
export default function SystemPromptPopover({
  defaultOpen,
  label,
  trigger,
  children,
}: {
  defaultOpen: boolean;
  /** The dialog's accessible name. */
  label: string;
  trigger: ReactNode;
  children: ReactNode;
}) {
  return (
    <Popover.Root defaultOpen={defaultOpen}>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          aria-label={label}
          side="bottom"
          align="start"
          sideOffset={8}
          collisionPadding={8}
          className="z-40 w-[min(32rem,calc(100vw-1rem))] rounded-xl border border-zinc-200 bg-white p-3 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
