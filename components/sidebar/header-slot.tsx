"use client";

import { createContext, type ReactNode, type RefObject, useContext, useEffect, useState } from "react";
import { createPortal } from "react-dom";

/**
 * The header's place for the open page's own buttons (the chat's Share and Export). The context holds
 * a ref that never changes: a context value changing after the first render would reach every
 * server-rendered reply still waiting for its Markdown renderer, and React would show them raw again.
 */
export const HeaderSlotContext = createContext<RefObject<HTMLElement | null> | null>(null);

/** Shows its children in the header, beside the account menu, once the header is on the page. */
export function HeaderActions({ children }: { children: ReactNode }) {
  const slotRef = useContext(HeaderSlotContext);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => setSlot(slotRef?.current ?? null), [slotRef]);
  return slot ? createPortal(children, slot) : null;
}
