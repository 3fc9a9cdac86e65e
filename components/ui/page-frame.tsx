import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowLeftIcon } from "./icons";

interface PageFrameProps {
  title: string;
  /** The "Back to chat" link's text. */
  backLabel: string;
  /** Beside the title, e.g. the page's primary button. */
  actions?: ReactNode;
  /** One line under the title. */
  intro?: ReactNode;
  width?: "narrow" | "wide";
  children: ReactNode;
}

/** The frame of the pages beside the chat (presets, settings, usage, admin, batches, shared links). */
export function PageFrame({ title, backLabel, actions, intro, width = "narrow", children }: PageFrameProps) {
  return (
    <main className="min-h-0 flex-1 overflow-y-auto">
      <div
        className={`mx-auto flex w-full flex-col gap-6 px-4 pt-4 pb-12 sm:px-6 ${width === "wide" ? "max-w-6xl" : "max-w-3xl"}`}
      >
        <div className="flex flex-col gap-3">
          <Link
            href="/"
            className="inline-flex items-center gap-1.5 self-start rounded-md text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
          >
            <ArrowLeftIcon aria-hidden="true" className="size-4" />
            {backLabel}
          </Link>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
            {actions}
          </div>
          {intro && <p className="text-sm text-zinc-600 dark:text-zinc-400">{intro}</p>}
        </div>
        {children}
      </div>
    </main>
  );
}
