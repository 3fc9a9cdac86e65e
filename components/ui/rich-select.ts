"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/**
 * Whether this browser draws a customizable select (`appearance: base-select`: a `<button>` inside the
 * select and markup inside options). False on the server and during hydration, so the first render is
 * a plain select with text options everywhere (no hydration mismatch: an older HTML parser would drop
 * that markup); browsers that can then draw the rich picker.
 */
export function useRichSelect(): boolean {
  return useSyncExternalStore(
    noop,
    () => typeof CSS !== "undefined" && CSS.supports?.("appearance", "base-select") === true,
    () => false,
  );
}
