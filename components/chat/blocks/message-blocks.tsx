"use client";

import { memo, useMemo } from "react";
import type { ContentBlock } from "@/lib/chat/content";
import { asToolCall, asToolResult, pairResults, resultToolUseId } from "./block-data";
import { citationNumbers } from "./citations";
import { RedactedThinkingBlock, UnsupportedBlock } from "./notice-blocks";
import { isServerResult, ServerResultBlock } from "./server-result-block";
import { TextBlock } from "./text-block";
import { ThinkingBlock } from "./thinking-block";
import { ToolResultBlock } from "./tool-result-block";
import { ToolUseBlock } from "./tool-use-block";

const stringField = (block: ContentBlock, key: string) => {
  const value = (block as Record<string, unknown>)[key];
  return typeof value === "string" ? value : "";
};

interface BlockProps {
  block: ContentBlock;
  /** Tool calls: their result block, if it is in the message. */
  result: ContentBlock | undefined;
  /** This block is the one streaming now. */
  live: boolean;
  /** Tool calls: the reply streams on and the result has not come yet. */
  pending: boolean;
  /** The reply's id (file downloads). */
  messageId: string | undefined;
  /** Text: its sources' numbers in the message ("1,3"). */
  citations: string | undefined;
}

/**
 * One block, memoised: a streaming reply changes only its last block, and the chat state keeps the
 * other block objects as they were, so finished blocks do not re-render on every delta.
 */
const Block = memo(function Block({ block, result, live, pending, messageId, citations }: BlockProps) {
  switch (block.type) {
    case "text":
      return (
        <TextBlock text={stringField(block, "text")} live={live} block={block} citationNumbers={citations} />
      );
    case "thinking":
      return <ThinkingBlock text={stringField(block, "thinking")} live={live} />;
    case "redacted_thinking":
      return <RedactedThinkingBlock />;
  }
  const call = asToolCall(block);
  if (call) {
    return (
      <ToolUseBlock call={call} result={result ?? null} pending={pending && !result} messageId={messageId} />
    );
  }
  const alone = asToolResult(block);
  if (alone) return <ToolResultBlock result={alone} standalone />;
  if (isServerResult(block)) return <ServerResultBlock block={block} messageId={messageId} />;
  return <UnsupportedBlock type={block.type} />;
});

function isBlock(block: unknown): block is ContentBlock {
  return typeof (block as ContentBlock | undefined)?.type === "string";
}

/** An assistant message's content, every step's blocks in order; tool results sit in their call's card. */
export function MessageBlocks({
  content,
  streaming,
  messageId,
}: {
  content: readonly (ContentBlock | undefined)[];
  streaming: boolean;
  /** The message's id: links to the files its code produced need it. */
  messageId?: string;
}) {
  const results = useMemo(() => pairResults(content), [content]);
  const citations = useMemo(() => citationNumbers(content), [content]);
  const lastIndex = content.findLastIndex(isBlock);
  return content.map((block, index) => {
    if (!isBlock(block)) return null; // a hole while streaming: a block not announced (yet)
    const live = streaming && index === lastIndex;
    const answers = resultToolUseId(block);
    if (answers && results.get(answers) === block) return null; // shown in its call's card
    if (block.type === "text" && !live && stringField(block, "text") === "") return null;
    if (block.type === "redacted_thinking" && content[index - 1]?.type === "redacted_thinking") return null;
    const call = asToolCall(block);
    return (
      <Block
        // Positions are stable: blocks are only ever added or replaced in place.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        key={index}
        block={block}
        result={call ? results.get(call.id) : undefined}
        live={live}
        pending={call !== null && streaming}
        messageId={messageId}
        citations={citations.get(index)}
      />
    );
  });
}
