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
 * Keeps a heavier component (a Radix popover, menu or dialog) out of the page's first load: a light
 * stand-in (usually the trigger button) shows until the person reaches for it; the code is fetched on
 * the first hover or focus (`preload`) and the real component mounts, opened, on the first press.
 *
 *   const accountMenu = deferredLoader(() => import("./account-menu-popover")); // module level
 *   <Deferred loader={accountMenu} standIn={({ activate, preload }) => <button …/>} props={(open) => ({ defaultOpen: open })} />
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

interface DeferredProps<Props extends object> {
  loader: DeferredLoader<Props>;
  /** The stand-in; call `activate` when pressed and `preload` on hover or focus. */
  standIn: (handlers: { activate: () => void; preload: () => void }) => ReactNode;
  /** Props for the loaded component; `activated` is true once the stand-in was pressed. */
  props: (activated: boolean) => Props;
}

export function Deferred<Props extends object>({ loader, standIn, props }: DeferredProps<Props>) {
  const [activated, setActivated] = useState(false);
  const fallback = standIn({ activate: () => setActivated(true), preload: loader.preload });
  if (!activated) return fallback;
  const { Component } = loader;
  return (
    <Suspense fallback={fallback}>
      <Component {...props(true)} />
    </Suspense>
  );
}
