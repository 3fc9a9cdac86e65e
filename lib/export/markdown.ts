// A conversation as Markdown: its title, then the active branch, one section per message.
import type { ExportedConversation, ExportedMessage } from "./schema";

type Block = ExportedMessage["content"][number];

/** The active branch, oldest first: from the root, always the newest child (as the chat shows it). */
export function activeBranch(messages: readonly ExportedMessage[]): ExportedMessage[] {
  const newestChild = new Map<string | null, ExportedMessage>();
  for (const message of messages) newestChild.set(message.parentId, message); // oldest first
  const branch: ExportedMessage[] = [];
  for (let node = newestChild.get(null); node; node = newestChild.get(node.id)) branch.push(node);
  return branch;
}

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
  for (const message of activeBranch(conversation.messages)) {
    const who = message.role === "user" ? "User" : `Assistant${message.model ? ` (${message.model})` : ""}`;
    lines.push(`## ${who}`, "");
    const parts = message.content.map(blockMarkdown).filter((part) => part !== null);
    lines.push(parts.join("\n\n").trim() || "*(empty)*", "");
    if (message.status !== "done") lines.push(`*(${message.status})*`, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
