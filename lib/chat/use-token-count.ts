"use client";
// Counts the input tokens of the message being written, as the server would send it: debounced,
// cancelled when the draft changes, remembered per request so that going back costs nothing.
import { useEffect, useRef, useState } from "react";
import { countTokens } from "@/lib/api-client/chat";

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
      const answer = await countTokens(key, controller.signal);
      // Refused, cancelled or offline: the meter keeps its last figure.
      if (!answer.ok) return;
      const { inputTokens, exact, contextLimit } = answer.data;
      const result = { tokens: inputTokens, exact, limit: contextLimit };
      cache.current.set(key, result);
      setCount(result);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return count;
}
