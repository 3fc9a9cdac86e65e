"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const NEAR_BOTTOM_PX = 80;

/** Keeps a scroll container pinned to the bottom while content grows, until the user scrolls up. */
export function useAutoScroll(dependency: unknown) {
  const container = useRef<HTMLDivElement>(null);
  const [pinned, setPinned] = useState(true);

  const onScroll = useCallback(() => {
    const element = container.current;
    if (!element) return;
    setPinned(element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX);
  }, []);

  const scrollToBottom = useCallback(() => {
    const element = container.current;
    if (element) element.scrollTop = element.scrollHeight;
    setPinned(true);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run whenever the content changes
  useEffect(() => {
    if (pinned && container.current) container.current.scrollTop = container.current.scrollHeight;
  }, [dependency, pinned]);

  return { container, pinned, onScroll, scrollToBottom };
}
