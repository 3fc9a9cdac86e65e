// The progress saves of every reply streaming in this process, written together: each reply asks
// about once a second, and hundreds of replies at once would otherwise each cost a statement.
import type { ContentBlock } from "./content";

export interface ProgressRow {
  id: string;
  content: string;
  seq: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A `saveProgress` that serializes the content at the call (the blocks keep growing) and writes
 * every save asked for within `windowMs` with one `write`; a reply saved twice in one window is
 * written once, with its latest content. Each call resolves once its batch is written.
 */
export function batchedProgressSaves(write: (rows: ProgressRow[]) => Promise<unknown>, windowMs = 50) {
  let rows = new Map<string, ProgressRow>();
  let waiters: Waiter[] = [];
  let scheduled = false;

  const flush = () => {
    const batch = [...rows.values()];
    const settled = waiters;
    rows = new Map();
    waiters = [];
    scheduled = false;
    write(batch).then(
      () => {
        for (const waiter of settled) waiter.resolve();
      },
      (error: unknown) => {
        for (const waiter of settled) waiter.reject(error);
      },
    );
  };

  return (id: string, content: ContentBlock[], seq: number): Promise<void> => {
    rows.set(id, { id, content: JSON.stringify(content), seq });
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, windowMs);
    }
    return new Promise((resolve, reject) => {
      waiters.push({ resolve, reject });
    });
  };
}
