"use client";

import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import type { ChatMessage } from "@/lib/chat/view-model";

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
  loadOlder: () => Promise<boolean>,
) {
  const sentinel = useRef<HTMLDivElement>(null);
  // The first message after the last render, and its offset in the container.
  const first = useRef<{ id: string; top: number } | null>(null);

  useEffect(() => {
    const root = container.current;
    const target = sentinel.current;
    if (!root || !target || !hasOlder) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadOlder();
      },
      { root, rootMargin: "800px 0px 0px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [container, hasOlder, loadOlder]);

  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const previous = first.current;
    const head = messages[0];
    if (previous && previous.id !== head?.id) {
      const moved = messageElement(root, previous.id);
      if (moved) root.scrollTop += moved.offsetTop - previous.top;
    }
    const headElement = head ? messageElement(root, head.id) : null;
    first.current = head && headElement ? { id: head.id, top: headElement.offsetTop } : null;
  }, [container, messages]);

  return sentinel;
}
