// Floating panels, their rows and modal dialogs; kept apart from button-styles.ts because only
// code loaded on demand (popovers, dialogs) uses them.

/** A floating panel (popover, menu); its width and padding come from ./popover-panel.tsx. */
export const panel =
  "z-50 rounded-xl border border-zinc-200 bg-white text-sm text-zinc-900 shadow-lg outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** One row of a panel: a link or a button, with an optional leading icon. */
export const menuItem =
  "flex w-full items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-left text-sm text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800 [&>svg]:size-4 [&>svg]:shrink-0 [&>svg]:text-zinc-500 dark:[&>svg]:text-zinc-400";

/** A modal dialog's box and its backdrop. */
export const dialogOverlay = "fixed inset-0 z-50 bg-black/40 backdrop-blur-[1px]";
export const dialogBox =
  "fixed top-1/2 left-1/2 z-50 -translate-x-1/2 -translate-y-1/2 rounded-2xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-2xl outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
