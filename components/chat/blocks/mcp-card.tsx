"use client";

import { useTranslations } from "next-intl";
import type { ContentBlock } from "@/lib/chat/content";
import { asToolResult, prettyJson, type ToolCall } from "./block-data";
import { labelClass, preClass } from "./result-frame";
import { ToolCard } from "./tool-card";
import { ToolResultBlock } from "./tool-result-block";

/** mcp_tool_use and its mcp_tool_result: which connector's tool Claude used, with what, and the answer. */
export function McpCard({
  call,
  result,
  pending,
}: {
  call: ToolCall;
  result: ContentBlock | null;
  pending: boolean;
}) {
  const t = useTranslations("chat.blocks");
  const server = call.serverName ?? "";
  const answer = result ? asToolResult(result) : null;
  const values = { name: call.name, server };
  return (
    <ToolCard
      type={call.type}
      name={call.name}
      serverName={server}
      summary={!answer && pending ? t("usingMcp", values) : t("usedMcp", values)}
    >
      <p className={`mt-1 ${labelClass}`}>{t("toolInput")}</p>
      <pre className={preClass}>{prettyJson(call.input)}</pre>
      {answer && <ToolResultBlock result={answer} />}
    </ToolCard>
  );
}
