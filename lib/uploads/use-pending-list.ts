"use client";
// The list behind a composer's pending attachments (images, documents): items patched as their
// uploads progress, each upload abortable, a notice for files that were not added.
import { useCallback, useEffect, useReducer, useRef, useState } from "react";

export function usePendingList<T extends { key: string }>(onRelease?: (key: string) => void) {
  // The list lives in a ref so that several add() calls in one event see each other's items.
  const store = useRef<T[]>([]);
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const [notice, setNotice] = useState<string | null>(null);
  const controllers = useRef(new Map<string, AbortController>());
  const releaseHook = useRef(onRelease);
  releaseHook.current = onRelease;

  const setItems = useCallback((next: T[]) => {
    store.current = next;
    rerender();
  }, []);
  const patch = useCallback(
    (key: string, change: Partial<T>) =>
      setItems(store.current.map((item) => (item.key === key ? { ...item, ...change } : item))),
    [setItems],
  );
  /** An abort signal for the work on `key`, aborted when the item is removed or the list cleared. */
  const track = useCallback((key: string) => {
    const controller = new AbortController();
    controllers.current.set(key, controller);
    return controller.signal;
  }, []);
  const release = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    releaseHook.current?.(key);
  }, []);

  const remove = useCallback(
    (key: string) => {
      release(key);
      setNotice(null);
      setItems(store.current.filter((item) => item.key !== key));
    },
    [release, setItems],
  );

  const clear = useCallback(() => {
    for (const item of store.current) release(item.key);
    setNotice(null);
    setItems([]);
  }, [release, setItems]);

  useEffect(
    () => () => {
      for (const item of store.current) release(item.key);
    },
    [release],
  );

  return { store, items: store.current, setItems, patch, track, remove, clear, notice, setNotice };
}
