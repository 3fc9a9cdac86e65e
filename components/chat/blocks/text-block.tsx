"use client";

import { useMemo } from "react";
import type { ContentBlock } from "@/lib/chat/content";
import { Markdown } from "../markdown";
import { CitationMarkers } from "./citation-markers";
import { citedSources } from "./citations";

export function TextBlock({
  text,
  live,
  block,
  citationNumbers,
}: {
  text: string;
  live: boolean;
  /** The block itself, for its citations. */
  block?: ContentBlock;
  /** Its sources' numbers in the message, as "1,3" (see citationNumbers). */
  citationNumbers?: string;
}) {
  const sources = useMemo(
    () => (block && citationNumbers ? citedSources(block) : []),
    [block, citationNumbers],
  );
  return (
    <div data-block-type="text">
      <Markdown text={text} streaming={live} />
      {sources.length > 0 && citationNumbers && (
        <CitationMarkers sources={sources} numbers={citationNumbers.split(",").map(Number)} />
      )}
    </div>
  );
}
