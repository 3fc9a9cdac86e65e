/**
 * The few class sets every button uses, so that pages look alike. Pair a kind with a size:
 * `${button.primary} ${buttonSize.md}`. Panels and dialogs: ./panel-styles.ts.
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
