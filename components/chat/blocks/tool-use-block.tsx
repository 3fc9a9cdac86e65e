"use client";

import { useTranslations } from "next-intl";
import type { ContentBlock } from "@/lib/chat/content";
import { SEARCH_CONVERSATIONS } from "@/lib/tools/search-result";
import { asToolResult, prettyJson, type ToolCall } from "./block-data";
import { CODE_EXECUTION_TOOLS, CodeExecutionCard } from "./code-execution-card";
import { McpCard } from "./mcp-card";
import { UnsupportedBlock } from "./notice-blocks";
import { labelClass, preClass } from "./result-frame";
import { SearchCard } from "./search-card";
import { ToolCard } from "./tool-card";
import { ToolResultBlock } from "./tool-result-block";
import { WebFetchCard } from "./web-fetch-card";
import { WebSearchCard } from "./web-search-card";

interface ToolUseProps {
  call: ToolCall;
  /** Its result block, once the tool has run. */
  result: ContentBlock | null;
  /** The reply is still streaming and the result has not come yet. */
  pending: boolean;
  /** The reply's id (file downloads); absent before it is known. */
  messageId?: string;
}

function GenericToolCard({ call, result, pending }: ToolUseProps) {
  const t = useTranslations("chat.blocks");
  const answer = result ? asToolResult(result) : null;
  return (
    <ToolCard
      type={call.type}
      name={call.name}
      summary={pending && !result ? t("usingTool", { name: call.name }) : t("usedTool", { name: call.name })}
    >
      <p className={`mt-1 ${labelClass}`}>{t("toolInput")}</p>
      <pre className={preClass}>{prettyJson(call.input)}</pre>
      {answer ? <ToolResultBlock result={answer} /> : result && <UnsupportedBlock type={result.type} />}
    </ToolCard>
  );
}

/** A tool call with its result in one card, by kind of tool. */
export function ToolUseBlock(props: ToolUseProps) {
  const { call } = props;
  if (call.type === "tool_use") {
    if (call.name === SEARCH_CONVERSATIONS) {
      const answer = props.result ? asToolResult(props.result) : null;
      return <SearchCard call={call} result={answer} pending={props.pending && !answer} />;
    }
    return <GenericToolCard {...props} />;
  }
  if (call.type === "mcp_tool_use") return <McpCard {...props} />;
  if (call.type === "server_tool_use") {
    if (call.name === "web_search") return <WebSearchCard {...props} />;
    if (call.name === "web_fetch") return <WebFetchCard {...props} />;
    if (CODE_EXECUTION_TOOLS.has(call.name)) return <CodeExecutionCard {...props} />;
  }
  return <GenericToolCard {...props} />;
}
