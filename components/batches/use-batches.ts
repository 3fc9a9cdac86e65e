"use client";
// The signed-in user's batches, refreshed every few seconds while any is still running.
import { useCallback, useEffect, useState } from "react";
import type { BatchView } from "@/lib/batches/view";
import { listBatches } from "./api";

const POLL_MS = 2000;
const isOpen = (batch: BatchView) => batch.status === "in_progress" || batch.status === "canceling";

export function useBatches(initial: BatchView[]) {
  const [batches, setBatches] = useState(initial);
  const refresh = useCallback(async () => {
    const result = await listBatches();
    if (result.ok) setBatches(result.value.batches);
  }, []);
  const running = batches.some(isOpen);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);
  return { batches, refresh };
}
