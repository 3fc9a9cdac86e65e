/**
 * The few class sets every button, menu and floating panel uses, so that pages look alike. Pair a
 * kind with a size: `${button.primary} ${buttonSize.md}`.
 */
const base =
  "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-lg font-medium transition-colors disabled:pointer-events-none disabled:opacity-50";

export const button = {
  /** The page's main action (Save, New preset, Submit batch). */
  primary: `${base} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300`,
  /** Cancel, Edit and other actions beside a primary one. */
  secondary: `${base} border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800`,
  /** Delete, Revoke: what cannot be undone. */
  destructive: `${base} bg-red-600 text-white hover:bg-red-700 dark:bg-red-700 dark:hover:bg-red-600`,
  /** A quiet action without a frame (inline, in rows). */
  ghost: `${base} text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50`,
} as const;

export const buttonSize = {
  sm: "h-7 px-2.5 text-xs",
  md: "h-9 px-3.5 text-sm",
} as const;

/** A floating panel (popover, menu). */
export const panel =
  "z-50 min-w-44 rounded-xl border border-zinc-200 bg-white p-1 text-sm text-zinc-900 shadow-lg outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** One row of a panel: a link or a button, with an optional leading icon. */
export const menuItem =
  "flex w-full items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-left text-sm text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800 [&>svg]:size-4 [&>svg]:shrink-0 [&>svg]:text-zinc-500 dark:[&>svg]:text-zinc-400";

/** A modal dialog's box and its backdrop. */
export const dialogOverlay = "fixed inset-0 z-50 bg-black/40 backdrop-blur-[1px]";
export const dialogBox =
  "fixed top-1/2 left-1/2 z-50 -translate-x-1/2 -translate-y-1/2 rounded-2xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-2xl outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
