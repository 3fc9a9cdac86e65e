"use client";

import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import type { ChatMessage } from "@/lib/chat/view-model";
import type { OlderPageResult } from "./use-chat";

function messageElement(root: HTMLElement, id: string): HTMLElement | null {
  return root.querySelector(`[data-message-id="${CSS.escape(id)}"]`);
}

/**
 * Loads older messages when a sentinel above them comes near the top of the scroll container, and
 * keeps what the user was looking at in place when they are prepended: the message that was first
 * moves down by the height added above it, and the scroll position follows it. (The container sets
 * `overflow-anchor: none`, so the browser's own anchoring does not adjust it a second time.)
 */
export function useOlderMessages(
  container: RefObject<HTMLDivElement | null>,
  messages: ChatMessage[],
  hasOlder: boolean,
  loadOlder: () => Promise<OlderPageResult>,
) {
  const sentinel = useRef<HTMLDivElement>(null);
  // The first message when older ones were asked for, and its offset in the container then.
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const firstId = messages[0]?.id;

  useEffect(() => {
    const root = container.current;
    const target = sentinel.current;
    if (!root || !target || !hasOlder) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        const previous = anchor.current;
        const head = firstId ? messageElement(root, firstId) : null;
        anchor.current = firstId && head ? { id: firstId, top: head.offsetTop } : null;
        void loadOlder().then((result) => {
          if (result === "skipped") anchor.current = previous; // a load already on its way keeps its anchor
          if (result === "failed") anchor.current = null;
        });
      },
      { root, rootMargin: "800px 0px 0px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [container, hasOlder, loadOlder, firstId]);

  // Runs only when the first message changed, never on the renders of a streaming reply.
  useLayoutEffect(() => {
    const root = container.current;
    const saved = anchor.current;
    if (!root || !saved || saved.id === firstId) return;
    anchor.current = null;
    const moved = messageElement(root, saved.id);
    if (moved) root.scrollTop += moved.offsetTop - saved.top;
  }, [container, firstId]);

  return sentinel;
}
