// Reading the loosely typed content blocks of an assistant message: what the block components show.
import type { ContentBlock } from "@/lib/chat/content";

/** Blocks that call a tool: {id, name, input}. */
const CALL_TYPES = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);
/** Blocks that answer a call by `tool_use_id` with text content. */
const RESULT_TYPES = new Set(["tool_result", "mcp_tool_result"]);

export interface ToolCall {
  type: string;
  id: string;
  name: string;
  input: unknown;
  /** mcp_tool_use: the connector's name. */
  serverName?: string;
}

export interface ToolResult {
  type: string;
  toolUseId: string;
  text: string;
  isError: boolean;
}

export type Fields = Record<string, unknown>;

/** An object's fields, or none for anything else (blocks are loosely typed: never trust a shape). */
export function fieldsOf(value: unknown): Fields {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

export function stringOf(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function numberOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Result blocks of every kind: `tool_result`, `mcp_tool_result` and the server tools' `…_tool_result`. */
export function isResultType(type: string): boolean {
  return type === "tool_result" || type.endsWith("_tool_result");
}

/** The call a result block answers, or null when it is not a (well-formed) result. */
export function resultToolUseId(block: ContentBlock): string | null {
  if (!isResultType(block.type)) return null;
  return stringOf((block as Fields).tool_use_id);
}

/** A server tool result's error code (`{type: "…_error", error_code}`), or null when it succeeded. */
export function resultErrorCode(block: ContentBlock): string | null {
  const content = fieldsOf((block as Fields).content);
  return typeof content.type === "string" && content.type.endsWith("_error")
    ? (stringOf(content.error_code) ?? "unknown")
    : null;
}

export function asToolCall(block: ContentBlock): ToolCall | null {
  if (!CALL_TYPES.has(block.type)) return null;
  const { id, name, input, server_name: serverName } = block as Fields;
  if (typeof id !== "string" || typeof name !== "string") return null;
  return typeof serverName === "string"
    ? { type: block.type, id, name, input, serverName }
    : { type: block.type, id, name, input };
}

/** A result's content is a string or a list of blocks; only their text is shown. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: unknown) => {
      const { type, text } = (part ?? {}) as Fields;
      return type === "text" && typeof text === "string" ? text : "";
    })
    .filter(Boolean)
    .join("\n");
}

export function asToolResult(block: ContentBlock): ToolResult | null {
  if (!RESULT_TYPES.has(block.type)) return null;
  const { tool_use_id: toolUseId, content, is_error: isError } = block as Fields;
  if (typeof toolUseId !== "string") return null;
  return { type: block.type, toolUseId, text: contentText(content), isError: isError === true };
}

/** Each call's result block by the call's id: those are shown inside the call's card. */
export function pairResults(content: readonly (ContentBlock | undefined)[]): Map<string, ContentBlock> {
  const callIds = new Set<string>();
  for (const block of content) {
    const call = block && asToolCall(block);
    if (call) callIds.add(call.id);
  }
  const results = new Map<string, ContentBlock>();
  for (const block of content) {
    const toolUseId = block && resultToolUseId(block);
    if (block && toolUseId && callIds.has(toolUseId) && !results.has(toolUseId))
      results.set(toolUseId, block);
  }
  return results;
}

export function searchQueryOf(input: unknown): string {
  const query = (input as Fields | null)?.query;
  return typeof query === "string" ? query : "";
}

/** Links out of the app: http(s) only, never a script or a local file. */
export function externalHref(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** Where a produced file is downloaded from; none until the reply has its saved id. */
export function fileHref(messageId: string | undefined, fileId: string): string | null {
  if (!messageId || messageId.startsWith("local-")) return null;
  return `/api/files/${encodeURIComponent(messageId)}/${encodeURIComponent(fileId)}`;
}

/** Only links within this app ("/c/…"): never another site, never a script. */
export function appHref(url: string): string | null {
  return /^\/(?![/\\])/.test(url) ? url : null;
}

/** The input of a tool call as indented JSON. */
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value ?? {}, null, 2) ?? "";
  } catch {
    return String(value);
  }
}
