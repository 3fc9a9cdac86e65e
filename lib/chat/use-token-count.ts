"use client";
// Counts the input tokens of the message being written, as the server would send it: debounced,
// cancelled when the draft changes, remembered per request so that going back costs nothing.
import { useEffect, useRef, useState } from "react";

export interface DraftCount {
  tokens: number;
  /** From the counting endpoint; false: an estimate. */
  exact: boolean;
  /** The model's input limit, when known. */
  limit: number | null;
}

const DEBOUNCE_MS = 400;

export function useTokenCount(body: object | null): DraftCount | null {
  const [count, setCount] = useState<DraftCount | null>(null);
  const cache = useRef(new Map<string, DraftCount>());
  const key = body ? JSON.stringify(body) : null;

  useEffect(() => {
    if (!key) {
      setCount(null);
      return;
    }
    const cached = cache.current.get(key);
    if (cached) {
      setCount(cached);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch("/api/chat/count", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: key,
          signal: controller.signal,
        });
        if (!response.ok) return;
        const answer = (await response.json()) as {
          inputTokens: number;
          exact: boolean;
          contextLimit: number | null;
        };
        const result = { tokens: answer.inputTokens, exact: answer.exact, limit: answer.contextLimit };
        cache.current.set(key, result);
        setCount(result);
      } catch {
        // Cancelled or offline: the meter keeps its last figure.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return count;
}
