"use client";

import { useTranslations } from "next-intl";
import { runShortcut } from "./registry";

/** The account menu's way to the shortcuts dialog (the same as pressing `?`). */
export function ShortcutsMenuButton() {
  const t = useTranslations("nav.shortcuts");
  return (
    <button
      type="button"
      onClick={(event) => {
        event.currentTarget.closest("details")?.removeAttribute("open");
        runShortcut("help");
      }}
      className="w-full rounded px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
    >
      {t("title")}
    </button>
  );
}
