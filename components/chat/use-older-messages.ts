"use client";

import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import type { ChatMessage } from "@/lib/chat/view-model";

/**
 * Loads older messages when a sentinel above them comes near the top of the scroll container, and
 * keeps what the user was looking at in place when they are prepended.
 */
export function useOlderMessages(
  container: RefObject<HTMLDivElement | null>,
  messages: ChatMessage[],
  hasOlder: boolean,
  loadOlder: () => Promise<boolean>,
) {
  const sentinel = useRef<HTMLDivElement>(null);
  // Distance from the bottom before loading, and the first message it was measured against.
  const anchor = useRef<{ fromBottom: number; firstId: string | undefined } | null>(null);

  useEffect(() => {
    const root = container.current;
    const target = sentinel.current;
    if (!root || !target || !hasOlder) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        anchor.current = { fromBottom: root.scrollHeight - root.scrollTop, firstId: messages[0]?.id };
        void loadOlder().then((loaded) => {
          if (!loaded) anchor.current = null;
        });
      },
      { root, rootMargin: "800px 0px 0px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [container, hasOlder, loadOlder, messages[0]?.id]);

  useLayoutEffect(() => {
    const root = container.current;
    const saved = anchor.current;
    if (!root || !saved || saved.firstId === messages[0]?.id) return;
    root.scrollTop = root.scrollHeight - saved.fromBottom;
    anchor.current = null;
  }, [container, messages]);

  return sentinel;
}
