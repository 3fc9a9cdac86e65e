// Messages-API content blocks as stored in Message.content and shown by the client.
export type ContentBlock =
  | { type: "text"; text: string }
  | { type: "thinking"; thinking: string; signature?: string }
  | { type: "redacted_thinking"; data: string }
  // Blocks this app does not display (tool use, server tool results, future types) are kept verbatim.
  | { type: string; [key: string]: unknown };

export function textOf(content: readonly ContentBlock[]): string {
  return content
    .filter((block): block is { type: "text"; text: string } => block.type === "text")
    .map((block) => block.text)
    .join("");
}

export function parseContent(json: string): ContentBlock[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as ContentBlock[]) : [];
  } catch {
    return [];
  }
}
