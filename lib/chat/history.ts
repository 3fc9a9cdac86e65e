// The conversation as the Messages API must see it. A stored assistant message holds every step of
// its reply (thinking, text, tool calls, the app's tool results, …); the API wants the tool results
// in user messages between the calls, tool_use / tool_result in pairs, and thinking blocks unchanged
// and from the model being asked. Earlier turns are trimmed to what is valid; the turn in progress
// is sent back exactly as the model wrote it.
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";
import { PDF_MEDIA_TYPE, TEXT_MEDIA_TYPE } from "@/lib/documents/limits";
import type { ContentBlock, DocumentBlock, ImageBlock } from "./content";

export interface HistoryMessage {
  role: string;
  content: ContentBlock[];
  /** The model that wrote an assistant message (its thinking signatures belong to it). */
  model?: string | null;
}

/**
 * Uploaded images and documents by attachment id: their Files API id where they have one (see
 * lib/files/remote.ts), otherwise the base64 the API takes inline.
 */
export type ImageData = ReadonlyMap<string, { mediaType: string; base64: string; fileId?: string }>;

export interface HistoryOptions {
  /** The model this request goes to. */
  model: string;
  /** Thinking is on for this request. */
  thinking: boolean;
  /** The request defines (client) tools: without them the API refuses tool_use / tool_result blocks. */
  tools: boolean;
  /** Server tools offered in this request (their earlier calls and results are kept only then). */
  serverTools?: readonly string[];
  /** MCP servers offered in this request, by name. */
  mcpServers?: readonly string[];
  images?: ImageData;
  /** Documents go with `citations: {enabled: true}` (the conversation's Citations switch). */
  citations?: boolean;
}

/** The server tool a server_tool_use belongs to (code execution runs as bash / text editor calls). */
function serverToolOf(name: unknown): string {
  return name === "bash_code_execution" || name === "text_editor_code_execution"
    ? "code_execution"
    : String(name);
}

/** Whether an earlier server-side call (server tool or MCP) may go back: its tool is offered now. */
function hostedCallKept(block: Block, options: HistoryOptions): boolean {
  if (block.type === "server_tool_use") return (options.serverTools ?? []).includes(serverToolOf(block.name));
  return (options.mcpServers ?? []).includes(String(block.server_name));
}

const HOSTED_CALLS = new Set(["server_tool_use", "mcp_tool_use"]);
const isHostedResult = (block: Block) =>
  block.type === "mcp_tool_result" || (block.type !== "tool_result" && block.type.endsWith("_tool_result"));

type Block = ContentBlock & Record<string, unknown>;
type ApiMessage = { role: "user" | "assistant"; content: Block[] };

/** Only the fields the API takes back (the app stores a few of its own, e.g. `truncated_input`). */
function apiBlock(block: Block, images: ImageData, citations: boolean): Block {
  switch (block.type) {
    case "text":
      return block.citations
        ? { type: "text", text: block.text, citations: block.citations }
        : { type: "text", text: block.text };
    case "thinking":
      return { type: "thinking", thinking: block.thinking, signature: block.signature };
    case "redacted_thinking":
      return { type: "redacted_thinking", data: block.data };
    case "tool_use":
      return { type: "tool_use", id: block.id, name: block.name, input: block.input ?? {} };
    case "tool_result":
      return {
        type: "tool_result",
        tool_use_id: block.tool_use_id,
        content: block.content,
        ...(block.is_error ? { is_error: true } : {}),
      };
    case "image":
      return imageBlock(block as unknown as ImageBlock, images);
    case "document":
      return documentBlock(block as unknown as DocumentBlock, images, citations);
    default:
      return block;
  }
}

function imageBlock(block: ImageBlock, images: ImageData): Block {
  const source = block.source;
  if (source.type !== "attachment") return block as unknown as Block;
  const image = images.get(source.attachment_id);
  if (!image) return { type: "text", text: "[An image that is no longer available was here.]" };
  if (image.fileId) return { type: "image", source: { type: "file", file_id: image.fileId } };
  return { type: "image", source: { type: "base64", media_type: image.mediaType, data: image.base64 } };
}

