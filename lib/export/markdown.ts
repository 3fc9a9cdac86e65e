// A conversation as Markdown: its title, then the active branch, one section per message.
import { MessageTree } from "@/lib/chat/tree";
import type { ExportedConversation, ExportedMessage } from "./schema";

type Block = ExportedMessage["content"][number];

const TOOL_CALLS = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);

/** The web sources a text block cites, as Markdown links. */
function sourcesOf(block: Block): string {
  const citations = Array.isArray(block.citations) ? (block.citations as Record<string, unknown>[]) : [];
  const links = [
    ...new Set(
      citations.flatMap((citation) =>
        typeof citation.url === "string" && /^https?:\/\//.test(citation.url)
          ? [`[${String(citation.title ?? citation.url).replace(/[[\]]/g, "")}](${citation.url})`]
          : [],
      ),
    ),
  ];
  return links.length > 0 ? `\n\n*Sources: ${links.join(", ")}*` : "";
}

function blockMarkdown(block: Block): string | null {
  if (block.type === "text") return (block.text ?? "") + sourcesOf(block);
  if (block.type === "thinking" && block.thinking)
    return `> *Thinking:* ${block.thinking.replace(/\n/g, "\n> ")}`;
  if (TOOL_CALLS.has(block.type)) {
    const server = typeof block.server_name === "string" ? ` on ${block.server_name}` : "";
    return `*[Tool: ${String(block.name)}${server} ${JSON.stringify(block.input ?? {})}]*`;
  }
  if (block.type === "image") {
    const source = block.source as { type?: string; url?: string } | undefined;
    return source?.type === "url" && source.url ? `![image](${source.url})` : "*[image]*";
  }
  return null;
}

export function conversationMarkdown(conversation: ExportedConversation): string {
  const lines = [`# ${conversation.title.replace(/\s+/g, " ")}`, ""];
  if (conversation.systemPrompt) lines.push("## System prompt", "", conversation.systemPrompt, "");
  const branch = new MessageTree(conversation.messages).path(conversation.activeLeafId ?? null);
  for (const message of branch) {
    const who = message.role === "user" ? "User" : `Assistant${message.model ? ` (${message.model})` : ""}`;
    lines.push(`## ${who}`, "");
    const parts = message.content.map(blockMarkdown).filter((part) => part !== null);
    lines.push(parts.join("\n\n").trim() || "*(empty)*", "");
    if (message.status !== "done") lines.push(`*(${message.status})*`, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
