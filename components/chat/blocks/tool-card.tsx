"use client";

import type { ReactNode } from "react";

/** The collapsed card of one tool call: a one-line summary; input and result inside. */
export function ToolCard({
  type,
  name,
  summary,
  serverName,
  children,
}: {
  type: string;
  name: string;
  summary: string;
  /** MCP calls: the connector's name. */
  serverName?: string;
  children?: ReactNode;
}) {
  return (
    <details
      data-block-type={type}
      data-tool-name={name}
      data-server-name={serverName}
      className="mb-2 rounded-md border border-zinc-200 px-3 py-1 text-sm dark:border-zinc-800"
    >
      <summary className="cursor-pointer break-words text-zinc-600 dark:text-zinc-400">{summary}</summary>
      {children && <div className="pb-2">{children}</div>}
    </details>
  );
}
