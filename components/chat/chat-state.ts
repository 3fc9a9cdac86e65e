// Client-side state of one conversation view: its messages, updated from app-protocol events.
import { attachmentsOf, type ContentBlock, withText } from "@/lib/chat/content";
import { type ChatEvent, EMPTY_USAGE } from "@/lib/chat/protocol";
import type { ChatMessage } from "@/lib/chat/view-model";

export type ChatAction =
  | {
      type: "sent";
      userId: string;
      assistantId: string;
      text: string;
      /** Its images and documents, as stored blocks. */
      attachments?: ContentBlock[];
      model: string;
    }
  | { type: "editing"; editedId: string; userId: string; assistantId: string; text: string; model: string }
  | { type: "retrying"; failedId: string; assistantId: string; model: string }
  | { type: "resuming"; id: string }
  | { type: "event"; id: string; event: ChatEvent }
  | { type: "discard"; ids: string[] }
  | { type: "loaded"; message: ChatMessage }
  | { type: "replaced"; messages: ChatMessage[] }
  | { type: "prepended"; messages: ChatMessage[] };

export function emptyReply(id: string, model: string | null): ChatMessage {
  return {
    id,
    role: "assistant",
    status: "streaming",
    content: [],
    model,
    stopReason: null,
    usage: EMPTY_USAGE,
    costUsd: null,
    requestId: null,
    error: null,
    siblingIds: [id],
  };
}

function userTurn(id: string, content: ContentBlock[], siblingIds = [id]): ChatMessage {
  return { ...emptyReply(id, null), role: "user", status: "done", content, siblingIds };
}

/** Once the server names a just-saved message, its local id gives way everywhere. */
function renamed(message: ChatMessage, localId: string, id: string): ChatMessage {
  return {
    ...message,
    id: message.id === localId ? id : message.id,
    siblingIds: message.siblingIds.map((sibling) => (sibling === localId ? id : sibling)),
  };
}

function applyEvent(shown: ChatMessage, event: ChatEvent): ChatMessage {
  // Any later event of the reply means the call went out again: the wait is over.
  const message = shown.retry && event.type !== "retrying" ? { ...shown, retry: null } : shown;
  switch (event.type) {
    case "start":
      return { ...renamed(message, message.id, event.assistantMessageId), model: event.model };
    case "block": {
      const content = [...message.content];
      content[event.index] =
        event.kind === "text" ? { type: "text", text: "" } : { type: "thinking", thinking: "" };
      return { ...message, content };
    }
    case "tool_call":
    case "tool_result":
    case "content":
      return withBlock(message, event.index, event.block);
    case "delta": {
      const block = message.content[event.index];
      if (!block) return message;
      const content = [...message.content];
      content[event.index] = appendText(block, event.text);
      return { ...message, content };
    }
    case "retrying": {
      const { type: _type, ...notice } = event;
      return { ...message, retry: notice };
    }
    case "step":
      return message; // the blocks of every step share one content list: nothing to reset
    case "usage":
      return { ...message, usage: event.usage };
    case "snapshot":
      // Served by another instance: the saved progress stands for every earlier event.
      return { ...message, content: Array.isArray(event.content) ? event.content.filter(isBlock) : [] };
    case "end":
      return {
        ...message,
        status: event.status,
        stopReason: event.stopReason,
        usage: event.usage,
        costUsd: event.costUsd,
        requestId: event.requestId,
        error: event.error,
        content: message.content.filter(Boolean),
      };
    default:
      return message; // unknown event types are ignored
  }
}

function isBlock(value: unknown): value is ContentBlock {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}

/** A whole block (a tool call, a tool result, anything not streamed) takes its place in the content. */
function withBlock(message: ChatMessage, index: unknown, block: unknown): ChatMessage {
  if (!Number.isInteger(index) || (index as number) < 0 || !isBlock(block)) return message;
  const content = [...message.content];
  content[index as number] = block;
  return { ...message, content };
}

function appendText(block: ContentBlock, text: string): ContentBlock {
  if (block.type === "text") return { ...block, text: (block as { text: string }).text + text };
  if (block.type === "thinking")
    return { ...block, thinking: (block as { thinking: string }).thinking + text };
  return block;
}

export function chatReducer(messages: ChatMessage[], action: ChatAction): ChatMessage[] {
  switch (action.type) {
    case "sent":
      return [
        ...messages,
        userTurn(action.userId, withText(action.attachments ?? [], action.text)),
        emptyReply(action.assistantId, action.model),
      ];
    case "editing": {
      // The edit starts a new branch: what followed the edited message belongs to the old one.
      const index = messages.findIndex((message) => message.id === action.editedId);
      const edited = messages[index];
      if (!edited) return messages;
      const user = userTurn(action.userId, withText(attachmentsOf(edited.content), action.text), [
        ...edited.siblingIds,
        action.userId,
      ]);
      return [...messages.slice(0, index), user, emptyReply(action.assistantId, action.model)];
    }
    case "retrying": {
      const index = messages.findIndex((message) => message.id === action.failedId);
      const previous = messages[index];
      if (!previous) return messages;
      const reply = emptyReply(action.assistantId, action.model);
      return [
        ...messages.slice(0, index),
        { ...reply, siblingIds: [...previous.siblingIds, action.assistantId] },
      ];
    }
    case "resuming":
      // The replay starts from the first event, so start from empty content.
      return messages.map((message) =>
        message.id === action.id ? emptyReply(message.id, message.model) : message,
      );
    case "event": {
      const index = messages.findIndex((message) => message.id === action.id);
      if (index === -1) return messages;
      const next = [...messages];
      next[index] = applyEvent(messages[index]!, action.event);
      const question = messages[index - 1];
      // The first event names the saved user turn: replace the local id of the message it answers.
      if (action.event.type === "start" && question?.role === "user" && question.id.startsWith("local-")) {
        next[index - 1] = renamed(question, question.id, action.event.userMessageId);
      }
      return next;
    }
    case "discard":
      return messages.filter((message) => !action.ids.includes(message.id));
    case "loaded":
      return messages.map((message) =>
        message.id === action.message.id ? { ...action.message, siblingIds: message.siblingIds } : message,
      );
    case "replaced":
      return action.messages;
    case "prepended":
      return [...action.messages, ...messages];
  }
}