/** A stored file goes by its Files API id, else a PDF as base64 and a text file as a text source; titled with its name. */
function documentBlock(block: DocumentBlock, files: ImageData, citations: boolean): Block {
  if (block.source?.type !== "attachment") return block as unknown as Block;
  const file = files.get(block.source.attachment_id);
  if (!file) return { type: "text", text: `[The file “${block.title}”, no longer available, was here.]` };
  const source = file.fileId
    ? { type: "file", file_id: file.fileId }
    : file.mediaType === PDF_MEDIA_TYPE
      ? { type: "base64", media_type: PDF_MEDIA_TYPE, data: file.base64 }
      : {
          type: "text",
          media_type: TEXT_MEDIA_TYPE,
          data: Buffer.from(file.base64, "base64").toString("utf8"),
        };
  return {
    type: "document",
    source,
    title: block.title,
    ...(citations ? { citations: { enabled: true } } : {}),
  };
}

/** An assistant message's blocks as API messages: assistant blocks, with the tool results between calls as user messages. */
function splitAtToolResults(blocks: Block[]): ApiMessage[] {
  const messages: ApiMessage[] = [];
  for (const block of blocks) {
    const role = block.type === "tool_result" ? "user" : "assistant";
    const last = messages.at(-1);
    if (last?.role === role) last.content.push(block);
    else messages.push({ role, content: [block] });
  }
  return messages;
}

/** What of an earlier reply may be sent again: complete blocks, answered tool calls, thinking the model may see. */
function keptOfEarlierReply(message: HistoryMessage, options: HistoryOptions): Block[] {
  const blocks = message.content as Block[];
  const called = new Set(blocks.filter((b) => b.type === "tool_use").map((b) => b.id));
  const answered = new Set(
    blocks.filter((b) => b.type === "tool_result" && called.has(b.tool_use_id)).map((b) => b.tool_use_id),
  );
  const sameModel = options.thinking && message.model === options.model;
  // Server-side calls come back with their result in the same message; both go, or neither.
  const hostedAnswered = new Set(blocks.filter(isHostedResult).map((b) => b.tool_use_id));
  const hostedKept = new Set(
    blocks
      .filter((b) => HOSTED_CALLS.has(b.type) && hostedAnswered.has(b.id) && hostedCallKept(b, options))
      .map((b) => b.id),
  );
  return blocks.filter((block) => {
    if (HOSTED_CALLS.has(block.type)) return hostedKept.has(block.id);
    if (isHostedResult(block)) return hostedKept.has(block.tool_use_id);
    switch (block.type) {
      case "text":
        return block.text !== "";
      // Thinking is tied to the model that wrote it; a block cut off before its signature is invalid.
      case "thinking":
        return sameModel && Boolean(block.signature);
      case "redacted_thinking":
        return sameModel && Boolean(block.data);
      case "tool_use":
        return options.tools && answered.has(block.id);
      case "tool_result":
        return options.tools && answered.has(block.tool_use_id);
      default:
        return true;
    }
  });
}

/** Joins neighbours of the same role (the API wants them alternating) and drops empty messages. */
function alternating(messages: ApiMessage[]): ApiMessage[] {
  const joined: ApiMessage[] = [];
  for (const message of messages) {
    if (message.content.length === 0) continue;
    const last = joined.at(-1);
    if (last?.role === message.role) {
      // A user message's tool results must come first.
      last.content =
        message.role === "user"
          ? [...last.content, ...message.content].sort(
              (a, b) => Number(b.type === "tool_result") - Number(a.type === "tool_result"),
            )
          : [...last.content, ...message.content];
    } else joined.push({ role: message.role, content: [...message.content] });
  }
  // A conversation must open with the user.
  while (joined[0]?.role === "assistant") joined.shift();
  return joined;
}

/**
 * The request's `messages`: the stored branch (ending with the user turn being answered) and,
 * within a multi-step reply, the blocks of its steps so far.
 */
export function toApiMessages(
  history: HistoryMessage[],
  options: HistoryOptions,
  turnSoFar: readonly ContentBlock[] = [],
): MessageParam[] {
  const images = options.images ?? new Map();
  const citations = options.citations === true;
  const toApi = (block: Block) => apiBlock(block, images, citations);
  const earlier = history.flatMap((message): ApiMessage[] => {
    if (message.role !== "assistant") {
      const content = (message.content as Block[])
        .filter((block) => block.type !== "text" || block.text !== "")
        .map(toApi);
      return [{ role: "user", content }];
    }
    return splitAtToolResults(keptOfEarlierReply(message, options).map(toApi));
  });
  const current = splitAtToolResults(
    (turnSoFar as Block[]).filter((block) => block.type !== "text" || block.text !== "").map(toApi),
  );
  return alternating([...earlier, ...current]) as MessageParam[];
}
