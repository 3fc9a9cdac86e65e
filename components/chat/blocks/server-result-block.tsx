"use client";

import type { ContentBlock } from "@/lib/chat/content";
import { CodeExecutionResult } from "./code-execution-card";
import { WebFetchResult } from "./web-fetch-card";
import { WebSearchResult } from "./web-search-card";

const CODE_RESULTS = new Set([
  "code_execution_tool_result",
  "bash_code_execution_tool_result",
  "text_editor_code_execution_tool_result",
]);

/** Whether a server tool's result can be shown without its call (null: not one this app displays). */
export function isServerResult(block: ContentBlock): boolean {
  return (
    block.type === "web_search_tool_result" ||
    block.type === "web_fetch_tool_result" ||
    CODE_RESULTS.has(block.type)
  );
}

/** A server tool's result whose call is not in the message: shown on its own. */
export function ServerResultBlock({ block, messageId }: { block: ContentBlock; messageId?: string }) {
  if (block.type === "web_search_tool_result") return <WebSearchResult block={block} standalone />;
  if (block.type === "web_fetch_tool_result") return <WebFetchResult block={block} standalone />;
  return <CodeExecutionResult block={block} messageId={messageId} standalone />;
}
