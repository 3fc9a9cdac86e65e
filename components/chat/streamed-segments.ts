// A reply that streams in is split into finished blocks and a live tail, so that each new token
// re-parses and re-renders only the tail: the Markdown renderer's own work is proportional to the
// text it is given, and giving it the whole reply on every token made long replies quadratic.
import { useRef } from "react";
import { parseMarkdownIntoBlocks } from "streamdown";

/** The last blocks stay live: text still to come can change how they parse (a list, a heading). */
export const LIVE_BLOCKS = 2;

export interface Segments {
  /** Finished blocks, each rendered once. */
  frozen: string[];
  /** frozen.join(""). */
  frozenText: string;
  /** The rest of the text, rendered on every update. */
  tail: string;
}

const EMPTY: Segments = { frozen: [], frozenText: "", tail: "" };

/** The segments for `text`, freezing more blocks of the tail once later blocks follow them. */
export function advanceSegments(
  previous: Segments,
  text: string,
  parse: (markdown: string) => string[] = parseMarkdownIntoBlocks,
): Segments {
  // A replaced text (a retry, an edit) starts over.
  const base = text.startsWith(previous.frozenText) ? previous : EMPTY;
  const tail = text.slice(base.frozenText.length);
  const blocks = parse(tail);
  // Only a split that loses nothing is safe to render in parts.
  if (blocks.length <= LIVE_BLOCKS || blocks.join("") !== tail) return { ...base, tail };
  const finished = blocks.slice(0, blocks.length - LIVE_BLOCKS);
  const finishedText = finished.join("");
  return {
    frozen: [...base.frozen, ...finished],
    frozenText: base.frozenText + finishedText,
    tail: tail.slice(finishedText.length),
  };
}

/**
 * Segments while the reply streams, and after it ends in this view (re-rendering every block at the
 * end would cost as much as the whole stream's tail work); null for a reply that was already finished
 * when it was first shown, which renders in one piece.
 */
export function useStreamedSegments(text: string, streaming: boolean): Segments | null {
  const last = useRef<{ text: string; segments: Segments } | null>(null);
  if (!streaming && last.current === null) return null;
  if (last.current?.text !== text) {
    last.current = { text, segments: advanceSegments(last.current?.segments ?? EMPTY, text) };
  }
  return last.current.segments;
}
