// A conversation as Markdown: its title, then the active branch, one section per message.
import { MessageTree } from "@/lib/chat/tree";
import type { ExportedConversation, ExportedMessage } from "./schema";

type Block = ExportedMessage["content"][number];

function blockMarkdown(block: Block): string | null {
  if (block.type === "text") return block.text ?? "";
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
