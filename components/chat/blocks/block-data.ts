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
}

export interface ToolResult {
  type: string;
  toolUseId: string;
  text: string;
  isError: boolean;
}

type Fields = Record<string, unknown>;

export function asToolCall(block: ContentBlock): ToolCall | null {
  if (!CALL_TYPES.has(block.type)) return null;
  const { id, name, input } = block as Fields;
  return typeof id === "string" && typeof name === "string" ? { type: block.type, id, name, input } : null;
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
    const result = block && asToolResult(block);
    if (result && callIds.has(result.toolUseId) && !results.has(result.toolUseId))
      results.set(result.toolUseId, block);
  }
  return results;
}

export function searchQueryOf(input: unknown): string {
  const query = (input as Fields | null)?.query;
  return typeof query === "string" ? query : "";
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
