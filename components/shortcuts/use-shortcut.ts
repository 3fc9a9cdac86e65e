"use client";

import { useEffect, useRef } from "react";
import { onShortcut, type ShortcutId } from "./registry";

/** Runs `handler` for the shortcut while the component is mounted (and `enabled`). */
export function useShortcut(id: ShortcutId, handler: () => unknown, enabled = true) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => (enabled ? onShortcut(id, () => latest.current()) : undefined), [id, enabled]);
}
