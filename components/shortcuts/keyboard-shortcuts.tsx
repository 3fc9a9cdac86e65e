"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import {
  type Binding,
  isTextField,
  matchShortcut,
  runShortcut,
  SHORTCUTS,
  type ShortcutId,
} from "./registry";
import { useShortcut } from "./use-shortcut";

/**
 * Escape inside a dialog closes the dialog; plain Escape inside the sidebar closes its menu or the
 * sidebar itself, not the reply being written.
 */
function escapeTakenElsewhere(event: KeyboardEvent, id: ShortcutId): boolean {
  if (event.key !== "Escape" || !(event.target instanceof Element)) return false;
  return event.target.closest(id === "stop" ? "dialog, #sidebar" : "dialog") !== null;
}

function keyLabels(binding: Binding, apple: boolean): string[] {
  const key = binding.key === "Escape" ? "Esc" : binding.key.toUpperCase();
  return [...(binding.mod ? [apple ? "⌘" : "Ctrl"] : []), ...(binding.shift ? ["Shift"] : []), key];
}

/**
 * Listens for the shortcuts on the signed-in pages, handles New chat and `?` itself, and shows the
 * dialog that lists them all.
 */
export function KeyboardShortcuts() {
  const t = useTranslations("nav.shortcuts");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [apple, setApple] = useState(false);

  useEffect(() => {
    setApple(/Mac|iPhone|iPad/.test(navigator.userAgent));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const id = matchShortcut(event);
      if (id && !escapeTakenElsewhere(event, id) && runShortcut(id)) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  useShortcut("newChat", () => router.push("/"));
  useShortcut("help", () => {
    if (!dialog.current?.open) dialog.current?.showModal();
  });

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      onKeyDown={(event) => {
        // `?` again closes it, as it opened it.
        if (event.key !== "?" || isTextField(event.target)) return;
        event.preventDefault(); // not to be reopened by the page's listener
        dialog.current?.close();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="shortcuts-title" className="font-semibold">
          {t("title")}
        </h2>
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          {t("close")}
        </button>
      </div>
      <dl className="mt-3 flex flex-col gap-2 text-sm">
        {SHORTCUTS.map(({ id, binding }) => (
          <div key={id} data-shortcut={id} className="flex items-center justify-between gap-4">
            <dt>{t(id)}</dt>
            <dd className="flex shrink-0 gap-1">
              {keyLabels(binding, apple).map((label) => (
                <kbd
                  key={label}
                  className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800"
                >
                  {label}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">{t("hint")}</p>
    </dialog>
  );
}
