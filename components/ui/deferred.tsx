"use client";

import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from "react";

/**
 * Keeps a heavier component (a Radix popover) out of the page's first load: a light stand-in (the
 * trigger button) shows until the person reaches for it; the code is fetched on the first hover or
 * focus and the real component mounts, opened, on the first press.
 *
 *   const accountMenu = deferredLoader(() => import("./account-menu-popover")); // module level
 *   <Deferred loader={accountMenu} standIn={(trigger) => <button {...trigger} …/>} props={(open) => ({ defaultOpen: open })} />
 */
export interface DeferredLoader<Props extends object> {
  Component: LazyExoticComponent<ComponentType<Props>>;
  preload: () => void;
}

export function deferredLoader<Props extends object>(
  load: () => Promise<{ default: ComponentType<Props> }>,
): DeferredLoader<Props> {
  let loading: Promise<{ default: ComponentType<Props> }> | null = null;
  const start = () => {
    loading ??= load();
    return loading;
  };
  return { Component: lazy(start), preload: () => void start() };
}

/** What the stand-in button spreads: it says what it opens, loads on hover or focus, mounts on press. */
export interface StandInTriggerProps {
  "aria-haspopup": "dialog";
  "aria-expanded": false;
  onClick: () => void;
  onPointerEnter: () => void;
  onFocus: () => void;
}

interface DeferredProps<Props extends object> {
  loader: DeferredLoader<Props>;
  standIn: (trigger: StandInTriggerProps) => ReactNode;
  /** Props for the loaded component; `activated` is true once the stand-in was pressed. */
  props: (activated: boolean) => Props;
}

export function Deferred<Props extends object>({ loader, standIn, props }: DeferredProps<Props>) {
  const [activated, setActivated] = useState(false);
  const fallback = standIn({
    "aria-haspopup": "dialog",
    "aria-expanded": false,
    onClick: () => setActivated(true),
    onPointerEnter: loader.preload,
    onFocus: loader.preload,
  });
  if (!activated) return fallback;
  const { Component } = loader;
  return (
    <Suspense fallback={fallback}>
      <Component {...props(true)} />
    </Suspense>
  );
}
