"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useShortcut } from "@/components/shortcuts/use-shortcut";
import { IconButton } from "@/components/ui/icon-button";
import { MenuIcon, PanelLeftCloseIcon, PanelLeftOpenIcon, XIcon } from "@/components/ui/icons";
import { HeaderSlotContext } from "./header-slot";
import { COLLAPSED, SIDEBAR_COOKIE } from "./preferences";

interface Props {
  sidebar: ReactNode;
  /** Left part of the header (app name, badges). */
  title: ReactNode;
  /** Right part of the header (account menu). */
  account: ReactNode;
  initiallyCollapsed: boolean;
  children: ReactNode;
}

/** Tailwind's md breakpoint: below it the sidebar is an overlay. */
const WIDE = "(min-width: 48rem)";

/**
 * The chat frame: a sidebar that collapses on wide screens and opens as an overlay on narrow
 * ones (below the md breakpoint), beside the header and page.
 */
export function SidebarShell({ sidebar, title, account, initiallyCollapsed, children }: Props) {
  const t = useTranslations("nav");
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const [overlay, setOverlay] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const aside = useRef<HTMLElement>(null);
  const [searchRequested, setSearchRequested] = useState(0);
  const headerSlot = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!overlay) return;
    closeButton.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      // Menus, the rename box and dialogs inside the sidebar handle their own Escape.
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"]')) return;
      setOverlay(false);
      menuButton.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [overlay]);

  // After the sidebar is shown (and the overlay has focused its Close button), focus the search box.
  useEffect(() => {
    if (searchRequested === 0) return;
    aside.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }, [searchRequested]);

  useShortcut("toggleSidebar", () => {
    if (window.matchMedia(WIDE).matches) toggleCollapsed();
    else if (overlay) closeOverlay();
    else setOverlay(true);
  });
  useShortcut("search", () => {
    if (window.matchMedia(WIDE).matches) {
      if (collapsed) toggleCollapsed();
    } else setOverlay(true);
    setSearchRequested((count) => count + 1);
  });

  function closeOverlay() {
    setOverlay(false);
    menuButton.current?.focus();
  }

  function toggleCollapsed() {
    const next = !collapsed;
    setCollapsed(next);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout
    document.cookie = `${SIDEBAR_COOKIE}=${next ? COLLAPSED : "open"}; path=/; max-age=31536000; samesite=lax`;
  }

  return (
    <div className="flex h-dvh">
      {overlay && (
        // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop only mirrors Escape and the Close menu button
        // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes the overlay from anywhere
        <div className="fixed inset-0 z-30 bg-black/40 md:hidden" onClick={closeOverlay} />
      )}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: only reacts to clicks on the links inside */}
      <aside
        ref={aside}
        id="sidebar"
        onClick={(event) => {
          // Following a link (also to the page already open) closes the overlay.
          if (event.target instanceof Element && event.target.closest("a[href]")) setOverlay(false);
        }}
        className={[
          "w-72 shrink-0 flex-col border-r border-zinc-200 bg-white md:w-64 dark:border-zinc-800 dark:bg-zinc-950",
          overlay ? "fixed inset-y-0 left-0 z-40 flex shadow-xl md:static md:shadow-none" : "hidden",
          collapsed ? "md:hidden" : "md:flex",
        ].join(" ")}
      >
        {overlay && (
          <div className="flex justify-end p-2 pb-0 md:hidden">
            <IconButton
              ref={closeButton}
              icon={XIcon}
              label={t("closeMenu")}
              tooltip="none"
              onClick={closeOverlay}
            />
          </div>
        )}
        {sidebar}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 shrink-0 items-center gap-1 border-b border-zinc-200 px-2 sm:px-3 dark:border-zinc-800">
          <IconButton
            ref={menuButton}
            icon={MenuIcon}
            label={t("openMenu")}
            tooltip="bottom"
            aria-expanded={overlay}
            aria-controls="sidebar"
            onClick={() => setOverlay(true)}
            className="md:hidden"
          />
          <IconButton
            icon={collapsed ? PanelLeftOpenIcon : PanelLeftCloseIcon}
            label={collapsed ? t("showSidebar") : t("hideSidebar")}
            tooltip="bottom"
            aria-expanded={!collapsed}
            aria-controls="sidebar"
            onClick={toggleCollapsed}
            className="max-md:hidden"
          />
          <div className="flex min-w-0 flex-1 items-center gap-2 px-1">{title}</div>
          <div ref={headerSlot} className="flex shrink-0 items-center gap-0.5" />
          <div className="ml-1 shrink-0">{account}</div>
        </header>
        <HeaderSlotContext value={headerSlot}>{children}</HeaderSlotContext>
      </div>
    </div>
  );
}
