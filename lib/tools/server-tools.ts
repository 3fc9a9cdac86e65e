// The tools Anthropic runs for Claude (server tools), as data: a new tool version is a one-line
// change here. Versions are the ones @anthropic-ai/sdk 1.12 types in its main (non-beta) Messages
// API, chosen as the earliest generally available version so that every current model takes them.
// Shared by browser (the Tools menu) and server (the request).
import type { ModelInfo } from "@/lib/model/types";

export const SERVER_TOOL_IDS = ["web_search", "web_fetch", "code_execution"] as const;
export type ServerToolId = (typeof SERVER_TOOL_IDS)[number];

interface ServerToolSpec {
  /** The entry in the request's `tools`. */
  definition: { type: string; name: string; [option: string]: unknown };
  /** `anthropic-beta` values the tool needs (none in SDK 1.12: all three are generally available). */
  betas: string[];
  /** Whether a model can use it: the Models API capability where it reports one. */
  supportedBy(model: ModelInfo | undefined): boolean;
}

export const SERVER_TOOLS: Record<ServerToolId, ServerToolSpec> = {
  web_search: {
    definition: { type: "web_search_20250305", name: "web_search", max_uses: 5 },
    betas: [],
    supportedBy: () => true,
  },
  web_fetch: {
    definition: {
      type: "web_fetch_20250910",
      name: "web_fetch",
      max_uses: 5,
      max_content_tokens: 50_000,
      citations: { enabled: true },
    },
    betas: [],
    supportedBy: () => true,
  },
  code_execution: {
    definition: { type: "code_execution_20250825", name: "code_execution" },
    betas: [],
    supportedBy: (model) => model?.codeExecution !== false,
  },
};

/** The MCP connector: `mcp_servers` + an `mcp_toolset` per server, behind this beta. */
export const MCP_BETA = "mcp-client-2025-11-20";
/** Attachments sent by Files API id (see lib/files/remote.ts). */
export const FILES_BETA = "files-api-2025-04-14";

/** What the Tools menu can switch on: server tools the admin allows, and connectors. */
export type DisabledTools = ReadonlySet<ServerToolId | "connectors">;

/** The server tools offered for `model`, in menu order. */
export function offeredServerTools(model: ModelInfo | undefined, disabled: DisabledTools): ServerToolId[] {
  return SERVER_TOOL_IDS.filter((id) => !disabled.has(id) && SERVER_TOOLS[id].supportedBy(model));
}
