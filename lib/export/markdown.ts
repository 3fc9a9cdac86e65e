// A conversation as Markdown: its title, then the active branch, one section per message.
import { MessageTree } from "@/lib/chat/tree";
import type { ExportedConversation, ExportedMessage } from "./schema";

type Block = ExportedMessage["content"][number];

const TOOL_CALLS = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);

/** The web pages a text block cites, as Markdown links. */
function sourceLinks(block: Block): string[] {
  const citations = Array.isArray(block.citations) ? (block.citations as Record<string, unknown>[]) : [];
  return citations.flatMap((citation) =>
    typeof citation.url === "string" && /^https?:\/\//.test(citation.url)
      ? [`[${String(citation.title ?? citation.url).replace(/[[\]]/g, "")}](${citation.url})`]
      : [],
  );
}

function sourcesLine(links: string[]): string {
  const unique = [...new Set(links)];
  return unique.length > 0 ? `*Sources: ${unique.join(", ")}*` : "";
}

/** Where in a document a citation points, in words (pages count from 1, characters from 0, ends exclusive). */
function documentPlace(citation: Record<string, unknown>): string {
  const { start_page_number: page, end_page_number: endPage } = citation;
  const { start_char_index: start, end_char_index: end } = citation;
  if (typeof page === "number" && typeof endPage === "number")
    return endPage - page <= 1 ? `page ${page}` : `pages ${page}–${endPage - 1}`;
  if (typeof start === "number" && typeof end === "number") return `characters ${start + 1}–${end}`;
  return "";
}

/** Document citations become numbered footnotes, collected for the end of the export. */
class Footnotes {
  readonly lines: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The footnote marks for a text block's document citations, e.g. "[^1][^2]". */
  marks(block: Block): string {
    const citations = Array.isArray(block.citations) ? (block.citations as Record<string, unknown>[]) : [];
    const marks = new Set<number>();
    for (const citation of citations) {
      if (typeof citation.url === "string" || typeof citation.cited_text !== "string") continue;
      const title = typeof citation.document_title === "string" ? citation.document_title : "Document";
      const place = documentPlace(citation);
      const quote = citation.cited_text.replace(/\s+/g, " ").trim();
      const note = `${title}${place ? `, ${place}` : ""}: “${quote}”`;
      let number = this.numbers.get(note);
      if (number === undefined) {
        number = this.numbers.size + 1;
        this.numbers.set(note, number);
        this.lines.push(`[^${number}]: ${note}`);
      }
      marks.add(number);
    }
    return [...marks].map((number) => `[^${number}]`).join("");
  }
}

function blockMarkdown(block: Block, footnotes: Footnotes): string | null {
  if (block.type === "text") {
    const sources = sourcesLine(sourceLinks(block));
    return (block.text ?? "") + footnotes.marks(block) + (sources ? `\n\n${sources}` : "");
  }
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
  const footnotes = new Footnotes();
  const branch = new MessageTree(conversation.messages).path(conversation.activeLeafId ?? null);
  for (const message of branch) {
    const who = message.role === "user" ? "User" : `Assistant${message.model ? ` (${message.model})` : ""}`;
    lines.push(`## ${who}`, "");
    const parts = message.content
      .map((block) => blockMarkdown(block, footnotes))
      .filter((part) => part !== null);
    lines.push(parts.join("\n\n").trim() || "*(empty)*", "");
    if (message.status !== "done") lines.push(`*(${message.status})*`, "");
  }
  if (footnotes.lines.length > 0) lines.push(...footnotes.lines, "");
  return `${lines.join("\n").trimEnd()}\n`;
}

/**
 * One reply as Markdown, for "Copy as Markdown": its text (text blocks are consecutive pieces of it),
 * document citations as footnotes and the web pages it cites as one list of sources.
 */
export function replyMarkdown(content: readonly Block[]): string {
  const footnotes = new Footnotes();
  const texts = content.filter((block) => block.type === "text");
  const text = texts.map((block) => (block.text ?? "") + footnotes.marks(block)).join("");
  const sources = sourcesLine(texts.flatMap(sourceLinks));
  return [text.trim(), sources, footnotes.lines.join("\n")].filter(Boolean).join("\n\n");
}
