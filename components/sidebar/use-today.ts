"use client";

import { useSyncExternalStore } from "react";
import { dayNumber } from "./date-groups";

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function subscribe(onChange: () => void) {
  let timer: ReturnType<typeof setTimeout>;
  const untilMidnight = () => {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    timer = setTimeout(
      () => {
        onChange();
        untilMidnight();
      },
      midnight.getTime() - now.getTime() + 1000,
    );
  };
  untilMidnight();
  // Timers are throttled in background tabs: check again when the tab is shown.
  document.addEventListener("visibilitychange", onChange);
  return () => {
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onChange);
  };
}

/**
 * Today's day number in the browser's time zone, or null while rendering on the server and
 * hydrating (the server does not know the reader's time zone).
 */
export function useToday(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => dayNumber(new Date(), localTimeZone()),
    () => null,
  );
}
