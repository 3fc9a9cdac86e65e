"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useEffect, useState } from "react";
import { matchShortcut, runShortcut, type ShortcutId } from "./registry";
import { useShortcut } from "./use-shortcut";

// Loaded when first opened: Radix's dialog stays off the first load.
const ShortcutsDialog = lazy(() => import("./shortcuts-dialog"));

const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"]';

/**
 * Escape inside a dialog or popover closes it; plain Escape inside the sidebar closes its menu or the
 * sidebar itself, not the reply being written.
 */
function escapeTakenElsewhere(event: KeyboardEvent, id: ShortcutId): boolean {
  if (event.key !== "Escape" || !(event.target instanceof Element)) return false;
  return event.target.closest(id === "stop" ? `${DIALOG}, #sidebar` : DIALOG) !== null;
}

/**
 * Listens for the shortcuts on the signed-in pages, handles New chat and `?` itself, and shows the
 * dialog that lists them all.
 */
export function KeyboardShortcuts() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
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
  useShortcut("help", () => setOpen(true));

  return open ? (
    <Suspense fallback={null}>
      <ShortcutsDialog apple={apple} onClose={() => setOpen(false)} />
    </Suspense>
  ) : null;
}
