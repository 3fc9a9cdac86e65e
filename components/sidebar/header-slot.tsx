"use client";

import { createContext, type ReactNode, useContext } from "react";
import { createPortal } from "react-dom";

/** The header's place for the open page's own buttons (the chat's Share and Export). */
export const HeaderSlotContext = createContext<HTMLElement | null>(null);

/** Shows its children in the header, beside the account menu, once the header is on the page. */
export function HeaderActions({ children }: { children: ReactNode }) {
  const slot = useContext(HeaderSlotContext);
  return slot ? createPortal(children, slot) : null;
}
