"use client";

import { usePathname } from "next/navigation";
import { Fragment, type ReactNode, useState } from "react";

/**
 * A chat started on "/" moves its address to /c/<id> without a navigation (history.replaceState),
 * so "New chat" (a link to "/") lands on the same page and React would keep the finished chat on
 * screen. Coming back to "/" from another address starts the page afresh.
 */
export function FreshNewChat({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [seen, setSeen] = useState({ pathname, generation: 0 });
  if (seen.pathname !== pathname) {
    // Adjusting state while rendering (React's pattern for "reset on prop change"): no stale frame.
    setSeen({ pathname, generation: seen.generation + (pathname === "/" ? 1 : 0) });
  }
  return <Fragment key={seen.generation}>{children}</Fragment>;
}
