"use client";

import type { ReactNode } from "react";

/**
 * A server tool's result block: inside its call's card, or alone (with a label) when the call is not
 * in the message. Carries the block's own type, and its error code when it failed.
 */
export function ResultFrame({
  type,
  errorCode,
  standalone,
  label,
  children,
}: {
  type: string;
  errorCode: string | null;
  standalone: boolean;
  label: string;
  children: ReactNode;
}) {
  return (
    <div
      data-block-type={type}
      data-tool-error={errorCode ?? undefined}
      className={
        standalone
          ? "mb-2 flex flex-col gap-1 rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800"
          : "mt-2 flex flex-col gap-1 text-sm"
      }
    >
      {standalone && <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</p>}
      {children}
    </div>
  );
}

export const preClass =
  "max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-900";

export const labelClass = "text-xs font-medium text-zinc-500 dark:text-zinc-400";
