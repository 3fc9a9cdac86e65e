"use client";

import { useTranslations } from "next-intl";
import { SEARCH_CONVERSATIONS } from "@/lib/tools/search-result";
import { prettyJson, type ToolCall, type ToolResult } from "./block-data";
import { SearchCard } from "./search-card";
import { ToolCard } from "./tool-card";
import { ToolResultBlock } from "./tool-result-block";

interface ToolUseProps {
  call: ToolCall;
  /** Its result, once the tool has run. */
  result: ToolResult | null;
  /** The reply is still streaming and the result has not come yet. */
  pending: boolean;
}

function GenericToolCard({ call, result, pending }: ToolUseProps) {
  const t = useTranslations("chat.blocks");
  return (
    <ToolCard
      type={call.type}
      name={call.name}
      summary={pending ? t("usingTool", { name: call.name }) : t("usedTool", { name: call.name })}
    >
      <p className="mt-1 text-xs font-medium text-zinc-500">{t("toolInput")}</p>
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-900">
        {prettyJson(call.input)}
      </pre>
      {result && <ToolResultBlock result={result} />}
    </ToolCard>
  );
}

export function ToolUseBlock(props: ToolUseProps) {
  return props.call.type === "tool_use" && props.call.name === SEARCH_CONVERSATIONS ? (
    <SearchCard {...props} />
  ) : (
    <GenericToolCard {...props} />
  );
}
