"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/** The per-conversation actions behind a small disclosure button. */
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
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    container.current?.querySelector<HTMLButtonElement>("[data-menu-item]")?.focus();
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  const item = "block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800";

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from the trigger or an item closes the menu
    <div
      ref={container}
      className="relative shrink-0"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        event.preventDefault(); // handled: the mobile overlay stays open
        setOpen(false);
        trigger.current?.focus();
      }}
    >
      <button
        ref={trigger}
        type="button"
        aria-label={t("actionsFor", { title })}
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className={`rounded px-2 py-1 text-sm text-zinc-500 dark:text-zinc-400 hover:text-zinc-900 focus:opacity-100 group-hover:opacity-100 dark:hover:text-zinc-100 [@media(hover:none)]:opacity-100 ${
          open || alwaysVisible ? "opacity-100" : "opacity-0"
        }`}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div className="absolute right-0 top-full z-20 mt-1 w-36 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <button type="button" data-menu-item onClick={choose(onRename)} className={item}>
            {t("rename")}
          </button>
          <button
            type="button"
            data-menu-item
            onClick={choose(onDelete)}
            className={`${item} text-red-700 dark:text-red-300`}
          >
            {t("delete")}
          </button>
        </div>
      )}
    </div>
  );
}
